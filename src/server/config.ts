import { resolve } from 'node:path'
import proxyaddr from 'proxy-addr'
import { DEFAULT_AUDIENCE_BASE } from '../shared/identity'
import { type LogSettings, readLogSettings } from './logging/log-settings'
import { DEFAULT_POOL_MAX, DEFAULT_STATEMENT_TIMEOUT_MS } from './store/pg-defaults'

/** Everything the server reads from its environment, read once at start (spec/api.md "Running it"). */
export interface ServerConfig {
  host: string
  port: number
  /** Embedded database directory and where a generated admin token is kept. */
  dataDir: string
  /** When set, PostgreSQL instead of the embedded database. */
  databaseUrl: string | null
  /** DATABASE_POOL_MAX: PostgreSQL connections per process (plus one for LISTEN). */
  databasePoolMax: number
  /** REQIO_DB_CONNECT_TIMEOUT_SECONDS: how long a start waits for PostgreSQL to accept connections. */
  databaseConnectTimeoutSeconds: number
  /** REQIO_DB_STATEMENT_TIMEOUT_MS: PostgreSQL's statement_timeout per connection; 0: none. */
  databaseStatementTimeoutMs: number
  audienceBase: string
  /** From REQIO_ADMIN_TOKEN; null means "generate one on first start". */
  adminToken: string | null
  demo: boolean
  /** Writes per minute per person (voter key), REQIO_RATE_LIMIT_PER_MINUTE. */
  rateLimitPerMinute: number
  /**
   * REQIO_PUBLIC_URL: where people reach this server (e.g. https://feedback.example.com). Its
   * origin is the one cookie-authenticated writes must come from, invite links and the links in
   * emails point to it;
   * https: makes the session cookie Secure. null: the scheme and Host of each request.
   */
  publicUrl: string | null
  /** Writes per minute per client IP (IPv6: /64), whatever id or token they carry. */
  ipWritesPerMinute: number
  /** Public reads per minute per client IP (IPv6: /64). */
  ipReadsPerMinute: number
  /** Distinct anonymous ids that may vote or submit per project, per IP, per hour. */
  anonVotersPerIpPerHour: number
  /** New requests per project per client IP (IPv6: /64) per hour, whoever posts them. */
  newRequestsPerIpPerProjectPerHour: number
  /** Wrong admin tokens and passwords per IP or email per 15 minutes before 429. */
  authFailuresPer15Minutes: number
  /** Public comments one person may post on one request per hour. */
  commentsPerPersonPerRequestPerHour: number
  /** Public comments one request may receive per hour, from everyone together. */
  commentsPerRequestPerHour: number
  /** REQIO_UPLOADS_PER_IP_PER_HOUR: public image uploads per client network per hour. */
  uploadsPerIpPerHour: number
  /** REQIO_UPLOADS_PER_PERSON_PER_HOUR: public image uploads per person and project per hour. */
  uploadsPerPersonPerHour: number
  /** REQIO_API_KEY_REQUESTS_PER_MINUTE: admin API calls per project API key per minute. */
  apiKeyRequestsPerMinute: number
  /** Directory holding widget.js and dashboard/ (vite's outDir). */
  distDir: string
  /** Directory holding the demo page index.html. */
  publicRoot: string
  /** REQIO_SMTP_URL (smtp://user:pass@host:port or smtps://…); null: no email is sent. */
  smtpUrl: string | null
  /** REQIO_MAIL_FROM: the From of notification emails. */
  mailFrom: string
  /** REQIO_MAIL_COALESCE_SECONDS: one email per person for the events within this window. */
  mailCoalesceSeconds: number
  /** REQIO_MAIL_RETRY_SECONDS (e.g. `1,2,4`): the wait after each failed SMTP attempt. */
  mailRetrySeconds: number[] | null
  /** REQIO_WEBHOOK_RETRY_SECONDS (e.g. `1,2,4`): the wait after each failed delivery. */
  webhookRetrySeconds: number[] | null
  /** REQIO_WEBHOOK_ALLOW_PRIVATE=1: webhooks may target private, loopback and link-local addresses. */
  webhookAllowPrivate: boolean
  /** REQIO_GITHUB_API_URL: GitHub's REST API (GitHub Enterprise: https://HOST/api/v3), no trailing slash. */
  githubApiUrl: string
  /** REQIO_LINEAR_API_URL: Linear's GraphQL endpoint itself (a proxy, or a test's fake Linear). */
  linearApiUrl: string
  /** REQIO_TRUST_PROXY: which peers may set the client address (http/client-address.ts). */
  trustProxy: TrustProxy
  /** REQIO_METRICS_TOKEN: the bearer token of GET /metrics; null: no /metrics (404). */
  metricsToken: string | null
  /** LOG_LEVEL and LOG_FORMAT, checked here so a typo stops the start with a clear message. */
  log: LogSettings
}

