// Backup and restore in process, on both engines and across them: a database with rows in
// every kind of table, dumped and loaded into an empty one, must come back identical.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeBackup } from '../../../src/server/ops/backup'
import { listTables } from '../../../src/server/ops/catalog'
import { TargetNotEmptyError } from '../../../src/server/ops/empty-target'
import { restoreBackup } from '../../../src/server/ops/restore'
import type { Db } from '../../../src/server/store/db'
import { openPgDb } from '../../../src/server/store/pg-db'
import { FILLED_TABLES, fillEveryTable, snapshotTables } from '../../helpers/every-table'
import { startTestServer, type TestServer } from '../../helpers/start-server'
import { openEmptyEmbeddedDb } from '../../helpers/test-store'

const databaseUrl = process.env.DATABASE_URL
const workDir = mkdtempSync(join(tmpdir(), 'reqio-backup-'))

/** A server with demo mode on (kept mail) and mail sent at once, filled through its API. */
async function filledServer(options: { databaseUrl?: string } = {}): Promise<TestServer> {
  const server = await startTestServer({
    ...options,
    demo: true,
    notify: { mailCoalesceSeconds: 0 },
  })
  await fillEveryTable(server)
  return server
}

function throwawaySchemaDb(url: string): Promise<Db> {
  return openPgDb({
    connectionString: url,
    schema: `reqio_test_${randomBytes(6).toString('hex')}`,
    dropSchemaOnClose: true,
  })
}

/** Restores `file` into `target`, compares it with `source`, and closes `target`. */
async function expectRestoredIdentical(source: Db, file: string, target: Db): Promise<void> {
  try {
    const summary = await restoreBackup(target, file)
    expect(summary.rows).toBeGreaterThan(0)
    expect(await snapshotTables(target)).toEqual(await snapshotTables(source))
    // Sequences moved past the restored ids: the next person gets a new id.
    const [next] = await target.query<{ next: number; max: number }>(
      `SELECT nextval(pg_get_serial_sequence('people', 'id'))::int AS next,
              (SELECT max(id) FROM people)::int AS max`,
    )
    expect(next?.next).toBeGreaterThan(next?.max ?? Number.POSITIVE_INFINITY)
  } finally {
    await target.close()
  }
}

/**
 * One filled embedded server for the whole file: every test here only reads it (the one that
 * tries to restore into it checks that it is left as it was), so the round trips to both
 * engines start from the same rows; filling a second one proved nothing more.
 */
let embeddedSource: Promise<TestServer> | undefined
const filledEmbeddedServer = () => {
  embeddedSource ??= filledServer()
  return embeddedSource
}

afterAll(async () => {
  await (await embeddedSource)?.close()
  rmSync(workDir, { recursive: true, force: true })
})

describe('backup and restore of the embedded database', () => {
  let source: TestServer
  let dump: string

  beforeAll(async () => {
    source = await filledEmbeddedServer()
    dump = join(workDir, 'embedded.reqio.gz')
    await writeBackup(source.store.db, dump)
  }, 120_000)

  it('fills every kind of table, so the round trips below compare real rows', async () => {
    const { tables } = await snapshotTables(source.store.db)
    const empty = FILLED_TABLES.filter((name) => (tables[name]?.length ?? 0) === 0)
    expect(empty).toEqual([])
    // Every table of the schema is either filled or one the dump leaves out on purpose.
    expect(Object.keys(tables).sort()).toEqual([...FILLED_TABLES].sort())
  })

  it('restores into a new embedded database with every table identical', async () => {
    await expectRestoredIdentical(source.store.db, dump, await openEmptyEmbeddedDb())
  })

  it('refuses to restore into a database that has rows, and leaves it as it was', async () => {
    const before = await snapshotTables(source.store.db)
    await expect(restoreBackup(source.store.db, dump)).rejects.toThrow(TargetNotEmptyError)
    await expect(restoreBackup(source.store.db, dump)).rejects.toThrow(/table \w+ has rows/)
    expect(await snapshotTables(source.store.db)).toEqual(before)
  })

  it('refuses a dump that was cut short, and leaves the target without a schema', async () => {
    const lines = gunzipSync(readFileSync(dump)).toString('utf8').trimEnd().split('\n')
    const cut = join(workDir, 'cut.reqio.gz')
    writeFileSync(cut, gzipSync(`${lines.slice(0, -1).join('\n')}\n`))
    const target = await openEmptyEmbeddedDb()
    try {
      await expect(restoreBackup(target, cut)).rejects.toThrow(/cut short/)
      expect(await listTables(target)).toEqual([])
    } finally {
      await target.close()
    }
  })

  it('refuses a file that is not a dump', async () => {
    const notDump = join(workDir, 'not-a-dump.gz')
    writeFileSync(notDump, 'hello')
    const target = await openEmptyEmbeddedDb()
    try {
      await expect(restoreBackup(target, notDump)).rejects.toThrow(/not a gzip file/)
    } finally {
      await target.close()
    }
  })
})

