/**
 * Migrated databases to copy from. Running the 17 migrations costs ~2 s per embedded database
 * and ~1.5 s per PostgreSQL schema; the test run migrates one template of each once
 * (test/helpers/database-templates.global.ts) and every test store starts as a copy of it
 * (test-store.ts). The copy's open still runs migrate(), which must find nothing to do.
 *
 * Templates are named by a fingerprint of the migrations and the PGlite version, so a changed
 * migration never opens from a stale template; the ones already made are reused across runs.
 */
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { openStore } from '../../src/server/store'
import { loadMigrations, migrate } from '../../src/server/store/migrate'
import { pgliteOptions, wrapPglite } from '../../src/server/store/pglite-db'

export {
  EMBEDDED_TEMPLATE_ENV,
  EMPTY_EMBEDDED_TEMPLATE_ENV,
  POSTGRES_TEMPLATE_ENV,
} from './template-env'
/**
 * The schema the PostgreSQL template is migrated into: copies use it, so the tests keep
 * running on a named schema (search_path, current_schema()) as they did with one per file.
 */
export const TEMPLATE_SCHEMA = 'reqio_test'

const REPO_ROOT = resolve(import.meta.dirname, '../..')

function fingerprint(): string {
  const hash = createHash('sha256')
  // package.json is not among PGlite's exports: read the installed one by path.
  const pglitePackage = join(REPO_ROOT, 'node_modules/@electric-sql/pglite/package.json')
  hash.update(readFileSync(pglitePackage))
  for (const migration of loadMigrations()) hash.update(`${migration.name}\n${migration.sql}\n`)
  return hash.digest('hex').slice(0, 16)
}

/** Makes (or finds) the migrated embedded database's dump; answers its path. */
export function prepareEmbeddedTemplate(): Promise<string> {
  return dumpEmbedded('embedded', (pglite) => migrate(wrapPglite(pglite, null)))
}

/**
 * Makes (or finds) the dump of a new embedded database with nothing in it, not even the schema:
 * what a restore takes as its target. Loading it skips PGlite's initdb (~2–3 s per database).
 */
export function prepareEmptyEmbeddedTemplate(): Promise<string> {
  return dumpEmbedded('embedded-empty', async () => {})
}

async function dumpEmbedded(
  kind: string,
  prepare: (pglite: PGlite) => Promise<unknown>,
): Promise<string> {
  const dir = join(tmpdir(), 'reqio-test-templates')
  const path = join(dir, `${kind}-${fingerprint()}.tar`)
  // Written whole under another name and renamed: an existing file is a complete dump.
  if (existsSync(path)) return path
  mkdirSync(dir, { recursive: true })
  const pglite = await PGlite.create(pgliteOptions)
  try {
    await prepare(pglite)
    const dump = await pglite.dumpDataDir('none')
    const partial = `${path}.${randomBytes(4).toString('hex')}.partial`
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()))
    renameSync(partial, path)
  } finally {
    await pglite.close()
  }
  return path
}

/** Makes (or finds) the migrated PostgreSQL template database on that server; answers its name. */
export async function preparePostgresTemplate(serverUrl: string): Promise<string> {
  const name = `reqio_template_${fingerprint()}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
    if (found.rowCount) return name
    // Migrated under a name of its own and renamed when whole: a run that dies half-way, or
    // another run making the same template at the same time, never leaves a half template.
    const building = `${name}_${randomBytes(4).toString('hex')}`
    await admin.query(`CREATE DATABASE ${building}`)
    const url = new URL(serverUrl)
    url.pathname = `/${building}`
    const store = await openStore({ databaseUrl: url.toString(), pgSchema: TEMPLATE_SCHEMA })
    await store.close()
    try {
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`)
    } catch (error) {
      await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`)
      // 42P04: another run finished the same template first; use theirs.
      if ((error as { code?: string }).code !== '42P04') throw error
    }
    return name
  } finally {
    await admin.end()
  }
}