/** null: trust nobody; a number: that many hops from the socket in; else addresses, CIDRs and proxy-addr's names. */
export type TrustProxy = null | number | string[]

/** A generated token is 43 characters; a shorter chosen one is too easy to guess. */
export const ADMIN_TOKEN_MIN_LENGTH = 32

const projectRoot = resolve(import.meta.dirname, '../..')

/** Reads and checks the environment; throws an Error whose message says what to change. */
export function readServerConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const host = env.HOST || '127.0.0.1'
  const publicUrl = parsePublicUrl(env.REQIO_PUBLIC_URL)
  return {
    host,
    port: parsePort(env.PORT),
    dataDir: resolve(env.REQIO_DATA_DIR || '.reqio'),
    databaseUrl: env.DATABASE_URL || null,
    databasePoolMax: positiveInt(env, 'DATABASE_POOL_MAX', DEFAULT_POOL_MAX),
    databaseConnectTimeoutSeconds: wholeNumber(env, 'REQIO_DB_CONNECT_TIMEOUT_SECONDS', 60),
    databaseStatementTimeoutMs: wholeNumber(
      env,
      'REQIO_DB_STATEMENT_TIMEOUT_MS',
      DEFAULT_STATEMENT_TIMEOUT_MS,
    ),
    audienceBase: (env.REQIO_AUDIENCE_BASE || DEFAULT_AUDIENCE_BASE).replace(/\/+$/, ''),
    adminToken: readAdminToken(env.REQIO_ADMIN_TOKEN),
    demo: readDemo(env.REQIO_DEMO, host, publicUrl),
    rateLimitPerMinute: positiveInt(env, 'REQIO_RATE_LIMIT_PER_MINUTE', 120),
    ipWritesPerMinute: positiveInt(env, 'REQIO_IP_WRITES_PER_MINUTE', 600),
    ipReadsPerMinute: positiveInt(env, 'REQIO_IP_READS_PER_MINUTE', 600),
    anonVotersPerIpPerHour: positiveInt(env, 'REQIO_ANON_VOTERS_PER_IP_PER_HOUR', 20),
    newRequestsPerIpPerProjectPerHour: positiveInt(
      env,
      'REQIO_NEW_REQUESTS_PER_IP_PER_PROJECT_PER_HOUR',
      60,
    ),
    authFailuresPer15Minutes: positiveInt(env, 'REQIO_AUTH_FAILURES_PER_15_MINUTES', 10),
    publicUrl,
    commentsPerPersonPerRequestPerHour: positiveInt(
      env,
      'REQIO_COMMENTS_PER_PERSON_PER_REQUEST_PER_HOUR',
      30,
    ),
    commentsPerRequestPerHour: positiveInt(env, 'REQIO_COMMENTS_PER_REQUEST_PER_HOUR', 300),
    uploadsPerIpPerHour: positiveInt(env, 'REQIO_UPLOADS_PER_IP_PER_HOUR', 60),
    uploadsPerPersonPerHour: positiveInt(env, 'REQIO_UPLOADS_PER_PERSON_PER_HOUR', 30),
    apiKeyRequestsPerMinute: positiveInt(env, 'REQIO_API_KEY_REQUESTS_PER_MINUTE', 600),
    distDir: resolve(projectRoot, 'dist'),
    publicRoot: projectRoot,
    smtpUrl: env.REQIO_SMTP_URL || null,
    mailFrom: env.REQIO_MAIL_FROM || 'Reqio <reqio@localhost>',
    mailCoalesceSeconds: parseNonNegativeInt(env.REQIO_MAIL_COALESCE_SECONDS, 60),
    mailRetrySeconds: parseSecondsList(env.REQIO_MAIL_RETRY_SECONDS),
    webhookRetrySeconds: parseSecondsList(env.REQIO_WEBHOOK_RETRY_SECONDS),
    webhookAllowPrivate: env.REQIO_WEBHOOK_ALLOW_PRIVATE === '1',
    githubApiUrl: parseApiUrl(env, 'REQIO_GITHUB_API_URL', 'https://api.github.com'),
    linearApiUrl: parseApiUrl(env, 'REQIO_LINEAR_API_URL', 'https://api.linear.app/graphql'),
    trustProxy: parseTrustProxy(env.REQIO_TRUST_PROXY),
    metricsToken: env.REQIO_METRICS_TOKEN || null,
    log: readLogSettings(env),
  }
}

