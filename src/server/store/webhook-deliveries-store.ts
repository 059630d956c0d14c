import { randomBytes } from 'node:crypto'
import type { WebhookDeliveryInfo } from '../../shared/notifications'
import type { Db, SqlExecutor } from './db'
import { toIso } from './rows'

/** A delivery as the dashboard sees it (WebhookDeliveryInfo), with what only the server needs. */
export interface WebhookDelivery extends WebhookDeliveryInfo {
  endpointId: string
  jobId: number | null
}

interface DeliveryRow {
  id: string
  endpoint_id: string
  event: string
  status: WebhookDelivery['status']
  attempts: number
  last_status_code: number | null
  last_error: string | null
  next_attempt_at: Date | string | null
  delivered_at: Date | string | null
  created_at: Date | string
  job_id: number | null
}

function toDelivery(row: DeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    endpointId: row.endpoint_id,
    event: row.event,
    status: row.status,
    attempts: row.attempts,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    nextAttemptAt: row.next_attempt_at ? toIso(row.next_attempt_at) : null,
    deliveredAt: row.delivered_at ? toIso(row.delivered_at) : null,
    createdAt: toIso(row.created_at),
    jobId: row.job_id,
  }
}

export function newDeliveryId(): string {
  return `msg_${randomBytes(12).toString('base64url')}`
}

export interface NewDelivery {
  id: string
  endpointId: string
  projectId: string
  event: string
  body: string
  /** The lane of the job that sends it (one per endpoint). */
  lane: string
}

/**
 * Deliveries and the jobs that send them, due at `now`, in one statement however many: an
 * event reaching three endpoints, or a batch of votes, costs one round trip.
 */
export async function insertDeliveries(
  tx: SqlExecutor,
  deliveries: NewDelivery[],
  now: number,
): Promise<void> {
  if (deliveries.length === 0) return
  const column = (pick: (d: NewDelivery) => string) => deliveries.map(pick)
  await tx.query(
    `WITH delivery AS (
       INSERT INTO webhook_deliveries (id, endpoint_id, project_id, event, body, next_attempt_at,
                                       created_at)
       SELECT id, endpoint_id, project_id, event, body, $7, $7
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
              AS d(id, endpoint_id, project_id, event, body)
     )
     INSERT INTO jobs (project_id, kind, lane, payload, run_at, created_at, updated_at)
     SELECT project_id, 'webhook', lane, jsonb_build_object('deliveryId', id), $7, $7, $7
       FROM unnest($1::text[], $3::text[], $6::text[]) WITH ORDINALITY AS d(id, project_id, lane, n)
      ORDER BY n`,
    [
      column((d) => d.id),
      column((d) => d.endpointId),
      column((d) => d.projectId),
      column((d) => d.event),
      column((d) => d.body),
      column((d) => d.lane),
      new Date(now),
    ],
  )
}

export interface DeliveryToSend {
  delivery: WebhookDelivery
  body: string
  url: string
  secret: string
}

/**
 * The webhook deliveries: queued with their jobs, sent by jobs/webhooks/webhook-job.ts, listed
 * and retried from the dashboard. The endpoints they go to are in webhooks-store.ts.
 */
export class WebhookDeliveriesStore {
  constructor(private readonly db: Db) {}

  /** The delivery with what sending it needs: the body and the endpoint's URL and secret. */
  async forSending(id: string): Promise<DeliveryToSend | null> {
    return (await this.forSendingMany([id])).get(id) ?? null
  }

  /** forSending for many deliveries in one statement, by delivery id; deleted ones are missing. */
  async forSendingMany(ids: string[]): Promise<Map<string, DeliveryToSend>> {
    const rows = await this.db.query<DeliveryRow & { body: string; url: string; secret: string }>(
      `SELECT d.*, e.url, e.secret FROM webhook_deliveries d
         JOIN webhook_endpoints e ON e.id = d.endpoint_id WHERE d.id = ANY($1::text[])`,
      [ids],
    )
    return new Map(
      rows.map((row) => [
        row.id,
        { delivery: toDelivery(row), body: row.body, url: row.url, secret: row.secret },
      ]),
    )
  }

  async list(projectId: string, endpointId: string, limit = 100): Promise<WebhookDelivery[]> {
    const rows = await this.db.query<DeliveryRow>(
      `SELECT * FROM webhook_deliveries WHERE project_id = $1 AND endpoint_id = $2
        ORDER BY created_at DESC, id DESC LIMIT $3`,
      [projectId, endpointId, limit],
    )
    return rows.map(toDelivery)
  }

  async find(projectId: string, endpointId: string, id: string): Promise<WebhookDelivery | null> {
    const [row] = await this.db.query<DeliveryRow>(
      'SELECT * FROM webhook_deliveries WHERE project_id = $1 AND endpoint_id = $2 AND id = $3',
      [projectId, endpointId, id],
    )
    return row ? toDelivery(row) : null
  }

  async recordAttempt(
    tx: SqlExecutor,
    id: string,
    result: {
      status: WebhookDelivery['status']
      statusCode: number | null
      error: string | null
      nextAttemptAt: number | null
      jobId: number | null
      now: number
    },
  ): Promise<void> {
    await tx.query(
      `UPDATE webhook_deliveries SET status = $2, attempts = attempts + 1, last_status_code = $3,
              last_error = $4, next_attempt_at = $5, job_id = $6,
              delivered_at = CASE WHEN $2 = 'delivered' THEN $7 ELSE delivered_at END
        WHERE id = $1`,
      [
        id,
        result.status,
        result.statusCode,
        result.error,
        result.nextAttemptAt === null ? null : new Date(result.nextAttemptAt),
        result.jobId,
        new Date(result.now),
      ],
    )
  }

  /** recordAttempt for deliveries that went through, in one statement. */
  async recordDelivered(
    tx: SqlExecutor,
    delivered: { id: string; statusCode: number }[],
    now: number,
  ): Promise<void> {
    await tx.query(
      `UPDATE webhook_deliveries d SET status = 'delivered', attempts = d.attempts + 1,
              last_status_code = done.status_code, last_error = NULL, next_attempt_at = NULL,
              job_id = NULL, delivered_at = $3
         FROM unnest($1::text[], $2::int[]) AS done(id, status_code)
        WHERE d.id = done.id`,
      [delivered.map((d) => d.id), delivered.map((d) => d.statusCode), new Date(now)],
    )
  }

  /** "Retry now": the delivery is pending again, due now. */
  async markPending(tx: SqlExecutor, id: string, now: number): Promise<void> {
    await tx.query(
      `UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = $2 WHERE id = $1`,
      [id, new Date(now)],
    )
  }
}
