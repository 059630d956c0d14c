// spec/api.md v3 "Images": requests, comments and changelog entries take `attachmentIds` (at
// most 4; the public only their own uploads attached to nothing yet, the team any of the
// project's) and answer `attachments`; an upload attached to nothing goes after 24 hours.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { frozenClock } from '../../../src/server/clock'
import type {
  Attachment,
  AttachmentResponse,
  ChangelogEntry,
  CommentResponse,
  PublicChangelogResponse,
  RequestDetailResponse,
  RequestListResponse,
  RequestResponse,
} from '../../../src/shared/api'
import { storeBackends } from '../../helpers/backends'
import { startTestServer, type TestServer } from '../../helpers/start-server'
import { pngImage } from './image-fixtures'
import { errorCode, uploaded } from './upload-client'

const DAY_MS = 24 * 60 * 60 * 1000

describe.each(storeBackends())('attachments on the $name database', (backend) => {
  let server: TestServer
  let projectId: string
  const clock = frozenClock(Date.parse('2026-12-06T12:00:00Z'))

  beforeAll(async () => {
    server = await startTestServer({ databaseUrl: backend.databaseUrl, clock })
    projectId = (await server.createProject('Attaching')).project.id
    const settings = await server.adminFetch(`/v1/admin/projects/${projectId}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ settings: { allowAnonymousComments: true } }),
    })
    expect(settings.status).toBe(200)
  })
  afterAll(async () => {
    await server.close()
  })

  const as = (anonymousId: string) => ({ anonymousId })
  const image = async (anonymousId = 'anon-ann') =>
    uploaded(server.url, projectId, await pngImage(), 'image/png', as(anonymousId))

  function post(path: string, body: unknown, anonymousId = 'anon-ann') {
    return fetch(`${server.url}/v1/projects/${projectId}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Reqio-Anonymous-Id': anonymousId },
      body: JSON.stringify(body),
    })
  }

  async function adminUpload(): Promise<Attachment> {
    const res = await server.adminFetch(`/v1/admin/projects/${projectId}/attachments`, {
      method: 'POST',
      headers: { 'Content-Type': 'image/png' },
      body: new Uint8Array(await pngImage()),
    })
    expect(res.status).toBe(201)
    return ((await res.json()) as AttachmentResponse).attachment
  }

  const ids = (attachments: Attachment[]) => attachments.map((a) => a.id)

  it('attaches your own uploads to a new request, in order, and every answer shows them', async () => {
    const first = await image()
    const second = await image()
    const res = await post('/requests', {
      title: 'Screenshot of the bug',
      attachmentIds: [second.id, first.id],
    })
    expect(res.status).toBe(201)
    const { request } = (await res.json()) as RequestResponse
    expect(request.attachments).toEqual([second, first])

    const detail = (await (
      await fetch(`${server.url}/v1/projects/${projectId}/requests/${request.id}`)
    ).json()) as RequestDetailResponse
    expect(ids(detail.request.attachments)).toEqual([second.id, first.id])
    const list = (await (
      await fetch(`${server.url}/v1/projects/${projectId}/requests?sort=new`)
    ).json()) as RequestListResponse
    expect(ids(list.requests.find((r) => r.id === request.id)?.attachments ?? [])).toEqual([
      second.id,
      first.id,
    ])
    const backlog = (await (
      await server.adminFetch(`/v1/admin/projects/${projectId}/requests/${request.id}`)
    ).json()) as { request: { attachments: Attachment[] } }
    expect(ids(backlog.request.attachments)).toEqual([second.id, first.id])
  })

  it('attaches your own uploads to a comment', async () => {
    const { request } = (await (
      await post('/requests', { title: 'Comment images' })
    ).json()) as RequestResponse
    const shot = await image('anon-bob')
    const res = await post(
      `/requests/${request.id}/comments`,
      { body: 'Here it is', attachmentIds: [shot.id] },
      'anon-bob',
    )
    expect(res.status).toBe(201)
    expect(((await res.json()) as CommentResponse).comment.attachments).toEqual([shot])
    const detail = (await (
      await fetch(`${server.url}/v1/projects/${projectId}/requests/${request.id}`)
    ).json()) as RequestDetailResponse
    expect(ids(detail.request.comments[0]?.attachments ?? [])).toEqual([shot.id])
  })

  it('takes at most 4 attachmentIds', async () => {
    const five = await Promise.all([1, 2, 3, 4, 5].map(() => image()))
    const res = await post('/requests', { title: 'Too many', attachmentIds: ids(five) })
    expect(res.status).toBe(400)
    expect(await errorCode(res)).toMatchObject({
      code: 'validation_failed',
      field: 'attachmentIds',
    })
    const four = await post('/requests', {
      title: 'Just enough',
      attachmentIds: ids(five).slice(0, 4),
    })
    expect(four.status).toBe(201)
  })

  it("refuses someone else's upload, or one already attached, with 400 and files nothing", async () => {
    const bobs = await image('anon-bob')
    const before = await server.store.db.query('SELECT id FROM requests')
    const res = await post('/requests', { title: 'Not mine', attachmentIds: [bobs.id] })
    expect(res.status).toBe(400)
    expect(await errorCode(res)).toMatchObject({ field: 'attachmentIds' })
    expect(await server.store.db.query('SELECT id FROM requests')).toHaveLength(before.length)

    const mine = await image()
    expect((await post('/requests', { title: 'Once', attachmentIds: [mine.id] })).status).toBe(201)
    const twice = await post('/requests', { title: 'Twice', attachmentIds: [mine.id] })
    expect(twice.status).toBe(400)
    const unknown = await post('/requests', { title: 'Unknown', attachmentIds: ['att_nope'] })
    expect(unknown.status).toBe(400)
  })

  it('lets the team attach its uploads to a changelog entry, and replace them', async () => {
    const one = await adminUpload()
    const two = await adminUpload()
    const created = await server.adminFetch(`/v1/admin/projects/${projectId}/changelog`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        title: 'New charts',
        body: `![chart](${one.url})`,
        attachmentIds: [one.id, two.id],
        publish: true,
      }),
    })
    expect(created.status).toBe(201)
    const { entry } = (await created.json()) as { entry: ChangelogEntry }
    expect(entry.attachments).toEqual([one, two])
    const published = (await (
      await fetch(`${server.url}/v1/projects/${projectId}/changelog`)
    ).json()) as PublicChangelogResponse
    expect(ids(published.entries[0]?.attachments ?? [])).toEqual([one.id, two.id])

    const patched = await server.adminFetch(
      `/v1/admin/projects/${projectId}/changelog/${entry.id}`,
      {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ attachmentIds: [two.id] }),
      },
    )
    expect(patched.status).toBe(200)
    expect(((await patched.json()) as { entry: ChangelogEntry }).entry.attachments).toEqual([two])
  })

  it("lets the team attach any of the project's unattached uploads to its reply", async () => {
    const { request } = (await (
      await post('/requests', { title: 'Team reply' })
    ).json()) as RequestResponse
    const teams = await adminUpload()
    const reply = (body: unknown) =>
      server.adminFetch(`/v1/admin/projects/${projectId}/requests/${request.id}/comments`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
    const res = await reply({ body: 'Fixed, see', attachmentIds: [teams.id] })
    expect(res.status).toBe(201)
    expect(((await res.json()) as CommentResponse).comment.attachments).toEqual([teams])
    const visitors = await image('anon-carol')
    expect((await reply({ body: 'Theirs', attachmentIds: [visitors.id] })).status).toBe(201)
    const detail = (await (
      await fetch(`${server.url}/v1/projects/${projectId}/requests/${request.id}`)
    ).json()) as RequestDetailResponse
    expect(detail.request.comments.map((comment) => ids(comment.attachments))).toEqual([
      [teams.id],
      [visitors.id],
    ])
  })

  it('sweeps uploads attached to nothing after 24 hours, and keeps attached ones', async () => {
    const loose = await image('anon-sweep')
    const kept = await image('anon-sweep')
    expect(
      (
        await post(
          '/requests',
          { title: 'Keeps its image', attachmentIds: [kept.id] },
          'anon-sweep',
        )
      ).status,
    ).toBe(201)
    clock.advance(DAY_MS - 60_000)
    expect((await server.notifications.sweeps.runOnce()).unattachedUploads).toBe(0)
    expect((await fetch(`${server.url}${loose.url}`)).status).toBe(200)
    clock.advance(2 * 60_000)
    expect((await server.notifications.sweeps.runOnce()).unattachedUploads).toBeGreaterThan(0)
    expect((await fetch(`${server.url}${loose.url}`)).status).toBe(404)
    expect((await fetch(`${server.url}${kept.url}`)).status).toBe(200)
    const late = await post(
      '/requests',
      { title: 'Too late', attachmentIds: [loose.id] },
      'anon-sweep',
    )
    expect(late.status).toBe(400)
  })

  it('never answers an attachment that is gone', async () => {
    const shot = await image('anon-gone')
    const { request } = (await (
      await post('/requests', { title: 'Image goes', attachmentIds: [shot.id] }, 'anon-gone')
    ).json()) as RequestResponse
    expect(request.attachments).toHaveLength(1)
    await server.store.db.query('DELETE FROM attachments WHERE id = $1', [shot.id])
    const detail = (await (
      await fetch(`${server.url}/v1/projects/${projectId}/requests/${request.id}`)
    ).json()) as RequestDetailResponse
    expect(detail.request.attachments).toEqual([])
  })
})
