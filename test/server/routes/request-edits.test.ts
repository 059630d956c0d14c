import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RequestListResponse, RequestResponse } from '../../../src/shared/api'
import { BODY_MAX_LENGTH, TITLE_MAX_LENGTH } from '../../../src/shared/limits'
import { storeBackends } from '../../helpers/backends'
import { serverWithFreshProject } from '../../helpers/fresh-project'
import { startTestServer, type TestServer } from '../../helpers/start-server'
import { allowAnonymousComments, errorCode, personToken, publicApi } from './editing-fixtures'

let server: TestServer
let projectId: string
let secret: string
let api: ReturnType<typeof publicApi>

const ANON = { anonymousId: 'anon-redit-00001' }

async function edited(res: Response) {
  expect(res.status).toBe(200)
  return ((await res.json()) as RequestResponse).request
}

describe.each(storeBackends())('editing your own request on $name', (backend) => {
  serverWithFreshProject({ demo: false, databaseUrl: backend.databaseUrl }, 'Acme', (fresh) => {
    ;({ server, projectId, secret } = fresh)
    api = publicApi(server, projectId)
  })

  it('lets the author change title and body while nobody else joined, with editedAt set', async () => {
    const ann = { token: await personToken(secret, projectId, 'ann') }
    const request = await api.submit(ann, 'Drak mode', 'pls')
    expect(request.editedAt).toBeNull()
    const after = await edited(
      await api.editRequest(ann, request.id, { title: ' Dark mode ', body: 'Please.' }),
    )
    expect(after).toMatchObject({ id: request.id, title: 'Dark mode', body: 'Please.', mine: true })
    expect(after.editedAt).toEqual(expect.any(String))
    // Only the body: the title stays.
    const again = await edited(await api.editRequest(ann, request.id, { body: 'For the night.' }))
    expect(again).toMatchObject({ title: 'Dark mode', body: 'For the night.' })
    expect((await api.detail(ann, request.id)).editedAt).toBe(again.editedAt)
  })

  it('finds the request by its new words at once, in search and in similar titles', async () => {
    const ann = { token: await personToken(secret, projectId, 'ann') }
    const request = await api.submit(ann, 'Exprot to CSV')
    await edited(await api.editRequest(ann, request.id, { title: 'Export to spreadsheet' }))
    const search = await api.call('GET', '/requests?q=spreadsheet', ann)
    const found = ((await search.json()) as RequestListResponse).requests.map((r) => r.id)
    expect(found).toEqual([request.id])
    const old = await api.call('GET', '/requests?q=exprot', ann)
    expect(((await old.json()) as RequestListResponse).requests).toEqual([])
    const similar = await api.call('GET', '/requests?similar=export%20spreadsheet', ann)
    const like = ((await similar.json()) as RequestListResponse).requests.map((r) => r.title)
    expect(like).toContain('Export to spreadsheet')
  })

  it('lets the same anonymous id edit its request, and refuses another person with 403', async () => {
    const bob = { token: await personToken(secret, projectId, 'bob') }
    const request = await api.submit(ANON, 'Dark mode')
    const refused = await api.editRequest(bob, request.id, { title: 'Mine now' })
    expect(refused.status).toBe(403)
    expect(await errorCode(refused)).toBe('forbidden')
    const otherAnon = await api.editRequest({ anonymousId: 'anon-redit-00002' }, request.id, {
      title: 'Mine now',
    })
    expect(otherAnon.status).toBe(403)
    expect(
      (await edited(await api.editRequest(ANON, request.id, { title: 'Dark theme' }))).title,
    ).toBe('Dark theme')
  })

  it('treats the person on another device as the author once identify made the request theirs', async () => {
    const phone = { anonymousId: 'anon-phone-0002' }
    const request = await api.submit(phone, 'Offline mode')
    const token = await personToken(secret, projectId, 'cleo')
    expect((await api.identify({ ...phone, token })).status).toBe(200)
    const laptop = { anonymousId: 'anon-laptop-002', token }
    expect(
      (await edited(await api.editRequest(laptop, request.id, { body: 'On trains' }))).body,
    ).toBe('On trains')
  })

  it("answers 409 conflict while another person's vote stands, and allows the edit again once it is taken back", async () => {
    const ann = { token: await personToken(secret, projectId, 'ann') }
    const bob = { token: await personToken(secret, projectId, 'bob') }
    const request = await api.submit(ann, 'Dark mode')
    expect((await api.vote(bob, request.id)).status).toBe(200)
    const res = await api.editRequest(ann, request.id, { title: 'Something else entirely' })
    expect(res.status).toBe(409)
    expect(await errorCode(res)).toBe('conflict')
    expect((await api.detail(ann, request.id)).title).toBe('Dark mode')
    // The vote taken back, nobody else stands behind these words: editable again.
    expect((await api.call('DELETE', `/requests/${request.id}/vote`, bob)).status).toBe(200)
    expect((await api.editRequest(ann, request.id, { title: 'Dark theme' })).status).toBe(200)
  })

  it('answers 409 conflict once another person or visitor commented', async () => {
    await allowAnonymousComments(server, projectId)
    const ann = { token: await personToken(secret, projectId, 'ann') }
    const request = await api.submit(ann, 'Dark mode')
    await api.comment({ anonymousId: 'anon-redit-00003' }, request.id, 'Yes!')
    const res = await api.editRequest(ann, request.id, { body: 'Changed' })
    expect(res.status).toBe(409)
    expect(await errorCode(res)).toBe('conflict')
  })

  it("does not count the author's own vote and comments, nor team replies and notes", async () => {
    const ann = { token: await personToken(secret, projectId, 'ann') }
    const request = await api.submit(ann, 'Dark mode')
    await api.comment(ann, request.id, 'More detail from me')
    for (const body of [{ body: 'On it' }, { body: 'Big account', internal: true }]) {
      const res = await server.adminFetch(
        `/v1/admin/projects/${projectId}/requests/${request.id}/comments`,
        { method: 'POST', body: JSON.stringify(body) },
      )
      expect(res.status).toBe(201)
    }
    expect((await api.editRequest(ann, request.id, { title: 'Dark theme' })).status).toBe(200)
  })

  it('validates like creating: empty or too long title, too long body, nothing sent: 400', async () => {
    const ann = { token: await personToken(secret, projectId, 'ann') }
    const request = await api.submit(ann, 'Dark mode', 'Kept')
    for (const body of [
      { title: '   ' },
      { title: 'x'.repeat(TITLE_MAX_LENGTH + 1) },
      { body: 'x'.repeat(BODY_MAX_LENGTH + 1) },
      {},
      { status: 'done' },
    ]) {
      const res = await api.editRequest(ann, request.id, body)
      expect(res.status).toBe(400)
      expect(await errorCode(res)).toBe('validation_failed')
    }
    const now = await api.detail(ann, request.id)
    expect([now.title, now.body, now.status, now.editedAt]).toEqual([
      'Dark mode',
      'Kept',
      'open',
      null,
    ])
  })

  it('answers 404 for no such request, and 409 for one merged into another', async () => {
    const ann = { token: await personToken(secret, projectId, 'ann') }
    expect((await api.editRequest(ann, 'r_nope', { title: 'x' })).status).toBe(404)
    const source = await api.submit(ann, 'Dark mode')
    const target = await api.submit(ann, 'Night theme')
    const merge = await server.adminFetch(`/v1/admin/projects/${projectId}/requests/${source.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ mergeInto: target.id }),
    })
    expect(merge.status).toBe(200)
    const res = await api.editRequest(ann, source.id, { title: 'Dark theme' })
    expect(res.status).toBe(409)
  })

  it('tells the webhooks of a new title (request.updated) and nobody of a new body', async () => {
    const ann = { token: await personToken(secret, projectId, 'ann') }
    const request = await api.submit(ann, 'Drak mode')
    const updates = async () =>
      server.store.db.query<{ changes: Record<string, { from: string; to: string }> }>(
        `SELECT payload -> 'changes' AS changes FROM jobs
          WHERE project_id = $1 AND kind = 'event' AND payload ->> 'type' = 'request.updated'`,
        [projectId],
      )
    await edited(await api.editRequest(ann, request.id, { body: 'Details' }))
    expect(await updates()).toEqual([])
    await edited(await api.editRequest(ann, request.id, { title: 'Dark mode' }))
    expect((await updates()).map((row) => row.changes)).toEqual([
      { title: { from: 'Drak mode', to: 'Dark mode' } },
    ])
  })
})

describe.each(storeBackends())('author edits under the write limits on $name', (backend) => {
  let limited: TestServer
  beforeAll(async () => {
    limited = await startTestServer({
      demo: false,
      databaseUrl: backend.databaseUrl,
      rateLimitPerMinute: 3,
    })
  })
  afterAll(async () => {
    await limited.close()
  })

  it('answers 429 rate_limited (person_writes) like every other write', async () => {
    const { project, secret: projectSecret } = await limited.createProject('Limited')
    const calls = publicApi(limited, project.id)
    const ann = { token: await personToken(projectSecret, project.id, 'ann') }
    const request = await calls.submit(ann, 'Dark mode')
    const comment = await calls.comment(ann, request.id, 'Hi')
    expect((await calls.editRequest(ann, request.id, { body: 'one' })).status).toBe(200)
    const res = await calls.editComment(ann, request.id, comment.id, { body: 'two' })
    expect(res.status).toBe(429)
    expect(await errorCode(res)).toBe('rate_limited')
    expect(res.headers.get('Retry-After')).toMatch(/^\d+$/)
  })
})
