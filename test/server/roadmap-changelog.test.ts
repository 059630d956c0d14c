import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { frozenClock } from '../../src/server/clock'
import type {
  AuditLogEntry,
  ChangelogEntry,
  FeedbackRequest,
  PublicChangelogResponse,
  RoadmapResponse,
} from '../../src/shared/api'
import { ANONYMOUS_ID_HEADER, audienceFor } from '../../src/shared/identity'
import { serverWithFreshProject } from '../helpers/fresh-project'
import type { TestServer } from '../helpers/start-server'
import { mintToken } from '../helpers/tokens'

const START = Date.UTC(2026, 0, 10, 12)
const clock = frozenClock(START)
let server: TestServer
let projectId: string
let secret: string

serverWithFreshProject({ demo: false, clock }, 'Acme', (fresh) => {
  ;({ server, projectId, secret } = fresh)
  clock.set(START)
})

const api = (path: string) => `${server.url}/v1/projects/${projectId}${path}`
const visitor = randomUUID()

async function submit(title: string, headers: Record<string, string> = {}) {
  const res = await fetch(api('/requests'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [ANONYMOUS_ID_HEADER]: visitor, ...headers },
    body: JSON.stringify({ title, body: `About ${title}` }),
  })
  expect(res.status).toBe(201)
  return ((await res.json()) as { request: FeedbackRequest }).request
}

async function setStatus(id: string, status: string) {
  const res = await server.adminFetch(`/v1/admin/projects/${projectId}/requests/${id}`, {
    method: 'PATCH',
    body: JSON.stringify({ status }),
  })
  expect(res.status).toBe(200)
}

async function vote(id: string, voter = randomUUID()) {
  const res = await fetch(api(`/requests/${id}/vote`), {
    method: 'POST',
    headers: { [ANONYMOUS_ID_HEADER]: voter },
  })
  expect(res.status).toBe(200)
}

async function roadmap(headers: Record<string, string> = {}) {
  const res = await fetch(api('/roadmap'), { headers })
  expect(res.status).toBe(200)
  return (await res.json()) as RoadmapResponse
}

const laneTitles = (map: RoadmapResponse) =>
  Object.fromEntries(map.lanes.map((lane) => [lane.status, lane.requests.map((r) => r.title)]))

async function writeEntry(body: unknown) {
  return server.adminFetch(`/v1/admin/projects/${projectId}/changelog`, {
    method: 'POST',
    body: JSON.stringify(body),
  })
}

async function patchEntry(id: string, body: unknown) {
  return server.adminFetch(`/v1/admin/projects/${projectId}/changelog/${id}`, {
    method: 'PATCH',
    body: JSON.stringify(body),
  })
}

async function publicChangelog() {
  const res = await fetch(api('/changelog'))
  expect(res.status).toBe(200)
  return (await res.json()) as PublicChangelogResponse
}

