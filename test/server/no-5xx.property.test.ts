import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { beforeEach, describe, expect, it } from 'vitest'
import { audienceFor } from '../../src/shared/identity'
import { storeBackends } from '../helpers/backends'
import { serverWithFreshProject } from '../helpers/fresh-project'
import type { TestServer } from '../helpers/start-server'
import { mintToken } from '../helpers/tokens'

let server: TestServer
let projectId: string
let secret: string
/** A request that exists, so writes on it reach the database. */
let requestId: string
// A built dist/, so a 503 "not built" does not hide what the routes answer.
const distDir = mkdtempSync(join(tmpdir(), 'reqio-fuzz-dist-'))
writeFileSync(join(distDir, 'widget.js'), 'console.log("reqio")')
mkdirSync(join(distDir, 'dashboard'))
writeFileSync(join(distDir, 'dashboard', 'index.html'), '<!doctype html>')

const ANSWER_WITHIN_MS = 5_000

/**
 * Strings as a client may send them: anything, plus what the databases cannot store as text
 * (NUL, unpaired surrogates) alone or inside ordinary text.
 */
const hostileString = () =>
  fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.constantFrom('\u0000', '\ud800', '\udc00', '\udbff\udbff', '\ud83d'),
    fc
      .tuple(fc.string(), fc.constantFrom('\u0000', '\ud800', '\udfff'), fc.string())
      .map((parts) => parts.join('')),
  )

/** Every UTF-8 byte as %XX (a lone surrogate goes as U+FFFD, as a browser would send it). */
const percentEncoded = (text: string) =>
  [...Buffer.from(text)].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('')

/** Paths a client can reach, with random segments and raw (possibly broken) percent-encoding. */
const pathArb = () =>
  fc.oneof(
    fc.constantFrom(
      `/v1/projects/${projectId}/requests`,
      `/v1/projects/${projectId}/widget`,
      `/v1/projects/${projectId}/identify`,
      `/v1/projects/${projectId}/requests/r_x/vote`,
      `/v1/projects/${projectId}/requests/${requestId}`,
      `/v1/projects/${projectId}/requests/${requestId}/vote`,
      `/v1/projects/${projectId}/requests/${requestId}/comments`,
      `/v1/projects/${projectId}/updates/read`,
      `/v1/admin/projects/${projectId}/requests/${requestId}`,
      `/v1/admin/projects/${projectId}/requests/${requestId}/comments`,
      `/v1/admin/projects/${projectId}/changelog`,
      `/v1/admin/projects/${projectId}/backlog`,
      '/v1/admin/invites',
      '/v1/auth/login',
      '/v1/auth/setup',
      '/v1/admin/projects',
      `/v1/admin/projects/${projectId}`,
      `/v1/admin/projects/${projectId}/token-check`,
      '/demo/token',
      '/dashboard/%E0%A4%A',
      '/widget.js',
      '/',
    ),
    fc
      .tuple(
        fc.constantFrom('/v1/projects/', '/dashboard/', '/v1/admin/projects/', '/'),
        fc.string({
          unit: fc.constantFrom('%', 'E0', 'A4', '00', 'ff', 'a', '/', '..', '?q=', '&'),
        }),
      )
      .map(([prefix, rest]) => `${prefix}${projectId}${rest}`),
    fc
      .string({ maxLength: 40 })
      .map((q) => `/v1/projects/${projectId}/requests?q=${encodeURIComponent(q)}&sort=${q}`),
    fc
      .tuple(
        fc.oneof(hostileString().map(percentEncoded), fc.constantFrom('%ED%A0%80', '%00', '%C0')),
        fc.string({ maxLength: 8 }).map(percentEncoded),
      )
      .map(
        ([cursor, limit]) =>
          `/v1/projects/${projectId}/requests/${requestId}/comments?cursor=${cursor}&limit=${limit}`,
      ),
  )

