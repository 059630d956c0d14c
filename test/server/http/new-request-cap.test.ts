/**
 * REQIO_NEW_REQUESTS_PER_IP_PER_PROJECT_PER_HOUR over real HTTP on 127.0.0.1 (spec/api.md v3
 * "Hardening (round three)", issue 24 item 11). The test plays a proxy on loopback
 * (REQIO_TRUST_PROXY=loopback), so X-Forwarded-For names the client each call comes from.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readServerConfig } from '../../../src/server/config'
import { audienceFor } from '../../../src/shared/identity'
import { storeBackends } from '../../helpers/backends'
import { sampleValue, scrapeMetrics } from '../../helpers/metrics-text'
import { startTestServer, type TestServer } from '../../helpers/start-server'
import { mintToken } from '../../helpers/tokens'

const DEFAULT_PER_HOUR = readServerConfig({}).newRequestsPerIpPerProjectPerHour
/** The default cap on anonymous ids per IP: the spammer of the issue rotates 20 of them. */
const ANONYMOUS_IDS = 20
const METRICS_TOKEN = 'metrics-token-for-the-new-request-cap'

function submitFrom(
  server: TestServer,
  projectId: string,
  forwardedFor: string,
  who: { anonymousId?: string; token?: string },
  title = 'Dark mode',
) {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'X-Forwarded-For': forwardedFor,
  }
  if (who.anonymousId) headers['X-Reqio-Anonymous-Id'] = who.anonymousId
  if (who.token) headers.Authorization = `Bearer ${who.token}`
  return fetch(`${server.url}/v1/projects/${projectId}/requests`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ title }),
  })
}

/** Statuses of `count` submissions from one forwarded IP, rotating through 20 anonymous ids. */
async function spam(server: TestServer, projectId: string, forwardedFor: string, count: number) {
  const statuses: number[] = []
  for (let i = 0; i < count; i++) {
    const anonymousId = `anon-spammer-${i % ANONYMOUS_IDS}`
    const res = await submitFrom(server, projectId, forwardedFor, { anonymousId }, `Spam ${i}`)
    statuses.push(res.status)
  }
  return statuses
}

describe('REQIO_NEW_REQUESTS_PER_IP_PER_PROJECT_PER_HOUR', () => {
  it('is 60 unless set, and takes a positive integer', () => {
    expect(DEFAULT_PER_HOUR).toBe(60)
    const env = { REQIO_NEW_REQUESTS_PER_IP_PER_PROJECT_PER_HOUR: '5' }
    expect(readServerConfig(env).newRequestsPerIpPerProjectPerHour).toBe(5)
    for (const bad of ['0', '-1', '2.5', 'lots']) {
      expect(() =>
        readServerConfig({ REQIO_NEW_REQUESTS_PER_IP_PER_PROJECT_PER_HOUR: bad }),
      ).toThrow(/REQIO_NEW_REQUESTS_PER_IP_PER_PROJECT_PER_HOUR must be a positive integer/)
    }
  })
})

describe.each(storeBackends())('new requests per IP and project on $name', (backend) => {
  describe('with the default cap', () => {
    let server: TestServer
    beforeAll(async () => {
      server = await startTestServer({
        demo: false,
        databaseUrl: backend.databaseUrl,
        trustProxy: ['loopback'],
        anonVotersPerIpPerHour: readServerConfig({}).anonVotersPerIpPerHour,
        newRequestsPerIpPerProjectPerHour: DEFAULT_PER_HOUR,
        metricsToken: METRICS_TOKEN,
      })
    })
    afterAll(() => server.close())

    it('refuses the 61st new request of the hour from one IP with 429 rate_limited and Retry-After', async () => {
      const { project } = await server.createProject('Spammed')
      const statuses = await spam(server, project.id, '203.0.113.7', DEFAULT_PER_HOUR)
      expect(statuses).toEqual(Array(DEFAULT_PER_HOUR).fill(201))

      const refused = await submitFrom(server, project.id, '203.0.113.7', {
        anonymousId: 'anon-spammer-0',
      })
      expect(refused.status).toBe(429)
      expect(await refused.json()).toMatchObject({ error: { code: 'rate_limited' } })
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
      const metrics = await scrapeMetrics(server.url, METRICS_TOKEN)
      expect(sampleValue(metrics, 'reqio_rate_limited_total', { limit: 'new_requests' })).toBe(1)
      const list = await fetch(`${server.url}/v1/projects/${project.id}/requests`)
      const { requests } = (await list.json()) as { requests: unknown[] }
      expect(requests).toHaveLength(DEFAULT_PER_HOUR)
    })

    it('still takes new requests from another IP, and the same IP in another project', async () => {
      const { project } = await server.createProject('Shared office')
      const other = await server.createProject('Another product')
      await spam(server, project.id, '198.51.100.20', DEFAULT_PER_HOUR)
      // One of the 20 ids it already used: only the new-request cap can refuse it.
      const sameIp = { anonymousId: 'anon-spammer-0' }
      expect((await submitFrom(server, project.id, '198.51.100.20', sameIp)).status).toBe(429)
      expect((await submitFrom(server, project.id, '198.51.100.21', sameIp)).status).toBe(201)
      expect((await submitFrom(server, other.project.id, '198.51.100.20', sameIp)).status).toBe(201)
    })

    it('counts identified callers from that IP too, and leaves its votes alone', async () => {
      const { project, secret } = await server.createProject('Tokens from one NAT')
      const { request } = (await (
        await submitFrom(server, project.id, '192.0.2.99', { anonymousId: 'anon-author' })
      ).json()) as { request: { id: string } }
      await spam(server, project.id, '192.0.2.40', DEFAULT_PER_HOUR)
      const token = await mintToken(secret, { sub: 'ann', aud: audienceFor(project.id) })
      expect((await submitFrom(server, project.id, '192.0.2.40', { token })).status).toBe(429)
      const vote = await fetch(
        `${server.url}/v1/projects/${project.id}/requests/${request.id}/vote`,
        {
          method: 'POST',
          headers: { 'X-Forwarded-For': '192.0.2.40', Authorization: `Bearer ${token}` },
        },
      )
      expect(vote.status).toBe(200)
    })
  })

  describe('set to 3 through the environment', () => {
    const perHour = readServerConfig({
      REQIO_NEW_REQUESTS_PER_IP_PER_PROJECT_PER_HOUR: '3',
    }).newRequestsPerIpPerProjectPerHour
    let server: TestServer
    beforeAll(async () => {
      server = await startTestServer({
        demo: false,
        databaseUrl: backend.databaseUrl,
        trustProxy: ['loopback'],
        newRequestsPerIpPerProjectPerHour: perHour,
      })
    })
    afterAll(() => server.close())

    it('refuses the 4th, counting an IPv6 /64 as one client', async () => {
      const { project } = await server.createProject('Small cap')
      expect(await spam(server, project.id, '2001:db8:1:1::1', 4)).toEqual([201, 201, 201, 429])
      const sameSubnet = await submitFrom(server, project.id, '2001:db8:1:1::ffff', {
        anonymousId: 'anon-neighbour',
      })
      expect(sameSubnet.status).toBe(429)
      const otherSubnet = await submitFrom(server, project.id, '2001:db8:1:2::1', {
        anonymousId: 'anon-neighbour',
      })
      expect(otherSubnet.status).toBe(201)
    })
  })
})
