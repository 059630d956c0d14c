/**
 * A fresh store for one test, copied from the migrated templates when the run made them
 * (database-templates.ts); otherwise (a script outside Vitest) opened and migrated as `npm start`
 * does. On-disk embedded databases and named PostgreSQL schemas open as they are and migrate
 * for real, unless the test put the template there first (seed-embedded.ts).
 */
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { createStore, openStore, type Store } from '../../src/server/store'
import type { Db } from '../../src/server/store/db'
import { migrate } from '../../src/server/store/migrate'
import { openPgliteDb, pgliteOptions, wrapPglite } from '../../src/server/store/pglite-db'
import {
  EMBEDDED_TEMPLATE_ENV,
  EMPTY_EMBEDDED_TEMPLATE_ENV,
  POSTGRES_TEMPLATE_ENV,
  TEMPLATE_SCHEMA,
} from './database-templates'

export interface TestStoreTarget {
  /** PostgreSQL when set; otherwise the embedded database. */
  databaseUrl?: string
  /** Keep the embedded database in this directory instead of in memory. */
  dataDir?: string
  /** With databaseUrl: this schema, kept on close unless dropSchema (restart tests reopen it). */
  pgSchema?: string
  dropSchema?: boolean
}

export async function openTestStore(target: TestStoreTarget = {}): Promise<Store> {
  const { databaseUrl } = target
  if (!databaseUrl) {
    const template = process.env[EMBEDDED_TEMPLATE_ENV]
    if (target.dataDir || !template) return openStore({ dataDir: target.dataDir ?? null })
    return openEmbeddedCopy(template)
  }
  const template = process.env[POSTGRES_TEMPLATE_ENV]
  if (target.pgSchema || !template) {
    return openStore({
      databaseUrl,
      pgSchema: target.pgSchema ?? `reqio_test_${randomBytes(6).toString('hex')}`,
      dropSchemaOnClose: target.pgSchema === undefined || target.dropSchema === true,
    })
  }
  return openPostgresCopy(databaseUrl, template)
}

/**
 * A new in-memory embedded database with nothing in it (a restore's target), as
 * `openPgliteDb(null)` opens one, loaded from the run's dump of one instead of running initdb.
 */
export async function openEmptyEmbeddedDb(): Promise<Db> {
  const template = process.env[EMPTY_EMBEDDED_TEMPLATE_ENV]
  if (!template) return openPgliteDb(null)
  const pglite = await PGlite.create({
    ...pgliteOptions,
    loadDataDir: new Blob([readFileSync(template)]),
  })
  return wrapPglite(pglite, null)
}

/** 42 MB read per open: ~0.1 s against ~2 s for the cluster's first start and the migrations. */
async function openEmbeddedCopy(templatePath: string): Promise<Store> {
  const pglite = await PGlite.create({
    ...pgliteOptions,
    loadDataDir: new Blob([readFileSync(templatePath)]),
  })
  const db = wrapPglite(pglite, null)
  try {
    await migrate(db)
  } catch (error) {
    await db.close()
    throw error
  }
  return createStore(db)
}

/** A database of its own, CREATE DATABASE … TEMPLATE, dropped on close. */
async function openPostgresCopy(serverUrl: string, template: string): Promise<Store> {
  const name = `reqio_test_${randomBytes(6).toString('hex')}`
  await adminQuery(serverUrl, `CREATE DATABASE ${name} TEMPLATE ${template}`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  let store: Store
  try {
    store = await openStore({ databaseUrl: url.toString(), pgSchema: TEMPLATE_SCHEMA })
  } catch (error) {
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    throw error
  }
  return {
    ...store,
    async close() {
      await store.close()
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    },
  }
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  try {
    await admin.query(sql)
  } finally {
    await admin.end()
  }
}
