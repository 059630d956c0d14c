import type { Clock } from '../clock'
import type { Logger } from '../logger'
import type { Store } from '../store'
import type { ClaimedJob, JobKind } from '../store/jobs-store'
import type { ApiShare } from './api-share'
import {
  type FinishedJob,
  type JobHandler,
  PermanentJobError,
  RetryAfterError,
} from './job-handler'

/**
 * A finished job waits this long for others to close with it while jobs are still running;
 * the network work is done by then, only its record waits.
 */
const CLOSE_DELAY_MS = 10

/** On the embedded database (no autovacuum), the jobs table is vacuumed after this many closed jobs. */
const VACUUM_EVERY_JOBS = 2_000

/**
 * The end of a job's life in this process: finished jobs are removed (and what they achieved
 * recorded) together, one transaction for a batch; failed ones are rescheduled or ended.
 */
export class JobClosing {
  private finished: FinishedJob[] = []
  private flushing: Promise<void> | null = null
  private flushTimer: NodeJS.Timeout | null = null
  private closedSinceVacuum = 0

  constructor(
    private readonly options: {
      store: Store
      clock: Clock
      logger: Logger
      handlers: Record<JobKind, JobHandler>
      share: ApiShare
      batchSize: number
      /** Jobs of this process still running: while some are, a finished one waits for company. */
      running: () => number
      stopping: () => boolean
      /** Promises a drain or a stop waits for. */
      inFlight: Set<Promise<void>>
      /** Called when closing made room or queued jobs (event fan-out): time to claim. */
      closed: () => void
    },
  ) {}

  /** Finished jobs waiting to be closed: they still count against the batch this process holds. */
  get waiting(): number {
    return this.finished.length
  }

  add(done: FinishedJob): void {
    this.finished.push(done)
    this.flushSoon()
  }

  /** A job that ran and may have been waiting for company has ended: close what waits. */
  jobEnded(): void {
    if (this.finished.length > 0) this.flushSoon()
  }

  async fail(job: ClaimedJob, error: unknown): Promise<void> {
    await this.options.share.run(() => this.recordFailure(job, error), this.options.stopping)
    // A retry may be due already, and its lane has room now.
    this.options.closed()
  }

  /**
   * Closes finished jobs in batches, one transaction each, one batch at a time: at once when
   * nothing else is running or half a batch is waiting, else after CLOSE_DELAY_MS, so the
   * jobs finishing around the same time share one transaction.
   */
  private flushSoon(now = false): void {
    if (this.flushing) return
    if (!now && this.options.running() > 0 && this.finished.length < this.options.batchSize / 2) {
      this.flushTimer ??= setTimeout(() => {
        this.flushTimer = null
        this.flushSoon(true)
      }, CLOSE_DELAY_MS)
      return
    }
    if (this.flushTimer) clearTimeout(this.flushTimer)
    this.flushTimer = null
    const flushing: Promise<void> = (async () => {
      while (this.finished.length > 0) {
        const batch = this.finished.splice(0, this.options.batchSize)
        await this.options.share.run(() => this.close(batch), this.options.stopping)
      }
    })()
      // close() records its own failures; anything left must still not escape as unhandled.
      .catch((error) => this.options.logger.error('jobs: closing finished jobs failed', error))
      .finally(() => {
        this.options.inFlight.delete(flushing)
        this.flushing = null
        if (this.finished.length > 0) this.flushSoon()
        // Closing made room, and event jobs queued deliveries: claim again.
        this.options.closed()
      })
    this.flushing = flushing
    this.options.inFlight.add(flushing)
  }

  private async close(batch: FinishedJob[]): Promise<void> {
    const { store, handlers, logger } = this.options
    let kept: Set<number>
    try {
      kept = await store.db.transaction(async (tx) => {
        const kept = await store.jobs.completeMany(
          tx,
          batch.map((done) => done.job),
        )
        for (const kind of new Set(batch.map((done) => done.job.kind))) {
          const done = batch.filter((d) => d.job.kind === kind && kept.has(d.job.id))
          if (done.length > 0) await handlers[kind].onSuccess?.(tx, done)
        }
        return kept
      })
    } catch (error) {
      if (batch.length === 1 && batch[0]) return this.recordFailure(batch[0].job, error)
      for (const done of batch) await this.close([done])
      return
    }
    for (const { job } of batch)
      if (!kept.has(job.id))
        logger.warn(`jobs: job ${job.id} ran past its lease; another worker has it`)
    this.closedSinceVacuum += kept.size
    if (store.db.kind === 'pglite' && this.closedSinceVacuum >= VACUUM_EVERY_JOBS) {
      this.closedSinceVacuum = 0
      // Its own turn, after this one: a vacuum of a busy queue takes tens of milliseconds.
      const vacuum: Promise<void> = this.options.share
        .run(() => store.jobs.vacuum())
        .catch((error) => logger.error('jobs: vacuuming the queue failed', error))
        .finally(() => {
          this.options.inFlight.delete(vacuum)
          this.options.closed()
        })
      this.options.inFlight.add(vacuum)
    }
  }

  private async recordFailure(job: ClaimedJob, error: unknown): Promise<void> {
    const { store, clock, logger, handlers } = this.options
    const scheduled = handlers[job.kind].retrySeconds[job.attempts - 1]
    const delay =
      scheduled !== undefined && error instanceof RetryAfterError
        ? Math.max(scheduled, error.retryAfterSeconds)
        : scheduled
    const nextAt =
      error instanceof PermanentJobError || delay === undefined ? null : clock.now() + delay * 1000
    const message = error instanceof Error ? error.message : String(error)
    try {
      await store.db.transaction(async (tx) => {
        if (!(await store.jobs.reschedule(tx, job, nextAt, message, clock.now()))) return
        await handlers[job.kind].onFailure?.(tx, job, error, nextAt)
      })
    } catch (recordError) {
      // The lease runs out and the job is claimed again: late, not lost.
      logger.error(`jobs: could not record the failure of job ${job.id}`, recordError)
    }
    if (nextAt === null) logger.warn(`jobs: ${job.kind} job ${job.id} failed for good: ${message}`)
  }
}
