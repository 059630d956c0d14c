// Every store or server bench measures the embedded database on disk, then PostgreSQL when
// DATABASE_URL names one: each in a throwaway data dir or schema that is gone afterwards.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openStore, type Store } from '../../src/server/store'
import { startTestServer, type TestServer, type TestServerOptions } from '../helpers/start-server'

export const EMBEDDED_LABEL = 'embedded (PGlite, on disk)'
export const POSTGRES_LABEL = 'PostgreSQL (DATABASE_URL)'

/** Runs `measure` on each engine in turn and answers what it answered, embedded first. */
export async function onEachEngine<T>(
  name: string,
  measure: (label: string, store: Store) => Promise<T>,
  options: { statementTimeoutMs?: number } = {},
): Promise<T[]> {
  const results: T[] = []
  const dataDir = mkdtempSync(join(tmpdir(), `reqio-bench-${name}-`))
  const embedded = await openStore({ dataDir })
  try {
    results.push(await measure(EMBEDDED_LABEL, embedded))
  } finally {
    await embedded.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
  if (process.env.DATABASE_URL) {
    const pg = await openStore({
      databaseUrl: process.env.DATABASE_URL,
      pgSchema: `bench_${name}_${process.pid}`,
      dropSchemaOnClose: true,
      ...options,
    })
    try {
      results.push(await measure(POSTGRES_LABEL, pg))
    } finally {
      await pg.close()
    }
  }
  return results
}

/**
 * onEachEngine for a whole server on 127.0.0.1 (startTestServer, not the demo): `options` go
 * to both (limits, a clock); answers what `measure` answered, embedded first.
 */
export async function onEachServer<T>(
  name: string,
  measure: (label: string, server: TestServer) => Promise<T>,
  options: Omit<TestServerOptions, 'dataDir' | 'databaseUrl' | 'pgSchema' | 'dropSchema'> = {},
): Promise<T[]> {
  const results: T[] = []
  const dataDir = mkdtempSync(join(tmpdir(), `reqio-bench-${name}-`))
  const embedded = await startTestServer({ demo: false, ...options, dataDir })
  try {
    results.push(await measure(EMBEDDED_LABEL, embedded))
  } finally {
    await embedded.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
  const databaseUrl = process.env.DATABASE_URL
  if (databaseUrl) {
    const pg = await startTestServer({
      demo: false,
      ...options,
      databaseUrl,
      pgSchema: `bench_${name}_${process.pid}`,
      dropSchema: true,
    })
    try {
      results.push(await measure(POSTGRES_LABEL, pg))
    } finally {
      await pg.close()
    }
  }
  return results
}
