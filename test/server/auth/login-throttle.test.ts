import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../../src/server/app'
import { InMemoryAuthFailureLimiter } from '../../../src/server/auth/login-throttle'
import { frozenClock } from '../../../src/server/clock'
import { readServerConfig } from '../../../src/server/config'
import { silentLogger } from '../../../src/server/logger'
import type { Store } from '../../../src/server/store'
import { truncateAllTables } from '../../../src/server/store/reset'
import { TEST_PASSWORD } from '../../helpers/team'
import { openTestStore } from '../../helpers/test-store'

const clock = frozenClock(Date.parse('2026-03-02T09:00:00Z'))
const adminToken = 'throttle-test-admin-token'
let store: Store
let app: ReturnType<typeof createApp>

beforeAll(async () => {
  store = await openTestStore()
})
afterAll(() => store.close())

/** A fresh app (fresh counters) with a limit of 3, and an owner whose password is known. */
async function freshApp() {
  await truncateAllTables(store.db)
  app = createApp({
    store,
    clock,
    logger: silentLogger,
    config: { ...readServerConfig({}), adminToken, demo: false, authFailuresPer15Minutes: 3 },
  })
  const res = await post('/v1/auth/setup', '10.0.0.99', {
    adminToken,
    email: 'olive@example.com',
    name: 'Olive',
    password: TEST_PASSWORD,
  })
  expect(res.status).toBe(201)
}

/** app.request with a chosen client IP, the way @hono/node-server hands it over. */
function post(path: string, ip: string, body: unknown) {
  return app.request(
    path,
    { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) },
    { incoming: { socket: { remoteAddress: ip } } },
  )
}
const login = (ip: string, email: string, password: string) =>
  post('/v1/auth/login', ip, { email, password })

describe('login throttling', () => {
  it('answers an unknown email exactly like a wrong password', async () => {
    await freshApp()
    const unknown = await login('10.0.0.1', 'nobody@example.com', 'whatever password')
    const wrong = await login('10.0.0.2', 'olive@example.com', 'whatever password')
    expect(unknown.status).toBe(401)
    expect(wrong.status).toBe(401)
    expect(await unknown.text()).toBe(await wrong.text())
  })

  it('blocks an email after more failures than the limit, even with the right password, from any IP', async () => {
    await freshApp()
    for (let i = 1; i <= 3; i += 1)
      expect((await login(`10.0.1.${i}`, 'olive@example.com', 'wrong password')).status).toBe(401)
    // The fourth failure is past the limit of 3.
    expect((await login('10.0.1.4', 'olive@example.com', 'wrong password')).status).toBe(429)
    const right = await login('10.0.1.5', 'olive@example.com', TEST_PASSWORD)
    expect(right.status).toBe(429)
    expect(((await right.json()) as { error: { code: string } }).error.code).toBe('rate_limited')
    expect(Number(right.headers.get('Retry-After'))).toBeGreaterThan(0)

    clock.advance(15 * 60_000 + 1000)
    expect((await login('10.0.1.6', 'olive@example.com', TEST_PASSWORD)).status).toBe(200)
  })

  it('blocks an IP trying many emails, and only that IP', async () => {
    await freshApp()
    for (let i = 1; i <= 4; i += 1)
      await login('10.0.2.1', `guess${i}@example.com`, 'wrong password')
    expect((await login('10.0.2.1', 'olive@example.com', TEST_PASSWORD)).status).toBe(429)
    expect((await login('10.0.2.2', 'olive@example.com', TEST_PASSWORD)).status).toBe(200)
  })

  it('throttles wrong admin tokens on the owner setup the same way', async () => {
    await truncateAllTables(store.db)
    app = createApp({
      store,
      clock,
      logger: silentLogger,
      config: { ...readServerConfig({}), adminToken, demo: false, authFailuresPer15Minutes: 2 },
    })
    const setup = (token: string) =>
      post('/v1/auth/setup', '10.0.3.1', {
        adminToken: token,
        email: 'o@example.com',
        name: 'O',
        password: TEST_PASSWORD,
      })
    expect((await setup('guess-1')).status).toBe(401)
    expect((await setup('guess-2')).status).toBe(401)
    expect((await setup('guess-3')).status).toBe(429)
    expect((await setup(adminToken)).status).toBe(429)
  })
})

describe('the in-memory failure limiter', () => {
  it('forgets failures as they leave the 15-minute window', async () => {
    const limiterClock = frozenClock(0)
    const limiter = new InMemoryAuthFailureLimiter(2, limiterClock)
    await limiter.recordFailure('k')
    limiterClock.advance(5 * 60_000)
    await limiter.recordFailure('k')
    await limiter.recordFailure('k')
    expect(await limiter.retryAfterSeconds('k')).toBe(10 * 60)
    limiterClock.advance(10 * 60_000 + 1)
    expect(await limiter.retryAfterSeconds('k')).toBe(0)
  })

  it('stays bounded in memory with many keys', async () => {
    const limiter = new InMemoryAuthFailureLimiter(1, frozenClock(0), 60_000, 100)
    for (let i = 0; i < 1000; i += 1) await limiter.recordFailure(`k${i}`)
    expect((limiter as unknown as { failures: Map<string, number[]> }).failures.size).toBe(100)
  })
})
