import type { Db, SqlExecutor } from './db'
import { toIso } from './rows'

/** 'event' fans out to people and endpoints; 'mail' sends one coalesced email; 'webhook' one delivery. */
/** `purge`: deleted requests past their 30 days (jobs/purge/purge-job.ts); `slack`: one Slack message (integrations/slack). */
export type JobKind = 'event' | 'mail' | 'webhook' | 'purge' | 'slack'

/** A job this worker holds until `leaseUntil`; `attempts` counts this run and fences the result. */
export interface ClaimedJob {
  id: number
  projectId: string | null
  kind: JobKind
  lane: string
  payload: unknown
  attempts: number
}

export interface FailedJob {
  id: number
  kind: JobKind
  attempts: number
  lastError: string | null
  payload: unknown
  updatedAt: string
}

interface JobRow {
  id: number
  project_id: string | null
  kind: JobKind
  lane: string
  payload: unknown
  attempts: number
  last_error: string | null
  updated_at: Date | string
}

const parseJson = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value)

/**
 * The jobs a claim may take, oldest first: queued ones that are due, and running ones whose
 * lease ran out (their worker died). Two index scans that each stop at the window, so a
 * backlog of thousands costs a claim no more than a backlog of 200.
 */
const CLAIM_WINDOW = 200
const DUE_WINDOW = `(SELECT id, lane, run_at FROM jobs
     WHERE status = 'queued' AND run_at <= $1 AND NOT (lane = ANY($5::text[]))
     ORDER BY run_at, id LIMIT ${CLAIM_WINDOW})
   UNION ALL
   (SELECT id, lane, run_at FROM jobs
     WHERE status = 'running' AND locked_until < $1 AND NOT (lane = ANY($5::text[]))
     ORDER BY run_at, id LIMIT ${CLAIM_WINDOW})`

/**
 * Whether a row is (still) due, written so the planner cannot use it to pick an index: the
 * locking scan must go by primary key over the few ids chosen, never over the whole backlog.
 * It is checked again on the row itself because under READ COMMITTED a concurrent claim may
 * have taken the row since the window was read.
 */
const STILL_DUE = `CASE j.status WHEN 'queued' THEN j.run_at <= $1
                   WHEN 'running' THEN j.locked_until < $1 ELSE false END`

/**
 * The durable queue. Every statement is short and none spans network I/O, so on the embedded
 * database (one connection) a worker never holds the API up for longer than one statement.
 */
export class JobsStore {
  constructor(private readonly db: Db) {}

  /**
   * Claims up to `limit` due jobs, at most `perLane` per lane and none from `busyLanes`, with
   * FOR UPDATE SKIP LOCKED: two processes never claim one job.
   */
  async claim(input: {
    now: number
    leaseMs: number
    limit: number
    perLane: number
    busyLanes: string[]
  }): Promise<ClaimedJob[]> {
    // The window and the per-lane ranks are computed once (MATERIALIZED, ARRAY): the embedded
    // database keeps no statistics, and left to itself the planner re-ranked the window for
    // every due row, a claim costing tens of milliseconds once a few hundred jobs waited.
    const rows = await this.db.query<JobRow>(
      `WITH due AS MATERIALIZED (
         SELECT id, lane, run_at FROM (${DUE_WINDOW}) candidates
          ORDER BY run_at, id LIMIT ${CLAIM_WINDOW}
       ), picked AS (
         SELECT j.id FROM jobs j
          WHERE j.id = ANY (ARRAY(
                  SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY lane
                                                                ORDER BY run_at, id) AS rank
                                    FROM due) ranked
                   WHERE rank <= $4))
            AND ${STILL_DUE}
          ORDER BY j.run_at, j.id LIMIT $3
          FOR UPDATE OF j SKIP LOCKED
       )
       UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_until = $2, updated_at = $1
         FROM picked WHERE jobs.id = picked.id
       RETURNING jobs.id, jobs.project_id, jobs.kind, jobs.lane, jobs.payload, jobs.attempts,
                 jobs.last_error, jobs.updated_at`,
      [
        new Date(input.now),
        new Date(input.now + input.leaseMs),
        input.limit,
        input.perLane,
        input.busyLanes,
      ],
    )
    // UPDATE … RETURNING keeps no order; oldest first is what the runner starts.
    return rows
      .sort((a, b) => a.id - b.id)
      .map((row) => ({
        id: row.id,
        projectId: row.project_id,
        kind: row.kind,
        lane: row.lane,
        payload: parseJson(row.payload),
        attempts: row.attempts,
      }))
  }

  /**
   * Removes a finished job inside `tx`; false when this worker no longer holds it (its lease
   * ran out and another claimed it), and the caller must then roll back what it did.
   */
  async complete(tx: SqlExecutor, job: ClaimedJob): Promise<boolean> {
    const rows = await tx.query(
      `DELETE FROM jobs WHERE id = $1 AND attempts = $2 AND status = 'running' RETURNING id`,
      [job.id, job.attempts],
    )
    return rows.length > 0
  }

