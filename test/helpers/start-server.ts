/**
 * Runs the real Reqio server for a test: real HTTP on 127.0.0.1, port 0, a fresh database.
 *
 *   const server = await startTestServer()
 *   const { project, secret } = await server.createProject('Acme')
 *   const res = await fetch(`${server.url}/v1/projects/${project.id}/requests`)
 *   await server.close()
 *
 * Storage: a fresh in-memory embedded database, or, with `databaseUrl`, a fresh database on that
 * PostgreSQL, dropped on close; both copied from the run's migrated templates (test-store.ts).
 */
import { randomBytes } from 'node:crypto'
import { createApp } from '../../src/server/app'
import { type Clock, systemClock } from '../../src/server/clock'
import { readServerConfig, type ServerConfig } from '../../src/server/config'
import { seedDemoProject } from '../../src/server/demo'
import { createNotifications, type Notifications } from '../../src/server/jobs'
import { inProcessLimits } from '../../src/server/limits/limits'
import { listen } from '../../src/server/listen'
import { type Logger, silentLogger } from '../../src/server/logger'
import type { Store } from '../../src/server/store'
import type { CreatedProjectResponse } from '../../src/shared/api'
import { openTestStore } from './test-store'

export interface TestServerOptions {
  /** Defaults to the system clock; pass frozenClock() from src/server/clock for time tests. */
  clock?: Clock
  /** Seed the `demo` project and mount POST /demo/token (default true, as `npm start`). */
  demo?: boolean
  /** Use this PostgreSQL (a throwaway database) instead of the embedded database. */
  databaseUrl?: string
  /** Keep the embedded database in this directory instead of in memory. */
  dataDir?: string
  /** With databaseUrl: use this schema, kept on close unless dropSchema (restart tests reopen it). */
  pgSchema?: string
  dropSchema?: boolean
  /** Writes per minute per person (default 10,000 so tests are not throttled). */
  rateLimitPerMinute?: number
  /** Writes per minute per IP (default 100,000: every test calls from 127.0.0.1). */
  ipWritesPerMinute?: number
  /** Public reads per minute per IP (default 100,000). */
  ipReadsPerMinute?: number
  /** Distinct anonymous ids voting or submitting per project, IP and hour (default 100,000). */
  anonVotersPerIpPerHour?: number
  /** New requests per project, IP and hour (default 100,000: every test calls from 127.0.0.1). */
  newRequestsPerIpPerProjectPerHour?: number
  /** REQIO_COMMENTS_PER_PERSON_PER_REQUEST_PER_HOUR (default 100,000). */
  commentsPerPersonPerRequestPerHour?: number
  /** REQIO_COMMENTS_PER_REQUEST_PER_HOUR (default 100,000). */
  commentsPerRequestPerHour?: number
  /** REQIO_UPLOADS_PER_IP_PER_HOUR (default 100,000). */
  uploadsPerIpPerHour?: number
  /** REQIO_UPLOADS_PER_PERSON_PER_HOUR (default 100,000). */
  uploadsPerPersonPerHour?: number
  /** The HTTP server's requestTimeout (default: the production value). */
  requestTimeoutMs?: number
  audienceBase?: string
  /** Where widget.js and dashboard/ are read from (default: the repo's dist/). */
  distDir?: string
  logger?: Logger
  /** REQIO_PUBLIC_URL (default unset: the request's own scheme and Host). */
  publicUrl?: string
  /** `memory` keeps the rate limits in this process even on PostgreSQL (benchmarks compare the two). */
  limits?: 'memory'
  /** REQIO_TRUST_PROXY, parsed (default unset: trust nobody). */
  trustProxy?: ServerConfig['trustProxy']
  /** REQIO_METRICS_TOKEN (default unset: no /metrics). */
  metricsToken?: string
  /** REQIO_AUTH_FAILURES_PER_15_MINUTES (default 1,000, so tests sending wrong tokens on purpose are not throttled). */
  authFailuresPer15Minutes?: number
  /** REQIO_API_KEY_REQUESTS_PER_MINUTE (default 10,000 so tests are not throttled). */
  apiKeyRequestsPerMinute?: number
  /**
   * The job queue: `auto` runs it in the background as `npm start` does; `manual` (default)
   * leaves it to the test, which calls `server.jobs.drain()` (deterministic with frozen clocks).
   */
  jobs?: 'auto' | 'manual'
  /** Config overrides for email, webhooks and trackers (REQIO_SMTP_URL, retry schedules, REQIO_GITHUB_API_URL…). */
  notify?: Partial<
    Pick<
      ServerConfig,
      | 'smtpUrl'
      | 'mailFrom'
      | 'publicUrl'
      | 'mailCoalesceSeconds'
      | 'mailRetrySeconds'
      | 'webhookRetrySeconds'
      | 'webhookAllowPrivate'
      | 'githubApiUrl'
      | 'linearApiUrl'
    >
  >
}