function readAdminToken(value: string | undefined): string | null {
  if (!value) return null
  if (value.length < ADMIN_TOKEN_MIN_LENGTH) {
    throw new Error(
      `REQIO_ADMIN_TOKEN must be at least ${ADMIN_TOKEN_MIN_LENGTH} characters (it has ${value.length}); ` +
        'use a long random one, e.g. `openssl rand -base64 32`, or unset it to have one generated.',
    )
  }
  return value
}

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host)
}

/**
 * Demo mode hands out identity tokens to anyone who asks, so it is only on by default when
 * nobody else can reach the server; on any other HOST it must be asked for with REQIO_DEMO=1.
 * A loopback HOST is also what a reverse proxy on the same machine fronts: a REQIO_PUBLIC_URL
 * naming another host says the world reaches it that way, so demo mode stays off there.
 */
function readDemo(value: string | undefined, host: string, publicUrl: string | null): boolean {
  if (value === '0') return false
  if (value === '1') return true
  if (publicUrl !== null && !isLoopbackHost(new URL(publicUrl).hostname.replace(/^\[|\]$/g, '')))
    return false
  if (isLoopbackHost(host)) return true
  throw new Error(
    `HOST=${host} can be reached from other machines, and demo mode (POST /demo/token mints ` +
      'identity tokens for anyone) is on by default: set REQIO_DEMO=0 for a real install, or ' +
      'REQIO_DEMO=1 to serve the demo there anyway.',
  )
}

/** An outside API's base URL (http or https), without its trailing slashes. */
function parseApiUrl(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const value = env[name]
  if (!value) return fallback
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new Error(`${name} must be a URL, got ${value}`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(`${name} must start with https:// or http://, got ${value}`)
  return value.replace(/\/+$/, '')
}

function parsePort(value: string | undefined): number {
  if (!value) return 8787
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT is not a port: ${value}`)
  return port
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = env[name]
  if (!value) return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n <= 0)
    throw new Error(`${name} must be a positive integer, got ${value}`)
  return n
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = env[name]
  if (!value) return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`${name} must be a whole number ≥ 0, got ${value}`)
  return n
}

function parsePublicUrl(value: string | undefined): string | null {
  if (!value) return null
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new Error(`REQIO_PUBLIC_URL is not a URL: ${value}`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(`REQIO_PUBLIC_URL must start with https: or http:, got ${value}`)
  return url.href.replace(/\/+$/, '')
}

function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = value?.trim()
  if (!text) return null
  if (/^\d+$/.test(text)) return Number(text)
  const entries = text.split(',').map((entry) => entry.trim())
  try {
    proxyaddr.compile(entries)
  } catch (error) {
    throw new Error(
      `REQIO_TRUST_PROXY=${text} is not understood (${error instanceof Error ? error.message : error}): ` +
        'write loopback, linklocal, uniquelocal, addresses or CIDRs separated by commas ' +
        '(e.g. loopback,10.0.0.0/8), or the number of proxies in front of Reqio (e.g. 1).',
    )
  }
  return entries
}

function parseNonNegativeInt(value: string | undefined, fallback: number): number {
  if (!value) return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) throw new Error(`expected a whole number ≥ 0, got ${value}`)
  return n
}

/** `5,300,1800`: seconds to wait after each failed attempt; null when unset. */
function parseSecondsList(value: string | undefined): number[] | null {
  if (!value) return null
  const list = value.split(',').map((part) => Number(part.trim()))
  if (list.some((n) => !Number.isFinite(n) || n < 0))
    throw new Error(`expected comma-separated seconds, got ${value}`)
  return list
}
