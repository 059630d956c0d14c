// `npm run reqio -- backup|restore|migrate` as an operator runs it: the CLI in its own
// process, choosing the database from DATABASE_URL and REQIO_DATA_DIR, answering with exit
// codes and one line saying what it did or why it would not.
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadMigrations } from '../../../src/server/store/migrate'
import { openPgDb } from '../../../src/server/store/pg-db'
import { openPgliteDb } from '../../../src/server/store/pglite-db'
import { fillEveryTable, snapshotTables, type TablesSnapshot } from '../../helpers/every-table'
import { createThrowawayDatabase } from '../../helpers/postgres-database'
import { seedEmbeddedDataDir } from '../../helpers/seed-embedded'
import { startTestServer } from '../../helpers/start-server'

const REPO_ROOT = resolve(import.meta.dirname, '../../..')
const databaseUrl = process.env.DATABASE_URL
const workDir = mkdtempSync(join(tmpdir(), 'reqio-cli-'))

interface CliRun {
  code: number
  stdout: string
  stderr: string
}

/**
 * The CLI the way `npm run reqio` starts it (scripts/reqio.mjs: the built CLI; the run's global
 * setup built dist/ when stale), with only the database variables we give it.
 */
function runCli(args: string[], env: { DATABASE_URL?: string; REQIO_DATA_DIR?: string }) {
  const { DATABASE_URL: _ignored, ...inherited } = process.env
  return new Promise<CliRun>((done) => {
    execFile(
      process.execPath,
      [resolve(REPO_ROOT, 'scripts/reqio.mjs'), ...args],
      { cwd: workDir, env: { ...inherited, ...env }, timeout: 120_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0
        done({ code, stdout, stderr })
      },
    )
  })
}

async function snapshotOfDataDir(dataDir: string): Promise<TablesSnapshot> {
  const db = await openPgliteDb(join(dataDir, 'pglite'))
  try {
    return await snapshotTables(db)
  } finally {
    await db.close()
  }
}

afterAll(() => {
  rmSync(workDir, { recursive: true, force: true })
})

describe('reqio migrate', () => {
  it('creates the schema in a fresh data dir and exits 0', async () => {
    const dataDir = join(workDir, 'fresh')
    const run = await runCli(['migrate'], { REQIO_DATA_DIR: dataDir })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('migrate: applied migrations 1, 2')
    const db = await openPgliteDb(join(dataDir, 'pglite'))
    try {
      const versions = await db.query<{ version: number }>('SELECT version FROM schema_migrations')
      expect(versions).toHaveLength(loadMigrations().length)
    } finally {
      await db.close()
    }
    const again = await runCli(['migrate'], { REQIO_DATA_DIR: dataDir })
    expect(again).toMatchObject({ code: 0 })
    expect(again.stdout).toContain('is up to date')
  }, 120_000)

  it('answers an unknown command with the usage and exit code 2', async () => {
    const run = await runCli(['frobnicate'], {})
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('usage: npm run reqio -- <command>')
  }, 60_000)
})

describe('reqio backup and restore on the embedded database', () => {
  const source = join(workDir, 'source')
  let original: TablesSnapshot

  beforeAll(async () => {
    // The source of the backups, not a migration under test: it opens the migrated template.
    seedEmbeddedDataDir(source)
    const server = await startTestServer({
      dataDir: join(source, 'pglite'),
      demo: true,
      notify: { mailCoalesceSeconds: 0 },
    })
    await fillEveryTable(server)
    original = await snapshotTables(server.store.db)
    await server.close()
  }, 120_000)

  it('refuses to back up a data dir that a process has open, naming what to do', async () => {
    const open = await openPgliteDb(join(source, 'pglite'))
    try {
      const run = await runCli(['backup', join(workDir, 'never.gz')], { REQIO_DATA_DIR: source })
      expect(run.code).toBe(1)
      expect(run.stderr).toContain('in use by another Reqio process')
      expect(run.stderr).toContain(`pid ${process.pid}`)
      expect(existsSync(join(workDir, 'never.gz'))).toBe(false)
    } finally {
      await open.close()
    }
  }, 120_000)

  it('backs up, then restores into a new data dir with every table identical', async () => {
    const dump = join(workDir, 'embedded.reqio.gz')
    const backup = await runCli(['backup', dump], { REQIO_DATA_DIR: source })
    expect(backup.stderr).toBe('')
    expect(backup.code).toBe(0)
    expect(backup.stdout).toMatch(/backup: \d+ rows in \d+ tables/)

    const copy = join(workDir, 'copy')
    const restore = await runCli(['restore', dump], { REQIO_DATA_DIR: copy })
    expect(restore.code).toBe(0)
    expect(await snapshotOfDataDir(copy)).toEqual(original)

    // The data dir now holds a database: a second restore refuses and changes nothing.
    const again = await runCli(['restore', dump], { REQIO_DATA_DIR: copy })
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('already holds a database')
    expect(await snapshotOfDataDir(copy)).toEqual(original)
  }, 240_000)

  describe.runIf(databaseUrl)('moving to PostgreSQL and back', () => {
    it('restores the embedded dump into an empty PostgreSQL database, and back into a new data dir', async () => {
      const database = await createThrowawayDatabase(databaseUrl as string)
      try {
        const dump = join(workDir, 'to-postgres.reqio.gz')
        expect((await runCli(['backup', dump], { REQIO_DATA_DIR: source })).code).toBe(0)

        const restore = await runCli(['restore', dump], { DATABASE_URL: database.url })
        expect(restore.stderr).toBe('')
        expect(restore.code).toBe(0)
        expect(restore.stdout).toContain('loaded into PostgreSQL (DATABASE_URL)')
        const db = await openPgDb({ connectionString: database.url })
        try {
          expect(await snapshotTables(db)).toEqual(original)
        } finally {
          await db.close()
        }

        const again = await runCli(['restore', dump], { DATABASE_URL: database.url })
        expect(again.code).toBe(1)
        expect(again.stderr).toMatch(/is not empty \(table \w+ has rows\)/)

        const back = join(workDir, 'from-postgres.reqio.gz')
        expect((await runCli(['backup', back], { DATABASE_URL: database.url })).code).toBe(0)
        const dataDir = join(workDir, 'back')
        expect((await runCli(['restore', back], { REQIO_DATA_DIR: dataDir })).code).toBe(0)
        expect(await snapshotOfDataDir(dataDir)).toEqual(original)
      } finally {
        await database.drop()
      }
    }, 300_000)
  })
})