export interface TestServer {
  /** e.g. http://127.0.0.1:41234, no trailing slash. */
  url: string
  port: number
  adminToken: string
  /** The store behind the server, for assertions on what was written. */
  store: Store
  /** Creates a project through the admin API; answers its id, audience and secret. */
  createProject(name?: string): Promise<CreatedProjectResponse>
  /** fetch() on the server with the admin token set. */
  adminFetch(path: string, init?: RequestInit): Promise<Response>
  /** The job queue and mail transport behind the server. */
  notifications: Notifications
  /** Runs every due job now (what they queue too, when due). */
  drainJobs(): Promise<void>
  /** Drains HTTP, then closes the database. */
  close(): Promise<void>
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const clock = options.clock ?? systemClock
  const adminToken = `test-admin-${randomBytes(12).toString('hex')}`
  const store = await openTestStore(options)
  const demo = options.demo ?? true
  if (demo) await seedDemoProject(store, clock)
  const base = readServerConfig({})
  const logger = options.logger ?? silentLogger
  const config = {
    ...base,
    port: 0,
    demo,
    adminToken,
    rateLimitPerMinute: options.rateLimitPerMinute ?? 10_000,
    ipWritesPerMinute: options.ipWritesPerMinute ?? 100_000,
    ipReadsPerMinute: options.ipReadsPerMinute ?? 100_000,
    anonVotersPerIpPerHour: options.anonVotersPerIpPerHour ?? 100_000,
    newRequestsPerIpPerProjectPerHour: options.newRequestsPerIpPerProjectPerHour ?? 100_000,
    commentsPerPersonPerRequestPerHour: options.commentsPerPersonPerRequestPerHour ?? 100_000,
    commentsPerRequestPerHour: options.commentsPerRequestPerHour ?? 100_000,
    uploadsPerIpPerHour: options.uploadsPerIpPerHour ?? 100_000,
    uploadsPerPersonPerHour: options.uploadsPerPersonPerHour ?? 100_000,
    audienceBase: options.audienceBase ?? base.audienceBase,
    distDir: options.distDir ?? base.distDir,
    publicUrl: options.publicUrl ?? null,
    authFailuresPer15Minutes: options.authFailuresPer15Minutes ?? 1_000,
    apiKeyRequestsPerMinute: options.apiKeyRequestsPerMinute ?? 10_000,
    trustProxy: options.trustProxy ?? null,
    webhookAllowPrivate: true,
    metricsToken: options.metricsToken ?? null,
    ...options.notify,
  }
  const notifications = createNotifications({
    store,
    clock,
    logger,
    config: { ...config, publicUrl: config.publicUrl ?? 'http://reqio.test' },
  })
  const limits = options.limits === 'memory' ? inProcessLimits(clock) : undefined
  const app = createApp({ store, clock, logger, config, notifications, limits })
  const running = await listen(
    app,
    '127.0.0.1',
    0,
    options.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: options.requestTimeoutMs },
  )
  const url = `http://127.0.0.1:${running.port}`
  if (options.jobs === 'auto') notifications.runner.start()
  const adminFetch = (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers)
    headers.set('Authorization', `Bearer ${adminToken}`)
    if (init.body !== undefined && !headers.has('Content-Type'))
      headers.set('Content-Type', 'application/json')
    return fetchOnce(`${url}${path}`, { ...init, headers })
  }
  return {
    url,
    port: running.port,
    adminToken,
    store,
    adminFetch,
    async createProject(name = 'Test project') {
      const res = await adminFetch('/v1/admin/projects', {
        method: 'POST',
        body: JSON.stringify({ name }),
      })
      if (res.status !== 201)
        throw new Error(`createProject answered ${res.status}: ${await res.text()}`)
      return (await res.json()) as CreatedProjectResponse
    },
    notifications,
    drainJobs: () => notifications.runner.drain(),
    async close() {
      await running.drain(2_000)
      await notifications.close()
      await store.close()
    },
  }
}

/**
 * fetch, asked once more when a GET meets a reset connection. The server runs in this very
 * process, so a test that blocks the event loop for seconds (seeding 10,000 requests, building a
 * large export) can reuse a kept-alive socket just as the server closes it as idle: browsers ask
 * again in that case, and a read is safe to repeat. Writes are never repeated.
 */
async function fetchOnce(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init)
  } catch (error) {
    const method = (init.method ?? 'GET').toUpperCase()
    const code = (error as { cause?: { code?: string } }).cause?.code
    if (method !== 'GET' || (code !== 'ECONNRESET' && code !== 'UND_ERR_SOCKET')) throw error
    return fetch(url, init)
  }
}
