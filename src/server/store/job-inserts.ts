import type { SqlExecutor } from './db'
import type { JobKind } from './jobs-store'
import { SLACK_HEARS_EVENT } from './slack-facts'
import { SUBSCRIBED_ENDPOINT_EXISTS } from './webhooks-store'

/** How a change puts work on the queue: inside its own transaction, so it commits with it. */
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

/**
 * An event job, only if an endpoint of the project subscribes to `eventType` or its Slack
 * channel hears it: one statement. Answers whether it was queued.
 */
export async function insertEventJobIfSubscribed(
  tx: SqlExecutor,
  projectId: string,
  eventType: string,
  payload: unknown,
  now: number,
): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO jobs (project_id, kind, lane, payload, run_at, created_at, updated_at)
     SELECT $1, 'event', 'event:' || $1, $3, $4, $4, $4 WHERE ${SUBSCRIBED_ENDPOINT_EXISTS} OR ${SLACK_HEARS_EVENT}
     RETURNING id`,
    [projectId, eventType, JSON.stringify(payload), new Date(now)],
  )
  return rows.length > 0
}
