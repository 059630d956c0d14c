import type { Clock } from '../clock'
import type { Logger } from '../logger'
import type { Store } from '../store'
import type { SqlExecutor } from '../store/db'
import type { ClaimedJob, JobKind } from '../store/jobs-store'

/** What a kind of job does. `run` may do network I/O; the hooks run in short transactions. */
export interface JobHandler<Result = unknown> {
  /** Seconds to wait after failed attempt 1, 2, …; past the last, the job ends "failed". */
  retrySeconds: readonly number[]
  run(job: ClaimedJob): Promise<Result>
  /** In the transaction that removes the finished job: record what the run achieved. */
  onSuccess?(tx: SqlExecutor, job: ClaimedJob, result: Result): Promise<void>
  /** In the transaction that reschedules the job (nextAt) or ends it failed (nextAt null). */
  onFailure?(tx: SqlExecutor, job: ClaimedJob, error: unknown, nextAt: number | null): Promise<void>
}

/** Thrown by a handler when trying again cannot help (the endpoint was deleted, say). */
export class PermanentJobError extends Error {}

class LostLease extends Error {}

/** While the API is busy on the embedded database, the runner claims at most this often. */
const BUSY_CLAIM_INTERVAL_MS = 250

export interface JobRunnerOptions {
  store: Store
  clock: Clock
  logger: Logger
  handlers: Record<JobKind, JobHandler>
  /** Jobs running at once in this process (default 16). */
  concurrency?: number
  /** Jobs of one lane (one webhook endpoint) running at once (default 4). */
  perLane?: number
  /** How long a claimed job is ours before another process may take it (default 120 s). */
  leaseMs?: number
  /** How often an idle runner looks for due jobs (default 500 ms); kick() wakes it at once. */
  pollMs?: number
}

/**
 * Drains the durable queue in this process. Claims are one short statement; the network work
 * of a job runs outside any transaction, so neither a slow SMTP server nor a stuck webhook
 * endpoint holds the database (on the embedded one, the API's only connection).
 */
export class JobRunner {
  private readonly inFlight = new Set<Promise<void>>()
  private readonly lanes = new Map<string, number>()
  private readonly concurrency: number
  private readonly perLane: number
  private readonly leaseMs: number
  private readonly pollMs: number
  private loop: Promise<void> | null = null
  private stopping = false
  private kicked = false
  private wake: (() => void) | null = null
  private apiRequests = 0
  private lastClaimAt = 0

  constructor(private readonly options: JobRunnerOptions) {
    this.concurrency = options.concurrency ?? 16
    this.perLane = options.perLane ?? 4
    this.leaseMs = options.leaseMs ?? 120_000
    this.pollMs = options.pollMs ?? 500
  }

  start(): void {
    if (this.loop) return
    this.stopping = false
    this.loop = this.runLoop()
  }

  /**
   * Stops claiming and waits up to `graceMs` for the jobs in flight; one still running after
   * that is claimed again by the next worker once its lease runs out.
   */
  async stop(graceMs = 5_000): Promise<void> {
    this.stopping = true
    this.kick()
    await this.loop
    this.loop = null
    let timer: NodeJS.Timeout | undefined
    const grace = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, graceMs)
    })
    await Promise.race([Promise.allSettled([...this.inFlight]), grace])
    clearTimeout(timer)
  }

  /**
   * The API tells the runner when it serves a request. On the embedded database (one
   * connection) the runner then claims at most every BUSY_CLAIM_INTERVAL_MS, so a burst of
   * API traffic is served first and the queue catches up in the gaps.
   */
  apiRequestStarted(): void {
    this.apiRequests++
  }
  apiRequestEnded(): void {
    this.apiRequests--
  }

  /** Something was queued: look now instead of at the next poll. */
  kick(): void {
    this.kicked = true
    this.wake?.()
  }

  /** Runs every due job (and what they queue, when due) until none is left: for tests and benches. */
  async drain(): Promise<void> {
    for (;;) {
      const claimed = await this.claimAndStart()
      if (claimed === 0 && this.inFlight.size === 0) return
      if (this.inFlight.size > 0) await Promise.race([...this.inFlight])
    }
  }

  private async runLoop(): Promise<void> {
    while (!this.stopping) {
      const yieldToApi =
        this.options.store.db.kind === 'pglite' &&
        this.apiRequests > 0 &&
        Date.now() - this.lastClaimAt < BUSY_CLAIM_INTERVAL_MS
      if (yieldToApi) {
        await new Promise((resolve) => setTimeout(resolve, 10))
        continue
      }
      this.lastClaimAt = Date.now()
      let claimed = 0
      try {
        claimed = await this.claimAndStart()
      } catch (error) {
        this.options.logger.error('jobs: claiming failed', error)
      }
      if (this.stopping) break
      const full = this.inFlight.size >= this.concurrency
      if (claimed === 0 || full) await this.sleep(full ? 60_000 : this.pollMs)
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.kicked) {
      this.kicked = false
      return Promise.resolve()
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer)
        this.wake = null
        this.kicked = false
        resolve()
      }
      const timer = setTimeout(done, ms)
      timer.unref?.()
      this.wake = done
    })
  }

  private async claimAndStart(): Promise<number> {
    const free = this.concurrency - this.inFlight.size
    // Claim in batches: one claim per finished job would cost more than the jobs themselves.
    if (free <= 0 || (this.inFlight.size > 0 && free < this.concurrency / 2)) return 0
    const busyLanes = [...this.lanes].filter(([, n]) => n >= this.perLane).map(([lane]) => lane)
    const jobs = await this.options.store.jobs.claim({
      now: this.options.clock.now(),
      leaseMs: this.leaseMs,
      limit: free,
      perLane: this.perLane,
      busyLanes,
    })
    for (const job of jobs) {
      this.lanes.set(job.lane, (this.lanes.get(job.lane) ?? 0) + 1)
      const running: Promise<void> = this.runJob(job).finally(() => {
        this.inFlight.delete(running)
        const left = (this.lanes.get(job.lane) ?? 1) - 1
        if (left > 0) this.lanes.set(job.lane, left)
        else this.lanes.delete(job.lane)
        this.kick()
      })
      this.inFlight.add(running)
    }
    return jobs.length
  }

  private async runJob(job: ClaimedJob): Promise<void> {
    const handler = this.options.handlers[job.kind]
    const { store, clock, logger } = this.options
    try {
      const result = await handler.run(job)
      await store.db.transaction(async (tx) => {
        if (!(await store.jobs.complete(tx, job))) throw new LostLease()
        await handler.onSuccess?.(tx, job, result)
      })
    } catch (error) {
      if (error instanceof LostLease) {
        logger.warn(`jobs: job ${job.id} ran past its lease; another worker has it`)
        return
      }
      const delay = handler.retrySeconds[job.attempts - 1]
      const nextAt =
        error instanceof PermanentJobError || delay === undefined
          ? null
          : clock.now() + delay * 1000
      const message = error instanceof Error ? error.message : String(error)
      try {
        await store.db.transaction(async (tx) => {
          if (!(await store.jobs.reschedule(tx, job, nextAt, message, clock.now()))) return
          await handler.onFailure?.(tx, job, error, nextAt)
        })
      } catch (recordError) {
        // The lease runs out and the job is claimed again: late, not lost.
        logger.error(`jobs: could not record the failure of job ${job.id}`, recordError)
      }
      if (nextAt === null)
        logger.warn(`jobs: ${job.kind} job ${job.id} failed for good: ${message}`)
    }
  }
}
