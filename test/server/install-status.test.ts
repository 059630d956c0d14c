// The Install page's live check (issue 19): the server records where the widget runs (first
// and latest Origin per project, written at most once a minute), and the first steps.
import { describe, expect, it } from 'vitest'
import { frozenClock } from '../../src/server/clock'
import type { InstallStatusResponse } from '../../src/shared/api'
import { audienceFor } from '../../src/shared/identity'
import { serverWithFreshProject } from '../helpers/fresh-project'
import type { TestServer } from '../helpers/start-server'
import { mintToken } from '../helpers/tokens'

const START = Date.parse('2026-12-01T10:00:00Z')
const clock = frozenClock(START)
let server: TestServer
let projectId: string
let secret: string
let testStart = START

serverWithFreshProject({ demo: false, clock }, 'Acme', (fresh) => {
  ;({ server, projectId, secret } = fresh)
  // Forward only: the rate limiters remember earlier tests' hits.
  clock.advance(3_600_000)
  testStart = clock.now()
})

async function install() {
  const res = await server.adminFetch(`/v1/admin/projects/${projectId}/install`)
  expect(res.status).toBe(200)
  return (await res.json()) as InstallStatusResponse
}
function fromPage(origin: string, path = '/requests', init: RequestInit = {}) {
  return fetch(`${server.url}/v1/projects/${projectId}${path}`, {
    ...init,
    headers: { Origin: origin, 'X-Reqio-Anonymous-Id': 'anon-install-1', ...init.headers },
  })
}

describe('widget seen on <origin>', () => {
  it('records the first and latest Origin of public requests, at most once a minute', async () => {
    expect((await install()).origins).toEqual([])
    expect((await fromPage('https://shop.example')).status).toBe(200)
    const first = new Date(testStart).toISOString()
    expect((await install()).origins).toEqual([
      { origin: 'https://shop.example', firstSeenAt: first, lastSeenAt: first },
    ])

    clock.advance(30_000)
    await fromPage('https://shop.example')
    expect((await install()).origins[0]?.lastSeenAt).toBe(first)
    // Counting database writes: none within the minute.
    const writes = await server.store.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM project_origins',
    )
    expect(writes[0]?.n).toBe(1)

    clock.advance(31_000)
    await fromPage('https://shop.example')
    expect((await install()).origins).toEqual([
      {
        origin: 'https://shop.example',
        firstSeenAt: first,
        lastSeenAt: new Date(testStart + 61_000).toISOString(),
      },
    ])
  })

  it('ignores requests without an Origin, from the server itself, or that failed', async () => {
    await fetch(`${server.url}/v1/projects/${projectId}/requests`)
    await fromPage(server.url)
    await fromPage('javascript:alert(1)')
    await fetch(`${server.url}/v1/projects/nope`, { headers: { Origin: 'https://x.example' } })
    expect((await install()).origins).toEqual([])
  })

  it('lists every site, the most recent first', async () => {
    expect((await fromPage('https://a.example')).status).toBe(200)
    clock.advance(1000)
    expect((await fromPage('http://localhost:3000')).status).toBe(200)
    expect((await install()).origins.map((o) => o.origin)).toEqual([
      'http://localhost:3000',
      'https://a.example',
    ])
  })
})

describe('the first-steps checklist', () => {
  it('ticks installed, identity verified, first request and first vote as they happen', async () => {
    expect((await install()).progress).toEqual({
      installed: false,
      identityVerified: false,
      firstRequest: false,
      firstVote: false,
    })
    const res = await fromPage('https://shop.example', '/requests', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'Dark mode' }),
    })
    expect(res.status).toBe(201)
    const { request } = (await res.json()) as { request: { id: string } }
    // The author's own vote is not a first vote.
    expect((await install()).progress).toEqual({
      installed: true,
      identityVerified: false,
      firstRequest: true,
      firstVote: false,
    })
    const token = await mintToken(
      secret,
      { sub: 'ann', aud: audienceFor(projectId) },
      {
        nowMs: testStart,
      },
    )
    const vote = await fromPage('https://shop.example', `/requests/${request.id}/vote`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
    })
    expect(vote.status).toBe(200)
    expect((await install()).progress).toEqual({
      installed: true,
      identityVerified: true,
      firstRequest: true,
      firstVote: true,
    })
  })
})