/** Bodies: JSON of any shape, JSON with our field names holding odd values, or raw text. */
const bodyArb = fc.oneof(
  fc.json(),
  fc
    .record(
      {
        title: fc.oneof(hostileString(), fc.integer(), fc.constant(null)),
        body: hostileString(),
        name: hostileString(),
        token: hostileString(),
        sub: hostileString(),
        email: hostileString(),
        password: hostileString(),
        role: hostileString(),
        statusNote: fc.oneof(hostileString(), fc.constant(null)),
        settings: fc.anything(),
        graceSeconds: fc.oneof(fc.double(), fc.integer()),
        status: hostileString(),
        mergeInto: hostileString(),
        internal: fc.anything(),
        publish: fc.anything(),
        requestIds: fc.array(hostileString(), { maxLength: 3 }),
        ids: fc.array(hostileString(), { maxLength: 3 }),
        [`k${'\u0000'}`]: fc.string(),
      },
      { requiredKeys: [] },
    )
    .map((value) => JSON.stringify(value)),
  fc.string({ maxLength: 200 }),
)

/** Tokens: garbage, or validly signed ones with hostile claims. */
const tokenArb = fc.oneof(
  fc.string({ maxLength: 100 }),
  fc.record(
    {
      sub: fc.oneof(hostileString(), fc.integer()),
      iat: fc.oneof(fc.double({ min: 0, max: 4e9, noNaN: true }), fc.integer(), fc.string()),
      exp: fc.oneof(fc.double({ min: 0, max: 4e9, noNaN: true }), fc.integer()),
      aud: fc.oneof(fc.constant('AUD'), fc.array(fc.constantFrom('AUD', 'x')), fc.string()),
      email: fc.oneof(hostileString(), fc.constantFrom('a@b.test', 'a@x, e@evil.test')),
      name: fc.oneof(hostileString(), fc.constant(null)),
      traits: fc.oneof(
        fc.anything(),
        fc.record({
          plan: hostileString(),
          amount: fc.oneof(fc.integer(), fc.double()),
          interval: fc.oneof(fc.constantFrom('month', 'year'), hostileString()),
        }),
      ),
      company: fc.oneof(
        fc.anything(),
        fc.record({ id: hostileString(), name: fc.oneof(hostileString(), fc.constant(null)) }),
      ),
    },
    // Most tokens are validly timed, so their claims are what gets judged.
    { requiredKeys: ['sub'] },
  ),
)

const headerValueArb = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  maxLength: 300,
})

async function resolveToken(token: string | Record<string, unknown>): Promise<string> {
  if (typeof token === 'string') return token
  const aud = Array.isArray(token.aud)
    ? token.aud.map((a) => (a === 'AUD' ? audienceFor(projectId) : a))
    : token.aud === 'AUD'
      ? audienceFor(projectId)
      : token.aud
  return mintToken(secret, { ...token, aud: aud as string })
}

describe.each(storeBackends())('no 5xx from any input on the $name database', (backend) => {
  serverWithFreshProject(
    { demo: true, distDir, databaseUrl: backend.databaseUrl },
    'Fuzzed',
    (fresh) => {
      ;({ server, projectId, secret } = fresh)
    },
  )
  beforeEach(async () => {
    const res = await fetch(`${server.url}/v1/projects/${projectId}/requests`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Reqio-Anonymous-Id': crypto.randomUUID() },
      body: JSON.stringify({ title: 'Fuzz target' }),
    })
    requestId = ((await res.json()) as { request: { id: string } }).request.id
  })

  it('answers random bodies, headers, paths, tokens and claims with 2xx-4xx, never 5xx, never a hang', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'DELETE', 'PATCH', 'PUT', 'OPTIONS', 'HEAD'),
        pathArb(),
        bodyArb,
        fc.option(tokenArb),
        fc.option(headerValueArb),
        fc.option(headerValueArb),
        fc.boolean(),
        async (method, path, body, token, anonymousId, idempotencyKey, admin) => {
          const headers: Record<string, string> = { 'Content-Type': 'application/json' }
          if (token !== null) headers.Authorization = `Bearer ${await resolveToken(token)}`
          if (admin) headers.Authorization = `Bearer ${server.adminToken}`
          if (anonymousId !== null) headers['X-Reqio-Anonymous-Id'] = anonymousId
          if (idempotencyKey !== null) headers['Idempotency-Key'] = idempotencyKey
          if (anonymousId !== null) headers['If-None-Match'] = anonymousId
          const withBody = method !== 'GET' && method !== 'HEAD'
          const res = await fetch(`${server.url}${path}`, {
            method,
            headers,
            body: withBody ? body : undefined,
            signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
          })
          await res.arrayBuffer()
          expect(res.status, `${method} ${path} ${body} ${JSON.stringify(token)}`).toBeLessThan(500)
        },
      ),
      { numRuns: 400 },
    )
  }, 240_000)
})
