// The server under the vote benchmark, in its own process so autocannon does not share its CPU
// time: PostgreSQL when DATABASE_URL is set (a throwaway schema, dropped on close), else the
// embedded database on disk, as `npm start` keeps it. Its Db counts every statement.
// Prints one JSON line {url, adminToken} when listening, then answers commands on stdin, one
// JSON line each: `count` → {statements, sent} since the last `count`: how many statements, and
// each distinct one (the first LOGGED, in first-sent order, BEGIN and COMMIT included) with how
// often it was sent and its summed wall time. SIGTERM closes it.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import type { Db, SqlExecutor } from '../../src/server/store/db'
import { startTestServer } from '../helpers/start-server'

/** Distinct statements kept: enough for one identified vote's, in order. */
const LOGGED = 40
const MANY = 100_000_000

const databaseUrl = process.env.DATABASE_URL || undefined
const dataDir = databaseUrl ? undefined : mkdtempSync(join(tmpdir(), 'reqio-bench-votes-'))
const server = await startTestServer({
  demo: false,
  databaseUrl,
  pgSchema: databaseUrl ? `reqio_bench_${randomBytes(6).toString('hex')}` : undefined,
  dropSchema: true,
  dataDir,
  // One IP, a thousand voters each voting many times a minute: no budget may refuse.
  rateLimitPerMinute: MANY,
  ipWritesPerMinute: MANY,
  ipReadsPerMinute: MANY,
  anonVotersPerIpPerHour: MANY,
  // As `npm start` runs: the queue wakes when a job is queued.
  jobs: 'auto',
})

interface Sent {
  sql: string
  /** How many times since the last `count`, and their summed wall time. */
  times: number
  ms: number
}
const counted = { statements: 0, sent: new Map<string, Sent>() }
/** Counts the statement; answers what to call once it is done, to add how long it took. */
const note = (sql: string): (() => void) => {
  counted.statements++
  let sent = counted.sent.get(sql)
  if (!sent) {
    sent = { sql: sql.replace(/\s+/g, ' ').trim(), times: 0, ms: 0 }
    if (counted.sent.size < LOGGED) counted.sent.set(sql, sent)
  }
  sent.times++
  const started = performance.now()
  return () => {
    ;(sent as Sent).ms += performance.now() - started
  }
}
const timed = <T>(done: () => void, promise: Promise<T>): Promise<T> => promise.finally(done)
countStatements(server.store.db)

console.log(JSON.stringify({ url: server.url, adminToken: server.adminToken }))
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() !== 'count') return
  console.log(JSON.stringify({ statements: counted.statements, sent: [...counted.sent.values()] }))
  counted.statements = 0
  counted.sent.clear()
})
process.on('SIGTERM', () => {
  void server.close().then(() => {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
    process.exit(0)
  })
})

/**
 * Every store holds this one Db object, so counting on the object itself sees every statement
 * the server sends, a transaction's BEGIN and COMMIT (or ROLLBACK) included.
 */
function countStatements(db: Db): void {
  const counting = (target: SqlExecutor): SqlExecutor => ({
    query: (sql, params) => timed(note(sql), target.query(sql, params)),
    exec: (sql) => timed(note(sql), target.exec(sql)),
  })
  const plain = counting({ query: db.query.bind(db), exec: db.exec.bind(db) })
  const transaction = db.transaction.bind(db)
  Object.assign(db, {
    query: plain.query,
    exec: plain.exec,
    transaction: <T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> =>
      transaction((tx) => {
        note('BEGIN')()
        // The COMMIT is timed from the end of the work to the transaction's answer.
        return work(counting(tx)).then((result) => ({ result, committed: note('COMMIT') }))
      }).then(
        ({ result, committed }) => {
          committed()
          return result
        },
        (error) => {
          note('ROLLBACK')()
          throw error
        },
      ),
  })
}
