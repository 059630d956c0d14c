import type { SqlExecutor } from '../store/db'
import type { ClaimedJob } from '../store/jobs-store'

/** A job whose run succeeded, waiting for the transaction that removes it. */
export interface FinishedJob<Result = unknown> {
  job: ClaimedJob
  result: Result
}

/** What a kind of job does. `run` may do network I/O; the hooks run in short transactions. */
export interface JobHandler<Result = unknown, Loaded = unknown> {
  /** Seconds to wait after failed attempt 1, 2, …; past the last, the job ends "failed". */
  retrySeconds: readonly number[]
  /** Right after a claim: what the claimed jobs of this kind need, read in one query. */
  load?(jobs: ClaimedJob[]): Promise<Map<number, Loaded>>
  /** `loaded` is what load() answered for this job (undefined without load or an entry). */
  run(job: ClaimedJob, loaded: Loaded | undefined): Promise<Result>
  /**
   * In the transaction that removes finished jobs, one for many: record what the runs
   * achieved. If it throws, each job is closed again on its own, so one cannot hold back the rest.
   */
  onSuccess?(tx: SqlExecutor, done: FinishedJob<Result>[]): Promise<void>
  /** In the transaction that reschedules the job (nextAt) or ends it failed (nextAt null). */
  onFailure?(tx: SqlExecutor, job: ClaimedJob, error: unknown, nextAt: number | null): Promise<void>
}

/** Thrown by a handler when trying again cannot help (the endpoint was deleted, say). */
export class PermanentJobError extends Error {}

/**
 * A failure that names its earliest retry (a 429's Retry-After): the job waits for that or for
 * its schedule's next step, whichever is later. Past the schedule's last step it still fails.
 */
export class RetryAfterError extends Error {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message)
  }
}
