import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { frozenClock } from '../../src/server/clock'
import { JobRunner } from '../../src/server/jobs/runner'
import { silentLogger } from '../../src/server/logger'
import type { Store } from '../../src/server/store'
import { insertJob } from '../../src/server/store/jobs-store'
import { truncateAllTables } from '../../src/server/store/reset'
import { storeBackends } from '../helpers/backends'

describe.each(storeBackends())('the job queue on $name', (backend) => {
  const clock = frozenClock(Date.now())
  let store: Store
  let runs: { id: number; attempts: number }[]
  let failUntil: number

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
        },
        mail: { retrySeconds: [], async run() {} },
        webhook: { retrySeconds: [], async run() {} },
      },
    })
  const queue = (projectId = 'p1') =>
    store.db.transaction((tx) =>
      insertJob(tx, {
        projectId,
        kind: 'event',
        lane: 'event',
        payload: {},
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
})
