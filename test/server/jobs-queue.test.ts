import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { frozenClock } from '../../src/server/clock'
import { JobRunner } from '../../src/server/jobs/runner'
import { silentLogger } from '../../src/server/logger'
import type { Store } from '../../src/server/store'
import { insertJob } from '../../src/server/store/job-inserts'
import { truncateAllTables } from '../../src/server/store/reset'
import { storeBackends } from '../helpers/backends'

describe.each(storeBackends())('the job queue on $name', (backend) => {
  const clock = frozenClock(Date.now())
  let store: Store
  let runs: { id: number; attempts: number }[]
  let failUntil: number
  /** The job ids each onSuccess call closed, in call order. */
  let closings: number[][]

  const runner = (options: { leaseMs?: number } = {}) =>
    new JobRunner({
      store,
      clock,
      logger: silentLogger,
      leaseMs: options.leaseMs,
      handlers: {
        event: {
          retrySeconds: [5, 30],
          async run(job) {
            runs.push({ id: job.id, attempts: job.attempts })
            if (job.attempts <= failUntil) throw new Error(`attempt ${job.attempts} failed`)
          },
          async onSuccess(_tx, done) {
            if (done.some(({ job }) => (job.payload as { bad?: boolean }).bad))
              throw new Error('recording this one failed')
            closings.push(done.map(({ job }) => job.id))
          },
        },
        mail: { retrySeconds: [], async run() {} },
        webhook: { retrySeconds: [], async run() {} },
        purge: { retrySeconds: [], async run() {} },
        slack: { retrySeconds: [], async run() {} },
      },
    })
  const queue = (projectId = 'p1', payload: unknown = {}, lane = 'event') =>
    store.db.transaction((tx) =>
      insertJob(tx, {
        projectId,
        kind: 'event',
        lane,
        payload,
        runAt: clock.now(),
        now: clock.now(),
      }),
    )

  beforeAll(async () => {
    store = await backend.open()
  })
  afterAll(async () => {
    await store.close()
  })
  beforeEach(async () => {
    await truncateAllTables(store.db)
    await store.projects.create({ id: 'p1', name: 'P', secret: 's', now: clock.now() })
    runs = []
    failUntil = 0
    closings = []
  })

  it('a job queued in a transaction that rolls back never exists', async () => {
    await store.db
      .transaction(async (tx) => {
        await insertJob(tx, {
          projectId: 'p1',
          kind: 'event',
          lane: 'event',
          payload: {},
          runAt: clock.now(),
          now: clock.now(),
        })
        throw new Error('the change failed')
      })
      .catch(() => {})
    await runner().drain()
    expect(runs).toEqual([])
  })

  it('retries on the backoff schedule, then ends failed and visible', async () => {
    failUntil = 99
    const id = await queue()
    const r = runner()
    await r.drain()
    clock.advance(4_999)
    await r.drain()
    expect(runs.map((run) => run.attempts)).toEqual([1])
    clock.advance(1)
    await r.drain()
    clock.advance(30_000)
    await r.drain()
    expect(runs.map((run) => run.attempts)).toEqual([1, 2, 3])
    expect(await store.jobs.counts('p1')).toEqual({ queued: 0, running: 0, failed: 1 })
    expect(await store.jobs.listFailed('p1')).toEqual([
      expect.objectContaining({ id, kind: 'event', attempts: 3, lastError: 'attempt 3 failed' }),
    ])
    failUntil = 0
    expect(await store.jobs.retryNow(id!, clock.now(), 'p1')).toBe(true)
    await r.drain()
    expect(await store.jobs.counts('p1')).toEqual({ queued: 0, running: 0, failed: 0 })
  })

  it('a job whose worker died (lease ran out) is claimed again; the dead worker cannot finish it', async () => {
    await queue()
    const [claimed] = await store.jobs.claim({
      now: clock.now(),
      leaseMs: 60_000,
      limit: 1,
      perLane: 1,
      busyLanes: [],
    })
    await runner().drain()
    expect(runs).toEqual([]) // still leased
    clock.advance(60_001)
    await runner().drain()
    expect(runs).toEqual([{ id: claimed!.id, attempts: 2 }])
    const lateFinish = await store.db.transaction((tx) => store.jobs.complete(tx, claimed!))
    expect(lateFinish).toBe(false)
  })

  it('claims with SKIP LOCKED: concurrent claims never share a job', async () => {
    for (let i = 0; i < 40; i++) await queue()
    const claims = await Promise.all(
      Array.from({ length: 4 }, () =>
        store.jobs.claim({
          now: clock.now(),
          leaseMs: 60_000,
          limit: 15,
          perLane: 40,
          busyLanes: [],
        }),
      ),
    )
    const ids = claims.flat().map((job) => job.id)
    expect(ids).toHaveLength(40)
    expect(new Set(ids).size).toBe(40)
  })

  it('holds a busy lane back and at most perLane jobs of one lane per claim', async () => {
    await store.db.transaction(async (tx) => {
      for (const lane of ['a', 'a', 'a', 'b']) {
        await insertJob(tx, {
          projectId: 'p1',
          kind: 'webhook',
          lane,
          payload: {},
          runAt: clock.now(),
          now: clock.now(),
        })
      }
    })
    const first = await store.jobs.claim({
      now: clock.now(),
      leaseMs: 1000,
      limit: 10,
      perLane: 2,
      busyLanes: ['b'],
    })
    expect(first.map((job) => job.lane)).toEqual(['a', 'a'])
  })

  it('batch claims over a backlog larger than the window hand every job to exactly one claimer', async () => {
    await store.db.transaction(async (tx) => {
      for (let i = 0; i < 500; i++) {
        await insertJob(tx, {
          projectId: 'p1',
          kind: 'webhook',
          lane: `lane-${i % 5}`,
          payload: {},
          runAt: clock.now(),
          now: clock.now(),
        })
      }
    })
    const claimer = async () => {
      const ids: number[] = []
      for (;;) {
        const jobs = await store.jobs.claim({
          now: clock.now(),
          leaseMs: 60_000,
          limit: 64,
          perLane: 32,
          busyLanes: [],
        })
        if (jobs.length === 0) return ids
        ids.push(...jobs.map((job) => job.id))
      }
    }
    const claims = await Promise.all([claimer(), claimer(), claimer(), claimer()])
    const ids = claims.flat()
    expect(ids).toHaveLength(500)
    expect(new Set(ids).size).toBe(500)
    expect(await store.jobs.counts('p1')).toEqual({ queued: 0, running: 500, failed: 0 })
  })

  it('closes jobs that finish together in one transaction, with one onSuccess call', async () => {
    const ids: number[] = []
    for (let i = 0; i < 20; i++) ids.push((await queue()) as number)
    await runner().drain()
    expect(closings).toEqual([ids])
    expect(await store.jobs.counts('p1')).toEqual({ queued: 0, running: 0, failed: 0 })
  })

  it('one job whose closing fails holds back none of its batch: the others close, it is retried', async () => {
    for (let i = 0; i < 5; i++) await queue()
    const bad = await queue('p1', { bad: true })
    for (let i = 0; i < 5; i++) await queue()
    await runner().drain()
    expect(closings.flat()).toHaveLength(10)
    expect(closings.flat()).not.toContain(bad)
    expect(await store.jobs.counts('p1')).toEqual({ queued: 1, running: 0, failed: 0 })
    const [row] = await store.db.query<{ id: number; last_error: string }>(
      `SELECT id, last_error FROM jobs WHERE status = 'queued'`,
    )
    expect(row).toEqual({ id: bad, last_error: 'recording this one failed' })
  })

  it('a batch closing late records none of the jobs another worker claimed after their lease ran out', async () => {
    await queue()
    await queue()
    const lease = { leaseMs: 1_000, limit: 10, perLane: 10, busyLanes: [] }
    const first = await store.jobs.claim({ now: clock.now(), ...lease })
    clock.advance(1_001)
    const second = await store.jobs.claim({ now: clock.now(), ...lease })
    expect(second.map((job) => job.attempts)).toEqual([2, 2])
    const late = await store.db.transaction((tx) => store.jobs.completeMany(tx, first))
    expect(late.size).toBe(0)
    const onTime = await store.db.transaction((tx) => store.jobs.completeMany(tx, second))
    expect([...onTime].sort()).toEqual(second.map((job) => job.id).sort())
  })

  it('vacuums the queue as jobs close on the embedded database (no autovacuum there), and leaves PostgreSQL to its autovacuum', async () => {
    await store.db.transaction(async (tx) => {
      for (let i = 0; i < 2_000; i++)
        await insertJob(tx, {
          projectId: 'p1',
          kind: 'event',
          lane: `lane-${i % 50}`,
          payload: {},
          runAt: clock.now(),
          now: clock.now(),
        })
    })
    await runner().drain()
    const [stats] = await store.db.query<{ dead: number; vacuumed: boolean }>(
      `SELECT n_dead_tup AS dead, last_vacuum IS NOT NULL AS vacuumed
         FROM pg_stat_user_tables WHERE relname = 'jobs'`,
    )
    // last_vacuum is set by a VACUUM statement only (autovacuum has its own column).
    if (backend.name === 'embedded') expect(stats).toEqual({ dead: 0, vacuumed: true })
    else expect(stats?.vacuumed).toBe(false)
  })

  it('jobs claimed but not started when the runner stops go back to the queue at once', async () => {
    for (let i = 0; i < 3; i++) await queue()
    let open: () => void = () => {}
    const gate = new Promise<void>((resolve) => {
      open = resolve
    })
    const started: number[] = []
    const blocking = new JobRunner({
      store,
      clock,
      logger: silentLogger,
      concurrency: 1,
      handlers: {
        event: {
          retrySeconds: [],
          async run(job) {
            started.push(job.id)
            await gate
          },
        },
        mail: { retrySeconds: [], async run() {} },
        webhook: { retrySeconds: [], async run() {} },
        purge: { retrySeconds: [], async run() {} },
        slack: { retrySeconds: [], async run() {} },
      },
    })
    blocking.start()
    while (started.length === 0) await new Promise((resolve) => setImmediate(resolve))
    await blocking.stop(0)
    expect(await store.jobs.counts('p1')).toEqual({ queued: 2, running: 1, failed: 0 })
    const [released] = await store.db.query<{ attempts: number }>(
      `SELECT max(attempts) AS attempts FROM jobs WHERE status = 'queued'`,
    )
    expect(released?.attempts).toBe(0)
    open()
  })
})
