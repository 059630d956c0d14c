import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type {
  CommentPageResponse,
  RequestDetailResponse,
  RequestResponse,
} from '../../src/shared/api'
import { ANONYMOUS_ID_HEADER, audienceFor } from '../../src/shared/identity'
import { storeBackends } from '../helpers/backends'
import { serverWithFreshProject } from '../helpers/fresh-project'
import { startTestServer, type TestServer } from '../helpers/start-server'
import { mintToken } from '../helpers/tokens'

let server: TestServer
let projectId: string

const START = Date.UTC(2026, 0, 1)

async function newRequest(target: TestServer, project: string, title = 'Dark mode') {
  const res = await fetch(`${target.url}/v1/projects/${project}/requests`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [ANONYMOUS_ID_HEADER]: crypto.randomUUID() },
    body: JSON.stringify({ title }),
  })
  expect(res.status).toBe(201)
  return ((await res.json()) as RequestResponse).request.id
}

/** n comments "#1" … "#n", one second apart, written through the store (the thread's setup). */
async function thread(requestId: string, n: number) {
  for (let i = 1; i <= n; i++) {
    await server.store.comments.create({
      projectId,
      requestId,
      body: `#${i}`,
      now: START + i * 1000,
      actor: { voter: `a:${i}`, person: null },
    })
  }
}

async function getJson<T>(path: string): Promise<{ status: number; body: T }> {
  const res = await fetch(`${server.url}/v1/projects/${projectId}${path}`)
  return { status: res.status, body: (await res.json()) as T }
}

const bodies = (comments: { body: string }[]) => comments.map((comment) => comment.body)
const numbered = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `#${from + i}`)

describe.each(storeBackends())('comment paging on the $name database', (backend) => {
  serverWithFreshProject({ demo: false, databaseUrl: backend.databaseUrl }, 'Acme', (fresh) => {
    ;({ server, projectId } = fresh)
  })

  it('carries the newest 50 comments, oldest first, and pages back to the first one', async () => {
    const requestId = await newRequest(server, projectId)
    await thread(requestId, 120)
    const detail = await getJson<RequestDetailResponse>(`/requests/${requestId}`)
    expect(detail.status).toBe(200)
    expect(bodies(detail.body.request.comments)).toEqual(numbered(71, 120))
    expect(detail.body.request.commentCount).toBe(120)
    const cursor = detail.body.request.commentsCursor
    expect(cursor).toEqual(expect.any(String))

    const second = await getJson<CommentPageResponse>(
      `/requests/${requestId}/comments?cursor=${cursor}`,
    )
    expect(second.status).toBe(200)
    expect(bodies(second.body.comments)).toEqual(numbered(21, 70))
    const last = await getJson<CommentPageResponse>(
      `/requests/${requestId}/comments?cursor=${second.body.nextCursor}&limit=30`,
    )
    expect(bodies(last.body.comments)).toEqual(numbered(1, 20))
    expect(last.body.nextCursor).toBeNull()
  })

  it('answers a short thread whole, with no cursor', async () => {
    const requestId = await newRequest(server, projectId)
    await thread(requestId, 3)
    const detail = await getJson<RequestDetailResponse>(`/requests/${requestId}`)
    expect(bodies(detail.body.request.comments)).toEqual(numbered(1, 3))
    expect(detail.body.request.commentsCursor).toBeNull()
    const page = await getJson<CommentPageResponse>(`/requests/${requestId}/comments?limit=2`)
    expect(page.body).toMatchObject({ nextCursor: expect.any(String) })
    expect(bodies(page.body.comments)).toEqual(['#2', '#3'])
  })

  it('leaves hidden comments out of every page', async () => {
    const requestId = await newRequest(server, projectId)
    await thread(requestId, 4)
    const all = await server.store.comments.listForRequest(requestId)
    await server.store.comments.setHidden(projectId, all[1]?.id ?? '', true)
    const page = await getJson<CommentPageResponse>(`/requests/${requestId}/comments?limit=2`)
    const older = await getJson<CommentPageResponse>(
      `/requests/${requestId}/comments?limit=2&cursor=${page.body.nextCursor}`,
    )
    expect([...bodies(older.body.comments), ...bodies(page.body.comments)]).toEqual([
      '#1',
      '#3',
      '#4',
    ])
    expect(older.body.nextCursor).toBeNull()
  })

  it.each([
    ['cursor', 'cursor=nonsense!'],
    ['cursor', `cursor=${Buffer.from('c1:c_nosuchcomment').toString('base64url')}`],
    ['cursor', `cursor=${'A'.repeat(500)}`],
    ['limit', 'limit=0'],
    ['limit', 'limit=101'],
    ['limit', 'limit=1.5'],
    ['limit', 'limit=-3'],
  ])('refuses a bad %s with 400 validation_failed (case %#)', async (field, query) => {
    const requestId = await newRequest(server, projectId)
    const res = await getJson<{ error: { code: string; field: string } }>(
      `/requests/${requestId}/comments?${query}`,
    )
    expect(res.status).toBe(400)
    expect(res.body.error).toMatchObject({ code: 'validation_failed', field })
  })

  it('answers 404 for a request that does not exist', async () => {
    expect((await getJson('/requests/r_missing/comments')).status).toBe(404)
  })
})

describe.each(storeBackends())('comment caps on the $name database', (backend) => {
  const PER_PERSON = 3
  const PER_REQUEST = 5
  // Two servers on one database: on PostgreSQL the caps are one budget, not one per process.
  const pgSchema = `reqio_test_${randomBytes(6).toString('hex')}`
  let first: TestServer
  let second: TestServer
  let project: string
  let secret: string

  beforeAll(async () => {
    const options = {
      demo: false,
      databaseUrl: backend.databaseUrl,
      commentsPerPersonPerRequestPerHour: PER_PERSON,
      commentsPerRequestPerHour: PER_REQUEST,
    }
    first = await startTestServer(backend.databaseUrl ? { ...options, pgSchema } : options)
    second = backend.databaseUrl ? await startTestServer({ ...options, pgSchema }) : first
    ;({
      project: { id: project },
      secret,
    } = await first.createProject('Acme'))
  })
  afterAll(async () => {
    if (second !== first) await second.close()
    await first.close()
  })

  async function comment(target: TestServer, requestId: string, sub: string) {
    const token = await mintToken(secret, { sub, aud: audienceFor(project) })
    return fetch(`${target.url}/v1/projects/${project}/requests/${requestId}/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ body: 'Me too' }),
    })
  }

  it('caps one person per request per hour, and the request from everyone, with 429 and Retry-After', async () => {
    const requestId = await newRequest(first, project)
    const statuses: number[] = []
    for (let i = 0; i < PER_PERSON + 1; i++) {
      const target = i % 2 ? second : first
      statuses.push((await comment(target, requestId, 'ann')).status)
    }
    expect(statuses).toEqual([201, 201, 201, 429])
    const refused = await comment(second, requestId, 'ann')
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0)
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('rate_limited')

    // Others may add to the thread until it holds PER_REQUEST new comments this hour.
    expect((await comment(second, requestId, 'bob')).status).toBe(201)
    expect((await comment(first, requestId, 'cat')).status).toBe(201)
    expect((await comment(second, requestId, 'dan')).status).toBe(429)
    // Another request has its own budget.
    const other = await newRequest(first, project, 'CSV export')
    expect((await comment(second, other, 'dan')).status).toBe(201)
  })
})
