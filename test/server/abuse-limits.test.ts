import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { audienceFor } from '../../src/shared/identity'
import { startTestServer, type TestServer } from '../helpers/start-server'
import { mintToken } from '../helpers/tokens'

// Every call here comes from 127.0.0.1: one IP, as a single attacker's machine would be.
let server: TestServer
beforeAll(async () => {
  server = await startTestServer({
    demo: false,
    anonVotersPerIpPerHour: 20,
    ipWritesPerMinute: 1_000,
    authFailuresPer15Minutes: 5,
  })
})
afterAll(() => server.close())

async function newProject() {
  const { project, secret } = await server.createProject('Stuffed')
  const api = (path: string) => `${server.url}/v1/projects/${project.id}${path}`
  const post = (path: string, headers: Record<string, string>, body?: unknown) =>
    fetch(api(path), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  const token = (sub: string) =>
    mintToken(secret, {
      sub,
      aud: audienceFor(project.id),
      traits: { plan: 'pro', amount: 100, interval: 'month' },
    })
  return { project, api, post, token }
}

describe('ballot stuffing from one IP', () => {
  it('counts at most 20 distinct anonymous ids per IP and project per hour, then answers 429 with Retry-After', async () => {
    const { project, post } = await newProject()
    const created = await post(
      '/requests',
      { 'X-Reqio-Anonymous-Id': 'anon-author-0' },
      {
        title: 'Stuff me',
      },
    )
    const { request } = (await created.json()) as { request: { id: string } }
    const statuses: number[] = []
    let retryAfter: string | null = null
    for (let i = 0; i < 40; i++) {
      const res = await post(`/requests/${request.id}/vote`, {
        'X-Reqio-Anonymous-Id': `fresh-anon-${i}-${Math.random().toString(36).slice(2)}`,
      })
      statuses.push(res.status)
      if (res.status === 429) {
        retryAfter = res.headers.get('retry-after')
        expect(await res.json()).toMatchObject({ error: { code: 'rate_limited' } })
      }
    }
    // The author was the first of the 20, so 19 more ids get through.
    expect(statuses.filter((s) => s === 200)).toHaveLength(19)
    expect(statuses.slice(19).every((s) => s === 429)).toBe(true)
    expect(Number(retryAfter)).toBeGreaterThan(0)
    const backlog = await server.adminFetch(`/v1/admin/projects/${project.id}/backlog`)
    const { requests } = (await backlog.json()) as { requests: { votes: number }[] }
    expect(requests[0]?.votes).toBe(20)
  })

  it('still lets an anonymous id it already counted vote again within the hour', async () => {
    const { post } = await newProject()
    const ids = Array.from({ length: 20 }, (_, i) => `regular-anon-${i}`)
    const made: string[] = []
    for (const id of ids) {
      const res = await post('/requests', { 'X-Reqio-Anonymous-Id': id }, { title: `idea ${id}` })
      expect(res.status).toBe(201)
      made.push(((await res.json()) as { request: { id: string } }).request.id)
    }
    expect(
      (await post('/requests', { 'X-Reqio-Anonymous-Id': 'one-too-many' }, { title: 'x' })).status,
    ).toBe(429)
    const again = await post(`/requests/${made[1]}/vote`, {
      'X-Reqio-Anonymous-Id': 'regular-anon-0',
    })
    expect(again.status).toBe(200)
  })

  it('never caps identified people behind the same office IP', async () => {
    const { post, token } = await newProject()
    for (let i = 0; i < 20; i++) {
      await post('/requests', { 'X-Reqio-Anonymous-Id': `office-anon-${i}` }, { title: `a${i}` })
    }
    const created = await post(
      '/requests',
      { Authorization: `Bearer ${await token('boss')}` },
      {
        title: 'Identified idea',
      },
    )
    expect(created.status).toBe(201)
    const { request } = (await created.json()) as { request: { id: string } }
    for (let i = 0; i < 30; i++) {
      const res = await post(`/requests/${request.id}/vote`, {
        Authorization: `Bearer ${await token(`colleague-${i}`)}`,
      })
      expect(res.status).toBe(200)
    }
  })
})

describe('writes per IP, whatever id they carry', () => {
  it('answers 429 once one IP exceeds its write budget, even with a new anonymous id each time', async () => {
    const limited = await startTestServer({ demo: false, ipWritesPerMinute: 5 })
    try {
      const { project } = await limited.createProject('Per IP')
      const statuses: number[] = []
      for (let i = 0; i < 7; i++) {
        const res = await fetch(`${limited.url}/v1/projects/${project.id}/requests`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Reqio-Anonymous-Id': `ip-flood-${i}` },
          body: JSON.stringify({ title: `flood ${i}` }),
        })
        statuses.push(res.status)
      }
      expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429])
    } finally {
      await limited.close()
    }
  })

  it('answers 429 once one IP exceeds its read budget', async () => {
    const limited = await startTestServer({ demo: false, ipReadsPerMinute: 5 })
    try {
      const statuses: number[] = []
      for (let i = 0; i < 7; i++) {
        // Unknown projects count too: they cost a database lookup.
        const res = await fetch(`${limited.url}/v1/projects/p-${i}/requests?q=${i}`)
        statuses.push(res.status)
      }
      expect(statuses).toEqual([404, 404, 404, 404, 404, 429, 429])
    } finally {
      await limited.close()
    }
  })
})

describe('requireIdentity', () => {
  it('refuses anonymous votes and submissions with identity_required, keeps reads public and lets identified people write', async () => {
    const { project, api, post, token } = await newProject()
    const patched = await server.adminFetch(`/v1/admin/projects/${project.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ settings: { requireIdentity: true } }),
    })
    expect(patched.status).toBe(200)
    const anonymous = await post(
      '/requests',
      { 'X-Reqio-Anonymous-Id': 'anon-required' },
      {
        title: 'No',
      },
    )
    expect(anonymous.status).toBe(401)
    expect(await anonymous.json()).toMatchObject({ error: { code: 'identity_required' } })
    expect((await fetch(api('/requests'))).status).toBe(200)
    const identified = await post(
      '/requests',
      { Authorization: `Bearer ${await token('ok')}` },
      {
        title: 'Yes',
      },
    )
    expect(identified.status).toBe(201)
    const { request } = (await identified.json()) as { request: { id: string } }
    const vote = await post(`/requests/${request.id}/vote`, {
      'X-Reqio-Anonymous-Id': 'anon-required',
    })
    expect(vote.status).toBe(401)
  })
})

describe('admin token guessing', () => {
  it('throttles wrong admin tokens per IP with 429, even for the right token, after the burst', async () => {
    const guess = (token: string) =>
      fetch(`${server.url}/v1/admin/projects`, { headers: { Authorization: `Bearer ${token}` } })
    const statuses: number[] = []
    for (let i = 0; i < 7; i++) statuses.push((await guess(`wrong-guess-${i}`)).status)
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429])
    const right = await guess(server.adminToken)
    expect(right.status).toBe(429)
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0)
  })
})
