import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { audienceFor } from '../../src/shared/identity'
import { storeBackends } from '../helpers/backends'
import { startTestServer, type TestServer } from '../helpers/start-server'
import { mintToken } from '../helpers/tokens'

describe.each(storeBackends())('races over HTTP on the $name database', (backend) => {
  let server: TestServer
  let base: string
  let secret: string
  let projectId: string
  beforeAll(async () => {
    server = await startTestServer({ demo: false, databaseUrl: backend.databaseUrl })
    ;({
      project: { id: projectId },
      secret,
    } = await server.createProject('Races'))
    base = `${server.url}/v1/projects/${projectId}`
  })
  afterAll(async () => {
    await server.close()
  })

  async function newRequest(title: string) {
    const res = await fetch(`${base}/requests`, {
      method: 'POST',
      headers: { 'X-Reqio-Anonymous-Id': 'anon-author', 'Content-Type': 'application/json' },
      body: JSON.stringify({ title }),
    })
    return ((await res.json()) as { request: { id: string } }).request.id
  }

  it("leaves the voter's vote and revenue counted once after 100 parallel votes by one person", async () => {
    const id = await newRequest('Parallel votes')
    const token = await mintToken(secret, {
      sub: 'racer',
      aud: audienceFor(projectId),
      traits: { plan: 'pro', amount: 4900, interval: 'month' },
    })
    const statuses = await Promise.all(
      Array.from({ length: 100 }, async () => {
        const res = await fetch(`${base}/requests/${id}/vote`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}` },
        })
        return res.status
      }),
    )
    expect(statuses.every((status) => status === 200)).toBe(true)
    const backlog = await server.adminFetch(`/v1/admin/projects/${projectId}/backlog`)
    const { requests } = (await backlog.json()) as {
      requests: { id: string; votes: number; mrrCents: number }[]
    }
    // The anonymous author's vote and the voter's one.
    expect(requests.find((r) => r.id === id)).toMatchObject({ votes: 2, mrrCents: 4900 })
  })

  it('creates one request for 20 racing submits by one author with the same Idempotency-Key', async () => {
    const ids = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const res = await fetch(`${base}/requests`, {
          method: 'POST',
          headers: {
            // Keys belong to their author: one browser retrying, not 20 people.
            'X-Reqio-Anonymous-Id': 'anon-racer',
            'Idempotency-Key': 'same-key',
            'Content-Type': 'application/json',
          },
          body: JSON.stringify({ title: 'Once only' }),
        })
        expect(res.status).toBe(201)
        return ((await res.json()) as { request: { id: string } }).request.id
      }),
    )
    expect(new Set(ids).size).toBe(1)
  })
})
