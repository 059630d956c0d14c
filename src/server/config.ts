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
  /**
   * REQIO_PUBLIC_URL: where people reach this server (e.g. https://feedback.example.com). Its
   * origin is the one cookie-authenticated writes must come from and invite links point to;
   * https: makes the session cookie Secure. null: the scheme and Host of each request.
   */
  publicUrl: string | null
  /** Wrong passwords (or setup admin tokens) per email or IP in 15 minutes before 429. */
  authFailuresPer15Minutes: number
  /** Directory holding widget.js and dashboard/ (vite's outDir). */
  distDir: string
  /** Directory holding the demo page index.html. */
  publicRoot: string
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
    publicUrl: parsePublicUrl(env.REQIO_PUBLIC_URL),
    authFailuresPer15Minutes: parsePositiveInt(env.REQIO_AUTH_FAILURES_PER_15_MINUTES, 10),
    distDir: resolve(projectRoot, 'dist'),
    publicRoot: projectRoot,
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
