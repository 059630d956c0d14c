/**
 * REQIO_TRUST_PROXY over real HTTP on 127.0.0.1 (spec/api.md v3 "Running in production"): the
 * test plays the proxy, its socket address being 127.0.0.1, and sets X-Forwarded-* itself.
 */
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readServerConfig, type ServerConfig } from '../../../src/server/config'
import { storeBackends } from '../../helpers/backends'
import { startTestServer, type TestServer } from '../../helpers/start-server'
import { sessionCookieFrom, setUpOwner, TEST_PASSWORD } from '../../helpers/team'

const VOTERS_PER_HOUR = 20
const AUTH_FAILURES = 3

interface Started {
  server: TestServer
  projectId: string
  requestId: string
}

async function startBehind(
  trustProxy: ServerConfig['trustProxy'],
  databaseUrl: string | undefined,
): Promise<Started> {
  const server = await startTestServer({
    demo: false,
    databaseUrl,
    trustProxy,
    anonVotersPerIpPerHour: VOTERS_PER_HOUR,
    authFailuresPer15Minutes: AUTH_FAILURES,
  })
  const { project } = await server.createProject('Behind a proxy')
  // Its author comes from an address of its own, so it counts against no address tested below.
  const created = await fetch(`${server.url}/v1/projects/${project.id}/requests`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-Reqio-Anonymous-Id': 'anon-author',
      'X-Forwarded-For': '192.0.2.250',
    },
    body: JSON.stringify({ title: 'Dark mode' }),
  })
  expect(created.status).toBe(201)
  const { request } = (await created.json()) as { request: { id: string } }
  return { server, projectId: project.id, requestId: request.id }
}

function voteFrom(started: Started, forwardedFor: string, anonymousId: string) {
  const { server, projectId, requestId } = started
  return fetch(`${server.url}/v1/projects/${projectId}/requests/${requestId}/vote`, {
    method: 'POST',
    headers: { 'X-Reqio-Anonymous-Id': anonymousId, 'X-Forwarded-For': forwardedFor },
  })
}

/** Statuses of `count` votes, each from a new anonymous id, all with this X-Forwarded-For. */
async function votesFrom(started: Started, forwardedFor: (i: number) => string, count: number) {
  const statuses: number[] = []
  for (let i = 0; i < count; i++) {
    const id = `anon-${i}-${randomBytes(4).toString('hex')}`
    statuses.push((await voteFrom(started, forwardedFor(i), id)).status)
  }
  return statuses
}

function adminFrom(server: TestServer, forwardedFor: string, token: string) {
  return fetch(`${server.url}/v1/admin/projects`, {
    headers: { Authorization: `Bearer ${token}`, 'X-Forwarded-For': forwardedFor },
  })
}

/** Locks one forwarded address out with wrong admin tokens; answers the right token's status. */
async function lockOut(server: TestServer, forwardedFor: string): Promise<number> {
  for (let i = 0; i < AUTH_FAILURES; i++) await adminFrom(server, forwardedFor, `wrong-${i}`)
  return (await adminFrom(server, forwardedFor, server.adminToken)).status
}

async function loginOverForwardedHttps(server: TestServer): Promise<Response> {
  const httpsOrigin = server.url.replace(/^http:/, 'https:')
  return fetch(`${server.url}/v1/auth/login`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Origin: httpsOrigin,
      'X-Forwarded-Proto': 'https',
      'X-Forwarded-For': '198.51.100.30',
    },
    body: JSON.stringify({ email: 'olive.owner@example.com', password: TEST_PASSWORD }),
  })
}

function sessionCookieLine(response: Response): string {
  return response.headers.getSetCookie().find((line) => line.startsWith('reqio_session=')) ?? ''
}

