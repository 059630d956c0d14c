import type { Clock } from '../clock'
import type { Logger } from '../logger'
import type { Store } from '../store'
import type { ClaimedJob, JobKind } from '../store/jobs-store'
import { ApiShare } from './api-share'
import { JobClosing } from './closing'
import type { JobHandler } from './job-handler'

export { type FinishedJob, type JobHandler, PermanentJobError } from './job-handler'

export interface JobRunnerOptions {
  store: Store
  clock: Clock
  logger: Logger
  handlers: Record<JobKind, JobHandler>
  /** Jobs running at once in this process (default 16). */
  concurrency?: number
  /** Jobs of one lane (one webhook endpoint) running at once (default 4). */
  perLane?: number
  /** Jobs one claim takes and this process holds at once, claimed, running or closing (default 64). */
  batchSize?: number
  /**
   * Jobs of one lane one claim takes (default 32). Held jobs of a lane run perLane at a time,
   * so a stuck endpoint (10 s per attempt) gets through 32 in 80 s, inside the lease.
   */
  laneBatch?: number
  /** How long a claimed job is ours before another process may take it (default 120 s). */
  leaseMs?: number
  /** How often an idle runner looks for due jobs (default 500 ms); kick() wakes it at once. */
  pollMs?: number
}

/** The longest wait between claims while they fail. */
const MAX_FAILED_CLAIM_WAIT_MS = 5_000

interface HeldJob {
  job: ClaimedJob
  loaded: unknown
  claimedAt: number
}

/**
 * Drains the durable queue in this process. A claim takes a batch in one statement, the
 * network work of a job runs outside any transaction, and finished jobs are closed together
 * in one transaction: neither a slow SMTP server nor a stuck webhook endpoint holds the
 * database (on the embedded one, the API's only connection), and a thousand jobs cost tens
 * of statements, not thousands.
 */
export class JobRunner {
  private readonly inFlight = new Set<Promise<void>>()
  private readonly held = new Map<string, HeldJob[]>()
  private heldCount = 0
  private readonly runningByLane = new Map<string, number>()
  private running = 0
  private readonly closing: JobClosing
  private readonly share: ApiShare
  private readonly concurrency: number
  private readonly perLane: number
  private readonly batchSize: number
  private readonly laneBatch: number
  private readonly leaseMs: number
  private readonly pollMs: number
  private loop: Promise<void> | null = null
  private stopping = false
  private kicked = false
  private wake: (() => void) | null = null
  private readonly drainWaiters: (() => void)[] = []

