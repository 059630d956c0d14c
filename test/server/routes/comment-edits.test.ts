import { describe, expect, it } from 'vitest'
import type { AdminRequestDetailResponse, CommentResponse } from '../../../src/shared/api'
import { COMMENT_MAX_LENGTH } from '../../../src/shared/limits'
import { storeBackends } from '../../helpers/backends'
import { serverWithFreshProject } from '../../helpers/fresh-project'
import type { TestServer } from '../../helpers/start-server'
import { allowAnonymousComments, errorCode, personToken, publicApi } from './editing-fixtures'

let server: TestServer
let projectId: string
let secret: string
let api: ReturnType<typeof publicApi>

const ANON = { anonymousId: 'anon-edits-00001' }
const OTHER_ANON = { anonymousId: 'anon-edits-00002' }

async function backlogCounts(requestId: string) {
  const res = await server.adminFetch(`/v1/admin/projects/${projectId}/requests/${requestId}`)
  const { request } = (await res.json()) as AdminRequestDetailResponse
  return { commentCount: request.commentCount, unanswered: request.unanswered }
}

describe.each(storeBackends())('editing your own comments on $name', (backend) => {
  serverWithFreshProject({ demo: false, databaseUrl: backend.databaseUrl }, 'Acme', (fresh) => {
    ;({ server, projectId, secret } = fresh)
    api = publicApi(server, projectId)
  })

  it('lets the author edit their comment: new words, editedAt set, and the thread shows them', async () => {
    const ann = { token: await personToken(secret, projectId, 'ann') }
    const request = await api.submit(ann, 'Dark mode')
    const comment = await api.comment(ann, request.id, 'Pleese')
    expect(comment.editedAt).toBeNull()
    const res = await api.editComment(ann, request.id, comment.id, { body: '  Please  ' })
    expect(res.status).toBe(200)
    const { comment: edited } = (await res.json()) as CommentResponse
    expect(edited).toMatchObject({ id: comment.id, body: 'Please', author: { you: true } })
    expect(Date.parse(edited.editedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(comment.createdAt))
    const thread = await api.detail(ann, request.id)
    expect(thread.comments).toEqual([edited])
    expect(thread.commentCount).toBe(1)
  })

  it('refuses anyone else with 403 forbidden and changes nothing', async () => {
    await allowAnonymousComments(server, projectId)
    const ann = { token: await personToken(secret, projectId, 'ann') }
    const bob = { token: await personToken(secret, projectId, 'bob') }
    const request = await api.submit(ann, 'Dark mode')
    const comment = await api.comment(ann, request.id, 'Mine')
    for (const stranger of [bob, ANON]) {
      const edit = await api.editComment(stranger, request.id, comment.id, { body: 'Hijacked' })
      expect(edit.status).toBe(403)
      expect(await errorCode(edit)).toBe('forbidden')
      const remove = await api.deleteComment(stranger, request.id, comment.id)
      expect(remove.status).toBe(403)
    }
    const thread = await api.detail(ann, request.id)
    expect(thread.comments.map((c) => [c.body, c.editedAt])).toEqual([['Mine', null]])
  })

  it('lets the same anonymous id edit and delete its comment, and no other anonymous id', async () => {
    await allowAnonymousComments(server, projectId)
    const request = await api.submit(ANON, 'Dark mode')
    const comment = await api.comment(ANON, request.id, 'Frist')
    expect((await api.editComment(OTHER_ANON, request.id, comment.id, { body: 'x' })).status).toBe(
      403,
    )
    const edit = await api.editComment(ANON, request.id, comment.id, { body: 'First' })
    expect(edit.status).toBe(200)
    expect(((await edit.json()) as CommentResponse).comment.body).toBe('First')
    expect((await api.deleteComment(ANON, request.id, comment.id)).status).toBe(204)
    expect((await api.detail(ANON, request.id)).comments).toEqual([])
  })

  it('treats the person on another device as the author once identify made the anonymous comment theirs', async () => {
    await allowAnonymousComments(server, projectId)
    const phone = { anonymousId: 'anon-phone-0001' }
    const request = await api.submit(phone, 'Offline mode')
    const comment = await api.comment(phone, request.id, 'From my phone')
    const token = await personToken(secret, projectId, 'cleo')
    expect((await api.identify({ ...phone, token })).status).toBe(200)
    // The laptop: same person, its own anonymous id.
    const laptop = { anonymousId: 'anon-laptop-001', token }
    const edit = await api.editComment(laptop, request.id, comment.id, { body: 'From my laptop' })
    expect(edit.status).toBe(200)
    // The phone's anonymous id alone is no longer the author: the comment is the person's.
    expect((await api.deleteComment(phone, request.id, comment.id)).status).toBe(403)
    expect((await api.deleteComment(laptop, request.id, comment.id)).status).toBe(204)
  })

  it('never lets anyone touch a team reply or an internal note through the public API', async () => {
    const ann = { token: await personToken(secret, projectId, 'ann') }
    const request = await api.submit(ann, 'Dark mode')
    const reply = await server.adminFetch(
      `/v1/admin/projects/${projectId}/requests/${request.id}/comments`,
      { method: 'POST', body: JSON.stringify({ body: 'On it' }) },
    )
    const { comment } = (await reply.json()) as CommentResponse
    const note = await server.adminFetch(
      `/v1/admin/projects/${projectId}/requests/${request.id}/comments`,
      { method: 'POST', body: JSON.stringify({ body: 'Ann is a big account', internal: true }) },
    )
    const { comment: internal } = (await note.json()) as CommentResponse
    expect((await api.editComment(ann, request.id, comment.id, { body: 'x' })).status).toBe(403)
    expect((await api.deleteComment(ann, request.id, comment.id)).status).toBe(403)
    expect((await api.deleteComment(ann, request.id, internal.id)).status).toBe(403)
    expect((await api.detail(ann, request.id)).comments.map((c) => c.body)).toEqual(['On it'])
  })

  it('answers 404 for a comment that is not on this request, or not there at all', async () => {
    const ann = { token: await personToken(secret, projectId, 'ann') }
    const first = await api.submit(ann, 'Dark mode')
    const second = await api.submit(ann, 'Light mode')
    const comment = await api.comment(ann, first.id, 'On the first')
    const elsewhere = await api.editComment(ann, second.id, comment.id, { body: 'x' })
    expect(elsewhere.status).toBe(404)
    expect(await errorCode(elsewhere)).toBe('not_found')
    expect((await api.deleteComment(ann, first.id, 'c_nope')).status).toBe(404)
    const noRequest = await api.deleteComment(ann, 'r_nope', comment.id)
    expect(noRequest.status).toBe(404)
    expect(await errorCode(noRequest)).toBe('request_not_found')
  })

  it('validates new words like a new comment: empty or too long is 400, and nothing changes', async () => {
    const ann = { token: await personToken(secret, projectId, 'ann') }
    const request = await api.submit(ann, 'Dark mode')
    const comment = await api.comment(ann, request.id, 'Kept')
    for (const body of [{ body: '   ' }, { body: 'x'.repeat(COMMENT_MAX_LENGTH + 1) }, {}]) {
      const res = await api.editComment(ann, request.id, comment.id, body)
      expect(res.status).toBe(400)
      expect(await errorCode(res)).toBe('validation_failed')
    }
    expect((await api.detail(ann, request.id)).comments[0]?.body).toBe('Kept')
  })

  it('keeps commentCount and unanswered exact when the author deletes their comment', async () => {
    const ann = { token: await personToken(secret, projectId, 'ann') }
    const bob = { token: await personToken(secret, projectId, 'bob') }
    const request = await api.submit(ann, 'Dark mode')
    await server.adminFetch(`/v1/admin/projects/${projectId}/requests/${request.id}/comments`, {
      method: 'POST',
      body: JSON.stringify({ body: 'On it' }),
    })
    const late = await api.comment(bob, request.id, 'Any news?')
    expect(await backlogCounts(request.id)).toEqual({ commentCount: 2, unanswered: true })
    expect((await api.deleteComment(bob, request.id, late.id)).status).toBe(204)
    // The team's reply is the newest public comment again: answered.
    expect(await backlogCounts(request.id)).toEqual({ commentCount: 1, unanswered: false })
    const list = await api.call('GET', '/requests', bob)
    const { requests } = (await list.json()) as { requests: Array<{ commentCount: number }> }
    expect(requests[0]?.commentCount).toBe(1)
  })

  it('lets an anonymous author delete their comment even after anonymous commenting was turned off, but not edit it', async () => {
    await allowAnonymousComments(server, projectId)
    const request = await api.submit(ANON, 'Dark mode')
    const comment = await api.comment(ANON, request.id, 'Hello')
    await server.adminFetch(`/v1/admin/projects/${projectId}`, {
      method: 'PATCH',
      body: JSON.stringify({ settings: { allowAnonymousComments: false } }),
    })
    const edit = await api.editComment(ANON, request.id, comment.id, { body: 'Spam' })
    expect(edit.status).toBe(401)
    expect(await errorCode(edit)).toBe('identity_required')
    expect((await api.deleteComment(ANON, request.id, comment.id)).status).toBe(204)
  })

  it('tells nobody: an edit or a deletion queues no event, and a deleted comment is never announced', async () => {
    const ann = { token: await personToken(secret, projectId, 'ann') }
    const request = await api.submit(ann, 'Dark mode')
    const kept = await api.comment(ann, request.id, 'Kept')
    const withdrawn = await api.comment(ann, request.id, 'Withdrawn')
    // Events not being delivered at this very moment (a running one cannot be called back).
    const events = async () =>
      (
        await server.store.db.query<{ type: string; comment: string | null }>(
          `SELECT payload ->> 'type' AS type, payload ->> 'commentId' AS comment
             FROM jobs WHERE project_id = $1 AND kind = 'event' AND status <> 'running'
            ORDER BY id`,
          [projectId],
        )
      ).map((row) => `${row.type}${row.comment ? ` ${row.comment}` : ''}`)
    const before = await events()
    expect((await api.editComment(ann, request.id, kept.id, { body: 'Kept, edited' })).status).toBe(
      200,
    )
    expect((await api.deleteComment(ann, request.id, withdrawn.id)).status).toBe(204)
    const after = await events()
    expect(after.filter((event) => !before.includes(event))).toEqual([])
    expect(after.filter((event) => event.includes(withdrawn.id))).toEqual([])
    expect(after).toContain(`comment.created ${kept.id}`)
  })
})
