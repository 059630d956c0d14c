/**
 * A throwaway PostgreSQL database on the server DATABASE_URL names, for tests that run whole
 * server processes (which use the database's default schema, not a per-test one).
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'

export interface ThrowawayDatabase {
  url: string
  drop(): Promise<void>
}

export async function createThrowawayDatabase(serverUrl: string): Promise<ThrowawayDatabase> {
  const name = `reqio_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl })
      await client.connect()
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await client.end()
    },
  }
}
