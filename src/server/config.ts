import { resolve } from 'node:path'
import { DEFAULT_AUDIENCE_BASE } from '../shared/identity'

/** Everything the server reads from its environment, read once at start (spec/api.md "Running it"). */
export interface ServerConfig {
  host: string
  port: number
  /** Embedded database directory and where a generated admin token is kept. */
  dataDir: string
  /** When set, PostgreSQL instead of the embedded database. */
  databaseUrl: string | null
  audienceBase: string
  /** From REQIO_ADMIN_TOKEN; null means "generate one on first start". */
  adminToken: string | null
  demo: boolean
  /** Writes per minute per IP-and-person (token bucket, per process). */
  rateLimitPerMinute: number
  /** Directory holding widget.js and dashboard/ (vite's outDir). */
  distDir: string
  /** Directory holding the demo page index.html. */
  publicRoot: string
  /** REQIO_SMTP_URL (smtp://user:pass@host:port or smtps://…); null: no email is sent. */
  smtpUrl: string | null
  /** REQIO_MAIL_FROM: the From of notification emails. */
  mailFrom: string
  /** REQIO_PUBLIC_URL: the base of links in emails; null means the address the server listens on. */
  publicUrl: string | null
  /** REQIO_MAIL_COALESCE_SECONDS: one email per person for the events within this window. */
  mailCoalesceSeconds: number
  /** REQIO_MAIL_RETRY_SECONDS (e.g. `1,2,4`): the wait after each failed SMTP attempt. */
  mailRetrySeconds: number[] | null
  /** REQIO_WEBHOOK_RETRY_SECONDS (e.g. `1,2,4`): the wait after each failed delivery. */
  webhookRetrySeconds: number[] | null
  /** REQIO_WEBHOOK_ALLOW_PRIVATE=1: webhooks may target private, loopback and link-local addresses. */
  webhookAllowPrivate: boolean
}

const projectRoot = resolve(import.meta.dirname, '../..')

export function readServerConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    host: env.HOST || '127.0.0.1',
    port: parsePort(env.PORT),
    dataDir: resolve(env.REQIO_DATA_DIR || '.reqio'),
    databaseUrl: env.DATABASE_URL || null,
    audienceBase: (env.REQIO_AUDIENCE_BASE || DEFAULT_AUDIENCE_BASE).replace(/\/+$/, ''),
    adminToken: env.REQIO_ADMIN_TOKEN || null,
    demo: env.REQIO_DEMO !== '0',
    rateLimitPerMinute: parsePositiveInt(env.REQIO_RATE_LIMIT_PER_MINUTE, 120),
    distDir: resolve(projectRoot, 'dist'),
    publicRoot: projectRoot,
    smtpUrl: env.REQIO_SMTP_URL || null,
    mailFrom: env.REQIO_MAIL_FROM || 'Reqio <reqio@localhost>',
    publicUrl: env.REQIO_PUBLIC_URL ? env.REQIO_PUBLIC_URL.replace(/\/+$/, '') : null,
    mailCoalesceSeconds: parseNonNegativeInt(env.REQIO_MAIL_COALESCE_SECONDS, 60),
    mailRetrySeconds: parseSecondsList(env.REQIO_MAIL_RETRY_SECONDS),
    webhookRetrySeconds: parseSecondsList(env.REQIO_WEBHOOK_RETRY_SECONDS),
    webhookAllowPrivate: env.REQIO_WEBHOOK_ALLOW_PRIVATE === '1',
  }
}

function parsePort(value: string | undefined): number {
  if (!value) return 8787
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT is not a port: ${value}`)
  return port
}

function parsePositiveInt(value: string | undefined, fallback: number): number {
  if (!value) return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n <= 0) throw new Error(`expected a positive integer, got ${value}`)
  return n
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