describe.runIf(databaseUrl)('backup and restore with PostgreSQL', () => {
  const url = databaseUrl as string
  let embedded: TestServer
  let postgres: TestServer
  const embeddedDump = join(workDir, 'from-embedded.reqio.gz')
  const postgresDump = join(workDir, 'from-postgres.reqio.gz')

  beforeAll(async () => {
    ;[embedded, postgres] = await Promise.all([
      filledEmbeddedServer(),
      filledServer({ databaseUrl: url }),
    ])
    await writeBackup(embedded.store.db, embeddedDump)
    await writeBackup(postgres.store.db, postgresDump)
  }, 120_000)
  afterAll(async () => {
    await postgres?.close()
  })

  it('restores a PostgreSQL database into an empty schema with every table identical', async () => {
    await expectRestoredIdentical(postgres.store.db, postgresDump, await throwawaySchemaDb(url))
  })

  it('moves the embedded database to PostgreSQL', async () => {
    await expectRestoredIdentical(embedded.store.db, embeddedDump, await throwawaySchemaDb(url))
  })

  it('moves a PostgreSQL database to the embedded one', async () => {
    await expectRestoredIdentical(postgres.store.db, postgresDump, await openEmptyEmbeddedDb())
  })

  it('refuses to restore into a PostgreSQL schema that has rows, and changes nothing', async () => {
    const before = await snapshotTables(postgres.store.db)
    await expect(restoreBackup(postgres.store.db, embeddedDump)).rejects.toThrow(
      TargetNotEmptyError,
    )
    expect(await snapshotTables(postgres.store.db)).toEqual(before)
  })
})

describe.runIf(databaseUrl)('a PostgreSQL backup taken while the server keeps writing', () => {
  it('is one moment of the database: every counter matches the rows it counts', async () => {
    const server = await startTestServer({ databaseUrl: databaseUrl as string, demo: false })
    const target = await throwawaySchemaDb(databaseUrl as string)
    try {
      const { project } = await server.createProject('Busy')
      const ids: string[] = []
      for (let i = 0; i < 5; i++) {
        const res = await fetch(`${server.url}/v1/projects/${project.id}/requests`, {
          method: 'POST',
          headers: {
            'X-Reqio-Anonymous-Id': `anon-author-${i}`,
            'Content-Type': 'application/json',
          },
          body: JSON.stringify({ title: `Request ${i}` }),
        })
        ids.push(((await res.json()) as { request: { id: string } }).request.id)
      }
      // Votes land on every request while the backup runs; each updates requests.votes in the
      // same transaction as the vote row.
      let writing = true
      let voted = 0
      const voters = Array.from({ length: 4 }, async (_, lane) => {
        while (writing) {
          voted++
          await fetch(
            `${server.url}/v1/projects/${project.id}/requests/${ids[voted % ids.length]}/vote`,
            {
              method: 'POST',
              headers: { 'X-Reqio-Anonymous-Id': `anon-voter-${lane}-${voted}` },
            },
          )
        }
      })
      while (voted < 20) await new Promise((resolve) => setTimeout(resolve, 10))
      const file = join(workDir, 'busy.reqio.gz')
      await writeBackup(server.store.db, file)
      writing = false
      await Promise.all(voters)

      await restoreBackup(target, file)
      const mismatched = await target.query(
        `SELECT r.id, r.votes, (SELECT count(*) FROM votes v WHERE v.request_id = r.id)::int AS rows
           FROM requests r
          WHERE r.votes <> (SELECT count(*) FROM votes v WHERE v.request_id = r.id)`,
      )
      expect(mismatched).toEqual([])
      const [{ total }] = (await target.query<{ total: number }>(
        'SELECT count(*)::int AS total FROM votes',
      )) as [{ total: number }]
      expect(total).toBeGreaterThan(0)
    } finally {
      await target.close()
      await server.close()
    }
  })
})
