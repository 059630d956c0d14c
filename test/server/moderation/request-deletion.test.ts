import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { frozenClock } from '../../../src/server/clock'
import type { BacklogRequest } from '../../../src/shared/api'
import { ANONYMOUS_ID_HEADER, audienceFor } from '../../../src/shared/identity'
import { storeBackends } from '../../helpers/backends'
import { addWebhook, type Person, visitor } from '../../helpers/loop-fixtures'
import { serverWithSmtpSink } from '../../helpers/mailing-server'
import type { SmtpSink } from '../../helpers/smtp-sink'
import type { TestServer } from '../../helpers/start-server'
import { mintToken } from '../../helpers/tokens'
import { startWebhookReceiver } from '../../helpers/webhook-receiver'

const DAY = 24 * 60 * 60 * 1000
const PRO = (amount: number) => ({ plan: 'pro', amount, interval: 'month' })

describe.each(storeBackends())('deleting and restoring a request on $name', (backend) => {
  const clock = frozenClock(Date.UTC(2026, 11, 6, 12))
  let server: TestServer
  let smtp: SmtpSink
  serverWithSmtpSink(
    { clock, databaseUrl: backend.databaseUrl, notify: { mailCoalesceSeconds: 0 } },
    (started, sink) => {
      server = started
      smtp = sink
    },
  )

  async function project() {
    const { project, secret } = await server.createProject('Acme')
    const admin = (path: string, init: RequestInit = {}) =>
      server.adminFetch(`/v1/admin/projects/${project.id}${path}`, init)
    const api = (path: string, person: Person, init: RequestInit = {}) =>
      fetch(`${server.url}/v1/projects/${project.id}${path}`, {
        ...init,
        headers: { ...person.headers, 'Content-Type': 'application/json' },
      })
    const customer = async (sub: string, extra: Record<string, unknown> = {}): Promise<Person> => {
      const token = await mintToken(
        secret,
        { sub, aud: audienceFor(project.id), email: `${sub}@example.com`, ...extra },
        { nowMs: clock.now() },
      )
      return { headers: { Authorization: `Bearer ${token}`, [ANONYMOUS_ID_HEADER]: randomUUID() } }
    }
    const submit = async (person: Person, title: string) => {
      const res = await api('/requests', person, {
        method: 'POST',
        body: JSON.stringify({ title }),
      })
      expect(res.status).toBe(201)
      return ((await res.json()) as { request: { id: string } }).request.id
    }
    const backlog = async (query = '') =>
      ((await (await admin(`/backlog${query}`)).json()) as { requests: BacklogRequest[] }).requests
    return { id: project.id, admin, api, customer, submit, backlog }
  }

  it('takes the request out of every public answer: its GET, the list, search, similar, the roadmap and the portal', async () => {
    const p = await project()
    await p.admin('', {
      method: 'PATCH',
      body: JSON.stringify({
        settings: { portal: { enabled: true }, allowAnonymousComments: true },
      }),
    })
    const ann = await p.customer('ann')
    const spam = await p.submit(ann, 'Cheap watches online')
    const kept = await p.submit(ann, 'Dark mode')
    await p.admin(`/requests/${spam}`, { method: 'PATCH', body: '{"status":"planned"}' })
    const stranger = visitor()

    expect((await p.admin(`/requests/${spam}`, { method: 'DELETE' })).status).toBe(204)

    const get = await p.api(`/requests/${spam}`, stranger)
    expect(get.status).toBe(404)
    expect(((await get.json()) as { error: { code: string } }).error.code).toBe('request_not_found')
    expect((await p.api(`/requests/${spam}`, ann)).status).toBe(404)
    const ids = async (query: string) =>
      (
        (await (await p.api(`/requests${query}`, ann)).json()) as { requests: { id: string }[] }
      ).requests.map((request) => request.id)
    expect(await ids('?sort=new')).toEqual([kept])
    expect(await ids('?q=watches')).toEqual([])
    expect(await ids('?similar=Cheap%20watches')).toEqual([])
    const roadmap = await (await p.api('/roadmap', stranger)).text()
    expect(roadmap).not.toContain(spam)
    const portalPage = await fetch(`${server.url}/p/${p.id}/requests/${spam}`)
    expect(portalPage.status).toBe(404)
    expect(await (await fetch(`${server.url}/p/${p.id}`)).text()).not.toContain('Cheap watches')
    expect(await (await fetch(`${server.url}/p/${p.id}/sitemap.xml`)).text()).not.toContain(spam)
    // Nobody votes or comments on it any more.
    expect((await p.api(`/requests/${spam}/vote`, stranger, { method: 'POST' })).status).toBe(404)
    const comment = await p.api(`/requests/${spam}/comments`, stranger, {
      method: 'POST',
      body: '{"body":"hello"}',
    })
    expect(comment.status).toBe(404)
    // Nor does the team edit it, until it is restored; deleting it twice finds nothing.
    expect(
      (await p.admin(`/requests/${spam}`, { method: 'PATCH', body: '{"status":"done"}' })).status,
    ).toBe(404)
    expect((await p.admin(`/requests/${spam}`, { method: 'DELETE' })).status).toBe(404)
  })

  it('leaves the backlog (but for ?deleted=true) and every company and people count, and comes back exactly on restore', async () => {
    const p = await project()
    const acme = { id: 'acme', name: 'Acme Inc' }
    const ann = await p.customer('ann', { traits: PRO(4900), company: acme })
    const bob = await p.customer('bob', { traits: PRO(900) })
    const target = await p.submit(ann, 'Audit log')
    const other = await p.submit(bob, 'Dark mode')
    await p.api(`/requests/${target}/vote`, bob, { method: 'POST' })
    await p.api(`/requests/${other}/vote`, ann, { method: 'POST' })
    await p.api(`/requests/${target}/comments`, bob, { method: 'POST', body: '{"body":"+1"}' })

    const counts = async () => {
      const people = (
        (await (await p.admin('/people')).json()) as {
          people: { sub: string; requests: number; votes: number; comments: number }[]
        }
      ).people
      const companies = (
        (await (await p.admin('/companies')).json()) as {
          companies: { id: string; requests: number }[]
        }
      ).companies
      return {
        people: Object.fromEntries(
          people.map(({ sub, requests, votes, comments }) => [sub, { requests, votes, comments }]),
        ),
        companies: Object.fromEntries(companies.map(({ id, requests }) => [id, requests])),
        backlog: (await p.backlog()).map(({ id, votes, accounts, mrrCents }) => ({
          id,
          votes,
          accounts,
          mrrCents,
        })),
      }
    }
    const before = await counts()
    expect(before.people).toEqual({
      ann: { requests: 1, votes: 2, comments: 0 },
      bob: { requests: 1, votes: 2, comments: 1 },
    })
    expect(before.companies).toEqual({ acme: 2 })
    expect(before.backlog).toContainEqual({ id: target, votes: 2, accounts: 2, mrrCents: 5800 })

    expect((await p.admin(`/requests/${target}`, { method: 'DELETE' })).status).toBe(204)
    const after = await counts()
    expect(after.people).toEqual({
      ann: { requests: 0, votes: 1, comments: 0 },
      bob: { requests: 1, votes: 1, comments: 0 },
    })
    expect(after.companies).toEqual({ acme: 1 })
    expect(after.backlog).toEqual([{ id: other, votes: 2, accounts: 2, mrrCents: 5800 }])
    const deleted = await p.backlog('?deleted=true')
    expect(deleted.map((request) => request.id)).toEqual([target])
    expect(deleted[0]?.deletedAt).toBe(new Date(clock.now()).toISOString())
    // The person's own page lists their requests and votes without it.
    const annPage = (await (await p.admin('/people/ann')).json()) as {
      person: { requests: { id: string }[]; votes: { requestId: string }[] }
    }
    expect(annPage.person.requests).toEqual([])
    expect(annPage.person.votes.map((vote) => vote.requestId)).toEqual([other])

    const restored = await p.admin(`/requests/${target}/restore`, { method: 'POST' })
    expect(restored.status).toBe(200)
    expect(((await restored.json()) as { request: BacklogRequest }).request).toMatchObject({
      id: target,
      votes: 2,
      mrrCents: 5800,
      deletedAt: null,
    })
    expect(await counts()).toEqual(before)
    expect(await p.backlog('?deleted=true')).toEqual([])
    const audit = (await (await p.admin('/audit')).json()) as {
      entries: { action: string; target: string }[]
    }
    const actions = audit.entries.map((entry) => `${entry.action} ${entry.target}`)
    expect(actions).toEqual(
      expect.arrayContaining([`request.deleted ${target}`, `request.restored ${target}`]),
    )
  })

  it('tells nobody: no job but the purge, no email (even one queued before), no webhook', async () => {
    const p = await project()
    const receiver = await startWebhookReceiver()
    try {
      await addWebhook(server, p.id, receiver.url)
      const ann = await p.customer('ann')
      const bob = await p.customer('bob')
      const requestId = await p.submit(ann, 'Audit log')
      const control = await p.submit(ann, 'Dark mode')
      await p.api(`/requests/${requestId}/vote`, bob, { method: 'POST' })
      await p.api(`/requests/${control}/vote`, bob, { method: 'POST' })
      // The control request's status change is told as usual (webhook and emails).
      await p.admin(`/requests/${control}`, { method: 'PATCH', body: '{"status":"planned"}' })
      await server.drainJobs()
      await server.drainJobs()
      const told = receiver.received.length
      const mailed = smtp.messages.length
      expect(mailed).toBeGreaterThan(0)
      // A status change queues emails to ann and bob; the request is deleted before they go.
      await p.admin(`/requests/${requestId}`, { method: 'PATCH', body: '{"status":"planned"}' })
      const queued = await server.store.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM jobs',
      )
      expect((await p.admin(`/requests/${requestId}`, { method: 'DELETE' })).status).toBe(204)
      const kinds = await server.store.db.query<{ kind: string }>(
        'SELECT kind FROM jobs ORDER BY id',
      )
      expect(kinds.length).toBe((queued[0]?.n ?? 0) + 1)
      expect(kinds.at(-1)?.kind).toBe('purge')
      await server.drainJobs()
      await server.drainJobs()
      expect(smtp.messages.length).toBe(mailed)
      const types = receiver.received
        .slice(told)
        .map((delivery) => (JSON.parse(delivery.body) as { type: string }).type)
      expect(types).toEqual(['request.updated'])
      // Restoring tells nobody either.
      expect((await p.admin(`/requests/${requestId}/restore`, { method: 'POST' })).status).toBe(200)
      await server.drainJobs()
      expect(smtp.messages.length).toBe(mailed)
      expect(receiver.received.length).toBe(told + 1)
    } finally {
      await receiver.close()
    }
  })

  it('restores within 30 days; after that the purge job removes it for good and a restore answers 404', async () => {
    const p = await project()
    const ann = await p.customer('ann')
    const early = await p.submit(ann, 'Spam one')
    const late = await p.submit(ann, 'Spam two')
    expect((await p.admin(`/requests/${early}`, { method: 'DELETE' })).status).toBe(204)
    clock.advance(DAY)
    expect((await p.admin(`/requests/${late}`, { method: 'DELETE' })).status).toBe(204)
    const exists = async (id: string) =>
      (
        await server.store.db.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM requests WHERE id = $1',
          [id],
        )
      )[0]?.n === 1

    // Day 29 after the first: nothing is due yet, and both can still come back.
    clock.advance(28 * DAY)
    await server.drainJobs()
    expect(await exists(early)).toBe(true)

    // Day 30 and a second: the first is gone for good, the second still restorable.
    clock.advance(DAY + 1000)
    const tooLate = await p.admin(`/requests/${early}/restore`, { method: 'POST' })
    expect(tooLate.status).toBe(404)
    await server.drainJobs()
    expect(await exists(early)).toBe(false)
    expect(await exists(late)).toBe(true)
    expect((await p.admin(`/requests/${early}/restore`, { method: 'POST' })).status).toBe(404)
    expect((await p.admin(`/requests/${late}/restore`, { method: 'POST' })).status).toBe(200)

    // The purge job that waits is the project's only one, for the oldest deleted request.
    expect((await p.admin(`/requests/${late}`, { method: 'DELETE' })).status).toBe(204)
    const waiting = await server.store.db.query<{ kind: string }>(
      "SELECT kind FROM jobs WHERE status = 'queued'",
    )
    expect(waiting).toEqual([{ kind: 'purge' }])
    clock.advance(30 * DAY + 1000)
    await server.drainJobs()
    expect(await exists(late)).toBe(false)
    expect((await p.admin(`/requests/unknown/restore`, { method: 'POST' })).status).toBe(404)
  })

  it('takes the requests merged into a deleted one along, and refuses merges and unmerges with it', async () => {
    const p = await project()
    const ann = await p.customer('ann')
    const target = await p.submit(ann, 'Audit log')
    const source = await p.submit(ann, 'Activity history')
    const third = await p.submit(ann, 'Export')
    await p.admin(`/requests/${source}`, {
      method: 'PATCH',
      body: JSON.stringify({ mergeInto: target }),
    })
    // A merged request is not deleted on its own: the one it went into is.
    expect((await p.admin(`/requests/${source}`, { method: 'DELETE' })).status).toBe(404)
    expect((await p.admin(`/requests/${target}`, { method: 'DELETE' })).status).toBe(204)
    expect((await p.api(`/requests/${source}`, ann)).status).toBe(404)
    expect((await p.admin(`/requests/${source}/unmerge`, { method: 'POST' })).status).toBe(404)
    const merge = await p.admin(`/requests/${third}`, {
      method: 'PATCH',
      body: JSON.stringify({ mergeInto: target }),
    })
    expect(merge.status).toBe(404)
    expect((await p.admin(`/requests/${target}/restore`, { method: 'POST' })).status).toBe(200)
    expect((await p.api(`/requests/${source}`, ann)).status).toBe(200)
  })
})