  constructor(private readonly options: JobRunnerOptions) {
    this.concurrency = options.concurrency ?? 16
    this.perLane = options.perLane ?? 4
    this.batchSize = options.batchSize ?? 64
    this.laneBatch = options.laneBatch ?? 32
    this.leaseMs = options.leaseMs ?? 120_000
    this.pollMs = options.pollMs ?? 500
    this.share = new ApiShare(options.store.db.kind === 'pglite')
    this.closing = new JobClosing({
      ...options,
      share: this.share,
      batchSize: this.batchSize,
      running: () => this.running,
      stopping: () => this.stopping,
      inFlight: this.inFlight,
      closed: () => this.kick(),
    })
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
    // Claimed but never started: back to the queue now, not after their lease.
    const unstarted = [...this.held.values()].flat().map((held) => held.job)
    this.held.clear()
    this.heldCount = 0
    await this.options.store.jobs
      .release(unstarted)
      .catch((error) => this.options.logger.error('jobs: releasing unstarted jobs failed', error))
    let timer: NodeJS.Timeout | undefined
    const grace = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, graceMs)
    })
    await Promise.race([Promise.allSettled([...this.inFlight]), grace])
    clearTimeout(timer)
  }

  /** The API tells the runner when it serves a request, so the queue gives way (api-share.ts). */
  apiRequestStarted(): void {
    this.share.requestStarted()
  }
  apiRequestEnded(): void {
    this.share.requestEnded()
  }

  /**
   * Something was queued: look now instead of at the next poll. Kicks while a claim waits
   * for its turn fold into that claim.
   */
  kick(): void {
    this.kicked = true
    this.wake?.()
    for (const waiter of this.drainWaiters.splice(0)) waiter()
  }

  /** Runs every due job (and what they queue, when due) until none is left: for tests and benches. */
  async drain(): Promise<void> {
    for (;;) {
      const claimed = await this.claimAndStart()
      if (claimed > 0 || this.kicked) continue
      if (this.inFlight.size === 0) return
      // Every job in flight ends in a kick (closed, or its failure recorded); the poll is a
      // backstop should the runner's own loop have taken that kick.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, this.pollMs)
        function done() {
          clearTimeout(timer)
          resolve()
        }
        this.drainWaiters.push(done)
      })
    }
  }

  /**
   * Claims until stopped. A failed claim (the database away) never ends the loop: it is
   * logged once, the runner waits longer between tries (up to MAX_FAILED_CLAIM_WAIT_MS), and
   * it says so when claiming works again. Jobs are in the database, so none is lost meanwhile.
   */
  private async runLoop(): Promise<void> {
    let failedClaims = 0
    while (!this.stopping) {
      let claimed = 0
      try {
        claimed = await this.claimAndStart()
        if (failedClaims > 0) {
          this.options.logger.info(`jobs: claiming again after ${failedClaims} failed tries`)
          failedClaims = 0
        }
      } catch (error) {
        failedClaims++
        if (failedClaims === 1)
          this.options.logger.error('jobs: claiming failed; retrying until it works', error)
      }
      if (this.stopping) break
      if (failedClaims > 0) {
        await this.sleep(Math.min(this.pollMs * 2 ** failedClaims, MAX_FAILED_CLAIM_WAIT_MS))
      } else if (claimed === 0) await this.sleep(this.pollMs)
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
    const holding = this.heldCount + this.running + this.closing.waiting
    const room = this.batchSize - holding
    // Claim in batches: one claim per finished job would cost more than the jobs themselves.
    if (room <= 0 || (holding > 0 && room < this.batchSize / 2)) return 0
    this.kicked = false
    const busyLanes = new Set(this.held.keys())
    for (const [lane, n] of this.runningByLane) if (n >= this.perLane) busyLanes.add(lane)
    const { store, clock, handlers, logger } = this.options
    const { jobs, loaded } = await this.share.run(
      async () => {
        const jobs = await store.jobs.claim({
          now: clock.now(),
          leaseMs: this.leaseMs,
          limit: room,
          perLane: this.laneBatch,
          busyLanes: [...busyLanes],
        })
        const loaded = new Map<number, unknown>()
        for (const kind of new Set(jobs.map((job) => job.kind))) {
          const load = handlers[kind].load
          if (!load) continue
          // Without what load() reads, each job reads its own in run(): slower, not wrong.
          const found = await load(jobs.filter((job) => job.kind === kind)).catch((error) => {
            logger.error(`jobs: loading ${kind} jobs failed`, error)
            return new Map<number, unknown>()
          })
          for (const [id, value] of found) loaded.set(id, value)
        }
        return { jobs, loaded }
      },
      () => this.stopping,
    )
    const claimedAt = clock.now()
    for (const job of jobs) {
      const lane = this.held.get(job.lane) ?? []
      lane.push({ job, loaded: loaded.get(job.id), claimedAt })
      this.held.set(job.lane, lane)
      this.heldCount++
    }
    this.startHeld()
    return jobs.length
  }

  /** Starts held jobs while this process and their lanes have room. */
  private startHeld(): void {
    for (const [lane, queue] of this.held) {
      while (
        queue.length > 0 &&
        this.running < this.concurrency &&
        (this.runningByLane.get(lane) ?? 0) < this.perLane
      ) {
        const next = queue.shift() as HeldJob
        this.heldCount--
        // Held past half its lease behind a slow lane: leave it to whoever claims it once the
        // lease runs out, rather than risk two processes running it at once.
        if (this.options.clock.now() - next.claimedAt > this.leaseMs / 2) continue
        this.startJob(next)
      }
      if (queue.length === 0) this.held.delete(lane)
    }
  }

  private startJob(held: HeldJob): void {
    const { lane } = held.job
    this.running++
    this.runningByLane.set(lane, (this.runningByLane.get(lane) ?? 0) + 1)
    const running: Promise<void> = this.runJob(held).finally(() => {
      this.inFlight.delete(running)
      this.running--
      const left = (this.runningByLane.get(lane) ?? 1) - 1
      if (left > 0) this.runningByLane.set(lane, left)
      else this.runningByLane.delete(lane)
      this.startHeld()
      this.closing.jobEnded()
    })
    this.inFlight.add(running)
  }

  private async runJob({ job, loaded }: HeldJob): Promise<void> {
    let result: unknown
    try {
      result = await this.options.handlers[job.kind].run(job, loaded)
    } catch (error) {
      await this.closing.fail(job, error)
      return
    }
    this.closing.add({ job, result })
  }
}
