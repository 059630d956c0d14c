import type { Db, SqlExecutor } from './db'
import { toIso } from './rows'
import { SUBSCRIBED_ENDPOINT_EXISTS } from './webhooks-store'

/** 'event' fans out to people and endpoints; 'mail' sends one coalesced email; 'webhook' one delivery. */
export type JobKind = 'event' | 'mail' | 'webhook'

export interface NewJob {
  projectId: string | null
  kind: JobKind
  /** Jobs sharing a lane are throttled together (one webhook endpoint, say). */
  lane: string
  payload: unknown
  runAt: number
  /** At most one queued job per key: a second insert with the key is dropped. */
  dedupeKey?: string
  now: number
}

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

/** Inserts a job inside the caller's transaction, so it commits (or not) with the change. */
export async function insertJob(tx: SqlExecutor, job: NewJob): Promise<number | null> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO jobs (project_id, kind, lane, payload, run_at, dedupe_key, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
     ON CONFLICT (dedupe_key) WHERE status = 'queued' AND dedupe_key IS NOT NULL DO NOTHING
     RETURNING id`,
    [
      job.projectId,
      job.kind,
      job.lane,
      JSON.stringify(job.payload),
      new Date(job.runAt),
      job.dedupeKey ?? null,
      new Date(job.now),
    ],
  )
  return row?.id ?? null
}

/** An event job, only if an endpoint of the project subscribes to `eventType`: one statement. */
export async function insertEventJobIfSubscribed(
  tx: SqlExecutor,
  projectId: string,
  eventType: string,
  payload: unknown,
  now: number,
): Promise<void> {
  await tx.query(
    `INSERT INTO jobs (project_id, kind, lane, payload, run_at, created_at, updated_at)
     SELECT $1, 'event', 'event:' || $1, $3, $4, $4, $4 WHERE ${SUBSCRIBED_ENDPOINT_EXISTS}`,
    [projectId, eventType, JSON.stringify(payload), new Date(now)],
  )
}

/** A queued job is due at run_at; a running one whose lease ran out belongs to a dead worker. */
function due(table: string): string {
  return `((${table}.status = 'queued' AND ${table}.run_at <= $1)
        OR (${table}.status = 'running' AND ${table}.locked_until < $1))`
}

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
    const rows = await this.db.query<JobRow>(
      `UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_until = $2, updated_at = $1
        WHERE id IN (
          SELECT j.id FROM jobs j
            JOIN (SELECT id, row_number() OVER (PARTITION BY lane ORDER BY run_at, id) AS rank
                    FROM (SELECT id, lane, run_at FROM jobs
                           WHERE ${due('jobs')} AND NOT (lane = ANY($5::text[]))
                           ORDER BY run_at, id LIMIT 200) due) ranked ON ranked.id = j.id
           WHERE ranked.rank <= $4 AND ${due('j')}
           ORDER BY j.run_at, j.id LIMIT $3
           FOR UPDATE OF j SKIP LOCKED)
        RETURNING id, project_id, kind, lane, payload, attempts, last_error, updated_at`,
      [
        new Date(input.now),
        new Date(input.now + input.leaseMs),
        input.limit,
        input.perLane,
        input.busyLanes,
      ],
    )
    return rows.map((row) => ({
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