describe('the public roadmap', () => {
  it('has exactly the lanes planned, in_progress and done, in that order, even when empty', async () => {
    const map = await roadmap()
    expect(map.lanes).toEqual([
      { status: 'planned', requests: [] },
      { status: 'in_progress', requests: [] },
      { status: 'done', requests: [] },
    ])
  })

  it('puts each request in its status lane, most voted first, leaving open, declined and merged ones out', async () => {
    const a = await submit('Dark mode')
    const b = await submit('CSV export')
    const c = await submit('SSO')
    const d = await submit('Open idea')
    const e = await submit('Declined idea')
    const f = await submit('Merged duplicate')
    await setStatus(a.id, 'planned')
    await setStatus(b.id, 'planned')
    await vote(b.id)
    await setStatus(c.id, 'in_progress')
    await setStatus(e.id, 'declined')
    await setStatus(f.id, 'planned')
    await server.adminFetch(`/v1/admin/projects/${projectId}/requests/${f.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ mergeInto: a.id }),
    })
    const map = await roadmap()
    expect(laneTitles(map)).toEqual({
      planned: ['CSV export', 'Dark mode'],
      in_progress: ['SSO'],
      done: [],
    })
    expect(JSON.stringify(map)).not.toContain(d.id)
  })

  it('lists done requests most recently completed first, at most 50', async () => {
    const early = await submit('Finished first')
    const late = await submit('Finished last')
    await setStatus(late.id, 'in_progress')
    clock.advance(1000)
    await setStatus(early.id, 'done')
    clock.advance(1000)
    await setStatus(late.id, 'done')
    // A title edit is no completion: the order stays.
    clock.advance(1000)
    await server.adminFetch(`/v1/admin/projects/${projectId}/requests/${early.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ title: 'Finished first (renamed)' }),
    })
    expect(laneTitles(await roadmap()).done).toEqual(['Finished last', 'Finished first (renamed)'])

    for (let i = 0; i < 52; i++) {
      clock.advance(1000)
      const request = await submit(`Shipped ${i}`)
      await setStatus(request.id, 'done')
    }
    const done = laneTitles(await roadmap()).done ?? []
    expect(done).toHaveLength(50)
    expect(done[0]).toBe('Shipped 51')
  })

  it('shows the caller their own votes, and never revenue, emails or authors', async () => {
    const token = await mintToken(
      secret,
      {
        sub: 'ann',
        aud: audienceFor(projectId),
        email: 'ann@example.com',
        traits: { plan: 'pro', amount: 4900, interval: 'month' },
      },
      { nowMs: clock.now() },
    )
    const request = await submit('Audit log', { Authorization: `Bearer ${token}` })
    await setStatus(request.id, 'planned')
    await fetch(api(`/requests/${request.id}/vote`), {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, [ANONYMOUS_ID_HEADER]: visitor },
    })
    const mine = await roadmap({ Authorization: `Bearer ${token}`, [ANONYMOUS_ID_HEADER]: visitor })
    expect(mine.lanes[0]?.requests[0]).toMatchObject({ title: 'Audit log', voted: true })
    const theirs = await roadmap({ [ANONYMOUS_ID_HEADER]: randomUUID() })
    expect(theirs.lanes[0]?.requests[0]).toMatchObject({ voted: false })
    const text = JSON.stringify(theirs)
    for (const secretBit of ['ann@example.com', 'mrr', '4900', '"pro"', 'author', '"ann"'])
      expect(text).not.toContain(secretBit)
  })

  it('shows a status change at once: the cache is dropped on every write', async () => {
    const request = await submit('Webhooks')
    await setStatus(request.id, 'planned')
    expect(laneTitles(await roadmap()).planned).toEqual(['Webhooks'])
    await setStatus(request.id, 'in_progress')
    expect(laneTitles(await roadmap())).toMatchObject({ planned: [], in_progress: ['Webhooks'] })
    const before = (await roadmap()).lanes[1]?.requests[0]?.votes ?? 0
    await vote(request.id)
    expect((await roadmap()).lanes[1]?.requests[0]?.votes).toBe(before + 1)
  })
})