  /**
   * Removes finished jobs inside `tx` in one statement; answers the ids this worker still held.
   * The caller records results only for those: the others ran past their lease.
   */
  async completeMany(tx: SqlExecutor, jobs: ClaimedJob[]): Promise<Set<number>> {
    const rows = await tx.query<{ id: number }>(
      `DELETE FROM jobs j USING unnest($1::bigint[], $2::int[]) AS f(id, attempts)
        WHERE j.id = f.id AND j.attempts = f.attempts AND j.status = 'running'
        RETURNING j.id`,
      [jobs.map((job) => job.id), jobs.map((job) => job.attempts)],
    )
    return new Set(rows.map((row) => Number(row.id)))
  }

  /**
   * Hands back claimed jobs this worker never started (it is stopping): queued again at once,
   * the claim not counted as an attempt, instead of waiting out their lease.
   */
  async release(jobs: ClaimedJob[]): Promise<void> {
    if (jobs.length === 0) return
    await this.db.query(
      `UPDATE jobs j SET status = 'queued', attempts = j.attempts - 1, locked_until = NULL
         FROM unnest($1::bigint[], $2::int[]) AS f(id, attempts)
        WHERE j.id = f.id AND j.attempts = f.attempts AND j.status = 'running'`,
      [jobs.map((job) => job.id), jobs.map((job) => job.attempts)],
    )
  }

  /** Puts the job back for `runAt`, or marks it failed for good when runAt is null. */
  async reschedule(
    tx: SqlExecutor,
    job: ClaimedJob,
    runAt: number | null,
    error: string,
    now: number,
  ): Promise<boolean> {
    const rows = await tx.query(
      `UPDATE jobs SET status = $3, run_at = coalesce($4, run_at), locked_until = NULL,
              last_error = $5, updated_at = $6
        WHERE id = $1 AND attempts = $2 AND status = 'running' RETURNING id`,
      [
        job.id,
        job.attempts,
        runAt === null ? 'failed' : 'queued',
        runAt === null ? null : new Date(runAt),
        error.slice(0, 1000),
        new Date(now),
      ],
    )
    return rows.length > 0
  }

  /** A failed or waiting job runs again now (the dashboard's "retry now"). */
  async retryNow(id: number, now: number, projectId: string): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE jobs SET status = 'queued', run_at = $2, updated_at = $2
        WHERE id = $1 AND project_id = $3 AND status IN ('queued', 'failed') RETURNING id`,
      [id, new Date(now), projectId],
    )
    return rows.length > 0
  }

  /** Removes the waiting (not running) jobs of a webhook delivery, before queueing a fresh one. */
  async cancelWebhookJobs(tx: SqlExecutor, deliveryId: string): Promise<void> {
    await tx.query(
      `DELETE FROM jobs WHERE kind = 'webhook' AND status <> 'running'
          AND payload->>'deliveryId' = $1`,
      [deliveryId],
    )
  }

  /**
   * Reclaims the rows of finished jobs and refreshes the planner's statistics. PostgreSQL's
   * autovacuum does this on its own; the embedded database runs none, and every job leaves
   * dead rows behind (queued, claimed, removed), so the runner calls this now and then there.
   */
  async vacuum(): Promise<void> {
    await this.db.exec('VACUUM (ANALYZE) jobs')
  }

  /** When the next queued job is due (epoch ms), or null: how long an idle worker may sleep. */
  async nextDueAt(): Promise<number | null> {
    const [row] = await this.db.query<{ at: Date | string | null }>(
      `SELECT min(at) AS at FROM (
         SELECT min(run_at) AS at FROM jobs WHERE status = 'queued'
         UNION ALL SELECT min(locked_until) FROM jobs WHERE status = 'running') t`,
    )
    return row?.at ? new Date(row.at).getTime() : null
  }

  async listFailed(projectId: string, limit = 100): Promise<FailedJob[]> {
    const rows = await this.db.query<JobRow>(
      `SELECT * FROM jobs WHERE project_id = $1 AND status = 'failed'
        ORDER BY updated_at DESC, id DESC LIMIT $2`,
      [projectId, limit],
    )
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      attempts: row.attempts,
      lastError: row.last_error,
      payload: parseJson(row.payload),
      updatedAt: toIso(row.updated_at),
    }))
  }

  async counts(projectId?: string): Promise<Record<'queued' | 'running' | 'failed', number>> {
    const rows = await this.db.query<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM jobs
        WHERE $1::text IS NULL OR project_id = $1 GROUP BY status`,
      [projectId ?? null],
    )
    const counts = { queued: 0, running: 0, failed: 0 }
    for (const row of rows) counts[row.status as keyof typeof counts] = row.n
    return counts
  }
}
