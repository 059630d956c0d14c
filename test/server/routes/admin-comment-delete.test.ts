import { describe, expect, it } from 'vitest'
import type {
  AdminRequestDetailResponse,
  AuditLogEntry,
  CommentResponse,
} from '../../../src/shared/api'
import { storeBackends } from '../../helpers/backends'
import { serverWithFreshProject } from '../../helpers/fresh-project'
import type { TestServer } from '../../helpers/start-server'
import { joinTeam, setUpOwner } from '../../helpers/team'
import { errorCode, personToken, publicApi } from './editing-fixtures'

let server: TestServer
let projectId: string
let secret: string
let api: ReturnType<typeof publicApi>

const admin = () => `/v1/admin/projects/${projectId}`

async function teamComment(requestId: string, body: string, internal = false) {
  const res = await server.adminFetch(`${admin()}/requests/${requestId}/comments`, {
    method: 'POST',
    body: JSON.stringify({ body, internal }),
  })
  return ((await res.json()) as CommentResponse).comment
}

async function adminThread(requestId: string) {
  const res = await server.adminFetch(`${admin()}/requests/${requestId}`)
  return ((await res.json()) as AdminRequestDetailResponse).request
}

const deleteAsTeam = (commentId: string) =>
  server.adminFetch(`${admin()}/comments/${commentId}`, { method: 'DELETE' })

describe.each(storeBackends())('the team deleting any comment on $name', (backend) => {
  serverWithFreshProject({ demo: false, databaseUrl: backend.databaseUrl }, 'Acme', (fresh) => {
    ;({ server, projectId, secret } = fresh)
    api = publicApi(server, projectId)
  })

  it("deletes a customer's comment, a reply and a note: 204, gone everywhere, counters recounted", async () => {
    const ann = { token: await personToken(secret, projectId, 'ann') }
    const request = await api.submit(ann, 'Dark mode')
    const spam = await api.comment(ann, request.id, 'Buy cheap watches')
    const reply = await teamComment(request.id, 'Please stay on topic')
    const note = await teamComment(request.id, 'Spammer?', true)
    expect((await adminThread(request.id)).commentCount).toBe(2)

    expect((await deleteAsTeam(spam.id)).status).toBe(204)
    const afterSpam = await adminThread(request.id)
    expect(afterSpam.comments.map((c) => c.id)).toEqual([reply.id, note.id])
    expect([afterSpam.commentCount, afterSpam.unanswered]).toEqual([1, false])
    expect((await api.detail(ann, request.id)).comments.map((c) => c.id)).toEqual([reply.id])

    expect((await deleteAsTeam(reply.id)).status).toBe(204)
    expect((await deleteAsTeam(note.id)).status).toBe(204)
    const empty = await adminThread(request.id)
    expect([empty.comments, empty.commentCount, empty.unanswered]).toEqual([[], 0, false])
    expect((await api.detail(ann, request.id)).commentCount).toBe(0)
  })

  it('writes comment.deleted to the audit log, naming the comment and its request only', async () => {
    const ann = { token: await personToken(secret, projectId, 'ann') }
    const request = await api.submit(ann, 'Dark mode')
    const comment = await api.comment(ann, request.id, 'Private words')
    expect((await deleteAsTeam(comment.id)).status).toBe(204)
    const res = await server.adminFetch(`${admin()}/audit`)
    const { entries } = (await res.json()) as { entries: AuditLogEntry[] }
    expect(entries[0]).toMatchObject({
      action: 'comment.deleted',
      target: comment.id,
      detail: { requestId: request.id },
    })
    expect(JSON.stringify(entries[0])).not.toContain('Private words')
  })

  it('answers 404 for a comment the project does not have, twice deleted included', async () => {
    const ann = { token: await personToken(secret, projectId, 'ann') }
    const request = await api.submit(ann, 'Dark mode')
    const comment = await api.comment(ann, request.id, 'Once')
    expect((await deleteAsTeam(comment.id)).status).toBe(204)
    const again = await deleteAsTeam(comment.id)
    expect(again.status).toBe(404)
    expect(await errorCode(again)).toBe('not_found')
    const other = await server.createProject('Other')
    const elsewhere = await server.adminFetch(
      `/v1/admin/projects/${other.project.id}/comments/${comment.id}`,
      { method: 'DELETE' },
    )
    expect(elsewhere.status).toBe(404)
  })

  it('needs the triage permission: a viewer gets 403 and the comment stays', async () => {
    const owner = await setUpOwner(server)
    const viewer = await joinTeam(server, owner, 'viewer')
    const member = await joinTeam(server, owner, 'member')
    const ann = { token: await personToken(secret, projectId, 'ann') }
    const request = await api.submit(ann, 'Dark mode')
    const comment = await api.comment(ann, request.id, 'Stays a while')
    const refused = await viewer.fetch(`${admin()}/comments/${comment.id}`, { method: 'DELETE' })
    expect(refused.status).toBe(403)
    expect((await adminThread(request.id)).commentCount).toBe(1)
    const done = await member.fetch(`${admin()}/comments/${comment.id}`, { method: 'DELETE' })
    expect(done.status).toBe(204)
  })
})
