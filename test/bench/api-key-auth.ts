// What authenticating an admin call costs per request (issue 28: goal < 0.2 ms for an API key,
// a cached hash lookup): the server's own /v1/admin/* stack (requireTeamAccess, then the role
// and scope check) in front of a handler that does nothing, called in this process through
// app.request(), so what is timed is the authentication and nothing else. The same calls with no
// credential check at all are the baseline; the overheads are the differences. On each engine:
// the session cookie reads the database on every call, the key only on its first.
import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { Hono } from 'hono'
import { ApiKeyCache } from '../../src/server/auth/api-key-cache'
import { newApiKey } from '../../src/server/auth/api-key-format'
import { hashSecretCode, newSecretCode } from '../../src/server/auth/secret-codes'
import { enforceRolePermissions, requireTeamAccess } from '../../src/server/auth/team-access'
import { systemClock } from '../../src/server/clock'
import { readServerConfig } from '../../src/server/config'
import { requireAdmin } from '../../src/server/http/admin-auth'
import type { AppEnv, RouteDeps } from '../../src/server/http/env'
import { limitsFor } from '../../src/server/limits/limits'
import type { Store } from '../../src/server/store'
import { onEachEngine } from './each-engine'
import { median } from './stats'

const WARM_UP = 2_000
const CALLS_PER_ROUND = 10_000
const ROUNDS = 5
const GOAL_MS = 0.2

type Mode = 'none' | 'api key' | 'session cookie' | 'admin token'
const MODES: Mode[] = ['none', 'api key', 'session cookie', 'admin token']

interface EngineResult {
  engine: string
  microsPerCall: Record<Mode, number>
}

async function measureEngine(engine: string, store: Store): Promise<EngineResult> {
  const clock = systemClock
  const adminToken = randomBytes(32).toString('base64url')
  const config = { ...readServerConfig({}), adminToken, apiKeyRequestsPerMinute: 100_000_000 }
  const rateLimiter = limitsFor(store.db, clock)
  const deps = {
    store,
    clock,
    config,
    rateLimiter,
    apiKeys: new ApiKeyCache(store, clock),
  } as unknown as RouteDeps

  const now = clock.now()
  const projectId = `bench-${randomBytes(4).toString('hex')}`
  await store.projects.create({ id: projectId, name: 'Bench', secret: 'x'.repeat(43), now })
  const { key, hash, prefix } = newApiKey()
  await store.apiKeys.create({
    projectId,
    name: 'bench',
    scopes: ['read'],
    keyHash: hash,
    prefix,
    createdBy: 'admin-token',
    now,
  })
  const member = await store.members.create({
    id: `m_${randomBytes(6).toString('hex')}`,
    email: `bench-${randomBytes(4).toString('hex')}@example.com`,
    name: 'Bench',
    role: 'viewer',
    passwordHash: 'not-a-real-hash',
    now,
  })
  const sessionId = newSecretCode()
  await store.sessions.create({ idHash: hashSecretCode(sessionId), memberId: member.id, now })

  const path = `/v1/admin/projects/${projectId}/backlog`
  const app = new Hono<AppEnv>()
  app.use(
    '/v1/admin/*',
    requireTeamAccess(deps, requireAdmin(adminToken, rateLimiter, 1_000_000)),
    enforceRolePermissions(),
  )
  app.get('/v1/admin/projects/:id/backlog', (c) => c.text('ok'))
  app.get('/baseline/projects/:id/backlog', (c) => c.text('ok'))

  const calls: Record<Mode, () => Response | Promise<Response>> = {
    none: () => app.request(`/baseline/projects/${projectId}/backlog`),
    'api key': () => app.request(path, { headers: { Authorization: `Bearer ${key}` } }),
    'session cookie': () =>
      app.request(path, { headers: { Cookie: `reqio_session=${sessionId}` } }),
    'admin token': () => app.request(path, { headers: { Authorization: `Bearer ${adminToken}` } }),
  }
  for (const mode of MODES) {
    const res = await calls[mode]()
    if (res.status !== 200) throw new Error(`${mode} answered ${res.status}: ${await res.text()}`)
  }

  const rounds: Record<Mode, number[]> = {
    none: [],
    'api key': [],
    'session cookie': [],
    'admin token': [],
  }
  for (const mode of MODES) for (let i = 0; i < WARM_UP; i++) await calls[mode]()
  // Modes alternate within each round, so a busy moment on the machine hits them all.
  for (let round = 0; round < ROUNDS; round++) {
    for (const mode of MODES) {
      const started = process.hrtime.bigint()
      for (let i = 0; i < CALLS_PER_ROUND; i++) await calls[mode]()
      rounds[mode].push(Number(process.hrtime.bigint() - started) / 1e3 / CALLS_PER_ROUND)
    }
  }
  rateLimiter.close()
  return {
    engine,
    microsPerCall: {
      none: median(rounds.none),
      'api key': median(rounds['api key']),
      'session cookie': median(rounds['session cookie']),
      'admin token': median(rounds['admin token']),
    },
  }
}

export async function benchApiKeyAuth(): Promise<void> {
  const results = await onEachEngine('api_key_auth', measureEngine)
  console.log(
    `\n## Admin authentication per request: the /v1/admin/* stack before a handler that does nothing, app.request() in process, median of ${ROUNDS} rounds of ${CALLS_PER_ROUND} sequential calls (goal for an API key: < ${GOAL_MS} ms over no check)`,
  )
  console.table(
    results.flatMap(({ engine, microsPerCall }) =>
      MODES.map((mode) => ({
        engine,
        credential: mode,
        'µs per call': Number(microsPerCall[mode].toFixed(1)),
        'overhead over none (ms)': Number(
          ((microsPerCall[mode] - microsPerCall.none) / 1000).toFixed(4),
        ),
      })),
    ),
  )
  for (const { engine, microsPerCall } of results) {
    const overheadMs = (microsPerCall['api key'] - microsPerCall.none) / 1000
    console.log(
      `${engine}: API key overhead ${overheadMs.toFixed(4)} ms per request (${overheadMs < GOAL_MS ? 'under' : 'OVER'} the ${GOAL_MS} ms goal); session cookie ${((microsPerCall['session cookie'] - microsPerCall.none) / 1000).toFixed(4)} ms`,
    )
  }
}

// `tsx test/bench/api-key-auth.ts` runs this one alone.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await benchApiKeyAuth()