describe.each(storeBackends())('REQIO_TRUST_PROXY on $name', (backend) => {
  describe('unset', () => {
    let started: Started
    beforeAll(async () => {
      started = await startBehind(null, backend.databaseUrl)
    })
    afterAll(() => started.server.close())

    it('ignores X-Forwarded-For: spoofing a new address each time buys no new voter budget', async () => {
      const statuses = await votesFrom(started, (i) => `203.0.113.${i + 1}`, VOTERS_PER_HOUR + 2)
      // The author (another spoofed address, the same socket) is one of this address's 20.
      expect(statuses.filter((status) => status === 200)).toHaveLength(VOTERS_PER_HOUR - 1)
      expect(statuses.slice(VOTERS_PER_HOUR - 1)).toEqual([429, 429, 429])
    })

    it('ignores X-Forwarded-Proto: the session cookie is not Secure over plain http', async () => {
      const owner = await setUpOwner(started.server)
      expect(owner.cookie).toMatch(/^reqio_session=/)
      const login = await fetch(`${started.server.url}/v1/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-Proto': 'https' },
        body: JSON.stringify({ email: 'olive.owner@example.com', password: TEST_PASSWORD }),
      })
      expect(login.status).toBe(200)
      expect(sessionCookieLine(login)).not.toMatch(/;\s*Secure/i)
    })
  })

  describe('loopback', () => {
    let started: Started
    beforeAll(async () => {
      started = await startBehind(['loopback'], backend.databaseUrl)
    })
    afterAll(() => started.server.close())

    it('accepts the 21st anonymous voter of the hour when it comes from a different forwarded IP', async () => {
      const crowded = await votesFrom(started, () => '203.0.113.7', VOTERS_PER_HOUR + 1)
      expect(crowded.slice(0, VOTERS_PER_HOUR)).toEqual(Array(VOTERS_PER_HOUR).fill(200))
      expect(crowded[VOTERS_PER_HOUR]).toBe(429)
      expect((await voteFrom(started, '203.0.113.8', 'anon-next-door')).status).toBe(200)
    })

    it('locks out the forwarded IP that guessed admin tokens, not another one', async () => {
      expect(await lockOut(started.server, '198.51.100.1')).toBe(429)
      expect(
        (await adminFrom(started.server, '198.51.100.2', started.server.adminToken)).status,
      ).toBe(200)
    })

    it('takes the scheme from X-Forwarded-Proto: the session cookie is Secure and the https Origin is our own', async () => {
      await setUpOwner(started.server)
      const login = await loginOverForwardedHttps(started.server)
      expect(login.status).toBe(200)
      expect(sessionCookieFrom(login)).toMatch(/^reqio_session=/)
      expect(sessionCookieLine(login)).toMatch(/;\s*Secure/i)
    })
  })

  describe('a hop count of 1', () => {
    let started: Started
    beforeAll(async () => {
      started = await startBehind(1, backend.databaseUrl)
    })
    afterAll(() => started.server.close())

    it('takes the right-most X-Forwarded-For address: what the client wrote before it changes nothing', async () => {
      expect(await lockOut(started.server, '10.9.9.9, 198.51.100.5')).toBe(429)
      // The same client pretending to be someone else on the left is still locked out.
      expect(
        (await adminFrom(started.server, '10.1.1.1, 198.51.100.5', started.server.adminToken))
          .status,
      ).toBe(429)
      expect(
        (await adminFrom(started.server, '10.9.9.9, 198.51.100.6', started.server.adminToken))
          .status,
      ).toBe(200)
    })
  })

  describe('a peer outside the trusted addresses', () => {
    let started: Started
    beforeAll(async () => {
      // The test connects from 127.0.0.1, which is not in 10.0.0.0/8.
      started = await startBehind(['10.0.0.0/8'], backend.databaseUrl)
    })
    afterAll(() => started.server.close())

    it('has its X-Forwarded-For and X-Forwarded-Proto ignored', async () => {
      expect(await lockOut(started.server, '198.51.100.1')).toBe(429)
      expect(
        (await adminFrom(started.server, '198.51.100.2', started.server.adminToken)).status,
      ).toBe(429)
      await setUpOwner(started.server)
      const login = await fetch(`${started.server.url}/v1/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-Proto': 'https' },
        body: JSON.stringify({ email: 'olive.owner@example.com', password: TEST_PASSWORD }),
      })
      expect(login.status).toBe(200)
      expect(sessionCookieLine(login)).not.toMatch(/;\s*Secure/i)
    })
  })
})

describe('REQIO_TRUST_PROXY at start', () => {
  it('reads names, addresses and CIDRs as a list and digits as a hop count', () => {
    expect(readServerConfig({}).trustProxy).toBeNull()
    expect(readServerConfig({ REQIO_TRUST_PROXY: '2' }).trustProxy).toBe(2)
    expect(
      readServerConfig({ REQIO_TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::/8' }).trustProxy,
    ).toEqual(['loopback', '10.0.0.0/8', 'fd00::/8'])
  })

  it.each(['true', 'proxy.example.com', '10.0.0.0/33', 'loopback,,uniquelocal'])(
    'refuses %s with a message saying what to write',
    (value) => {
      expect(() => readServerConfig({ REQIO_TRUST_PROXY: value })).toThrow(
        /REQIO_TRUST_PROXY=.*write loopback, linklocal, uniquelocal, addresses or CIDRs/,
      )
    },
  )
})