describe('the changelog', () => {
  it('keeps a draft out of the public changelog and publishes it later, moving its requests to done', async () => {
    const a = await submit('Dark mode')
    const b = await submit('CSV export')
    await setStatus(a.id, 'in_progress')
    const created = await writeEntry({
      title: 'March release',
      body: '## New\n\n- **Dark mode**',
      requestIds: [a.id, b.id],
    })
    expect(created.status).toBe(201)
    const { entry } = (await created.json()) as { entry: ChangelogEntry }
    expect(entry).toMatchObject({
      title: 'March release',
      body: '## New\n\n- **Dark mode**',
      requestIds: [a.id, b.id],
      publishedAt: null,
    })
    expect((await publicChangelog()).entries).toEqual([])
    expect(laneTitles(await roadmap())).toMatchObject({ in_progress: ['Dark mode'], done: [] })

    clock.advance(60_000)
    const published = await patchEntry(entry.id, { publish: true })
    expect(published.status).toBe(200)
    const after = ((await published.json()) as { entry: ChangelogEntry }).entry
    expect(after.publishedAt).toBe(new Date(START + 60_000).toISOString())
    expect(after.requests.map((r) => r.status)).toEqual(['done', 'done'])

    const { entries } = await publicChangelog()
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({
      id: entry.id,
      title: 'March release',
      body: '## New\n\n- **Dark mode**',
      publishedAt: after.publishedAt,
      requests: [
        { id: a.id, title: 'Dark mode' },
        { id: b.id, title: 'CSV export' },
      ],
      bodyNodes: [
        { t: 'h5', c: ['New'] },
        { t: 'ul', c: [{ t: 'li', c: [{ t: 'strong', c: ['Dark mode'] }] }] },
      ],
    })
    expect(Object.keys(entries[0]?.requests[0] ?? {})).toEqual(['id', 'title'])
    expect(laneTitles(await roadmap()).done?.sort()).toEqual(['CSV export', 'Dark mode'])
  })

  it('publishes at once with publish: true and lists entries newest first', async () => {
    const first = await writeEntry({ title: 'One', body: 'first', publish: true })
    clock.advance(1000)
    const second = await writeEntry({ title: 'Two', body: 'second', publish: true })
    expect(first.status).toBe(201)
    expect(((await second.json()) as { entry: ChangelogEntry }).entry.publishedAt).toBe(
      new Date(START + 1000).toISOString(),
    )
    expect((await publicChangelog()).entries.map((e) => e.title)).toEqual(['Two', 'One'])
  })

  it('records publishing and each status it changed in the audit log', async () => {
    const a = await submit('Dark mode')
    await setStatus(a.id, 'done')
    const b = await submit('Slack alerts')
    const res = await writeEntry({
      title: 'Shipped',
      body: '',
      requestIds: [b.id, a.id],
      publish: true,
    })
    const { entry } = (await res.json()) as { entry: ChangelogEntry }
    const audit = (await (
      await server.adminFetch(`/v1/admin/projects/${projectId}/audit`)
    ).json()) as { entries: AuditLogEntry[] }
    const actions = audit.entries.map((e) => `${e.action} ${e.target}`)
    expect(actions).toContain(`changelog.published ${entry.id}`)
    expect(actions).toContain(`request.status ${b.id}`)
    // a was done already: publishing did not change it, so no second line for it.
    expect(actions.filter((line) => line === `request.status ${a.id}`)).toHaveLength(1)
  })

  it('makes requests linked to a published entry later done too, and unpublishing hides the entry again', async () => {
    const a = await submit('Dark mode')
    const b = await submit('CSV export')
    const res = await writeEntry({ title: 'Release', body: 'x', requestIds: [a.id], publish: true })
    const { entry } = (await res.json()) as { entry: ChangelogEntry }
    await patchEntry(entry.id, { requestIds: [a.id, b.id] })
    expect(laneTitles(await roadmap()).done?.sort()).toEqual(['CSV export', 'Dark mode'])
    const draft = await patchEntry(entry.id, { publish: false })
    expect(((await draft.json()) as { entry: ChangelogEntry }).entry.publishedAt).toBeNull()
    expect((await publicChangelog()).entries).toEqual([])
  })

  it('never shows merged requests, and links a merged one to the request it went into', async () => {
    const target = await submit('Dark mode')
    const dupe = await submit('Night theme')
    const later = await submit('Black UI')
    const res = await writeEntry({
      title: 'Release',
      body: 'x',
      requestIds: [later.id, target.id],
      publish: true,
    })
    const { entry } = (await res.json()) as { entry: ChangelogEntry }
    await server.adminFetch(`/v1/admin/projects/${projectId}/requests/${dupe.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ mergeInto: target.id }),
    })
    await server.adminFetch(`/v1/admin/projects/${projectId}/requests/${later.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ mergeInto: target.id }),
    })
    expect((await publicChangelog()).entries[0]?.requests).toEqual([
      { id: target.id, title: 'Dark mode' },
    ])
    const relinked = await patchEntry(entry.id, { requestIds: [dupe.id] })
    expect(((await relinked.json()) as { entry: ChangelogEntry }).entry.requestIds).toEqual([
      target.id,
    ])
  })

  it('shows a linked request renamed in the dashboard at once: the cached changelog is dropped', async () => {
    const a = await submit('Dark mode')
    await writeEntry({ title: 'Release', body: 'x', requestIds: [a.id], publish: true })
    expect((await publicChangelog()).entries[0]?.requests).toEqual([
      { id: a.id, title: 'Dark mode' },
    ])
    await server.adminFetch(`/v1/admin/projects/${projectId}/requests/${a.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ title: 'Dark theme' }),
    })
    expect((await publicChangelog()).entries[0]?.requests).toEqual([
      { id: a.id, title: 'Dark theme' },
    ])
  })

  it('tells the widget when the newest entry came out, on the board list and the widget settings', async () => {
    const before = (await (await fetch(api('/requests'))).json()) as Record<string, unknown>
    expect(before.latestChangelogAt).toBeUndefined()
    await writeEntry({ title: 'Draft', body: 'x' })
    clock.advance(5000)
    await writeEntry({ title: 'Out', body: 'x', publish: true })
    const list = (await (await fetch(api('/requests'))).json()) as Record<string, unknown>
    const at = new Date(START + 5000).toISOString()
    expect(list.latestChangelogAt).toBe(at)
    const widget = (await (await fetch(api('/widget'))).json()) as {
      project: Record<string, unknown>
    }
    expect(widget.project.latestChangelogAt).toBe(at)
  })

  it('lists every entry, drafts included, for the dashboard, and deletes one', async () => {
    await writeEntry({ title: 'Published', body: 'x', publish: true })
    const draft = (await (await writeEntry({ title: 'Draft', body: 'y' })).json()) as {
      entry: ChangelogEntry
    }
    const res = await server.adminFetch(`/v1/admin/projects/${projectId}/changelog`)
    const { entries } = (await res.json()) as { entries: ChangelogEntry[] }
    expect(entries.map((e) => [e.title, e.publishedAt === null])).toEqual([
      ['Draft', true],
      ['Published', false],
    ])
    const gone = await server.adminFetch(
      `/v1/admin/projects/${projectId}/changelog/${draft.entry.id}`,
      { method: 'DELETE' },
    )
    expect(gone.status).toBe(204)
    const again = await patchEntry(draft.entry.id, { title: 'x' })
    expect(again.status).toBe(404)
  })

  it.each([
    ['no title', { body: 'x' }, 'title'],
    ['no body', { title: 'No body' }, 'body'],
    ['requestIds not an array', { title: 'x', body: 'x', requestIds: 'r_1' }, 'requestIds'],
    ['an unknown request', { title: 'x', body: 'x', requestIds: ['r_missing'] }, 'requestIds'],
    ['publish not a boolean', { title: 'x', body: 'x', publish: 'yes' }, 'publish'],
    ['a body over 20,000 characters', { title: 'x', body: 'x'.repeat(20_001) }, 'body'],
    ['an unknown field', { title: 'x', body: 'x', surprise: 1 }, 'surprise'],
  ])('refuses %s with validation_failed, writing nothing', async (_, body, field) => {
    const res = await writeEntry(body)
    expect(res.status).toBe(400)
    const { error } = (await res.json()) as { error: { code: string; field: string } }
    expect(error).toMatchObject({ code: 'validation_failed', field })
    const list = await server.adminFetch(`/v1/admin/projects/${projectId}/changelog`)
    expect(((await list.json()) as { entries: unknown[] }).entries).toEqual([])
  })

  it('rolls publishing back whole when a linked request is unknown', async () => {
    const a = await submit('Dark mode')
    const res = await writeEntry({
      title: 'x',
      body: 'x',
      requestIds: [a.id, 'r_nope'],
      publish: true,
    })
    expect(res.status).toBe(400)
    expect(laneTitles(await roadmap()).done).toEqual([])
    expect((await publicChangelog()).entries).toEqual([])
  })

  it('needs the admin token for the admin changelog and answers project_not_found for an unknown project', async () => {
    const anonymous = await fetch(`${server.url}/v1/admin/projects/${projectId}/changelog`)
    expect(anonymous.status).toBe(401)
    const missing = await server.adminFetch('/v1/admin/projects/nope/changelog')
    expect(missing.status).toBe(404)
    const publicMissing = await fetch(`${server.url}/v1/projects/nope/changelog`)
    expect(((await publicMissing.json()) as { error: { code: string } }).error.code).toBe(
      'project_not_found',
    )
  })
})
