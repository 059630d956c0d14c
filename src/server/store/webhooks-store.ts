import { randomBytes } from 'node:crypto'
import type { WebhookDeliveryInfo } from '../../shared/notifications'
import type { Db, SqlExecutor } from './db'
import { toIso } from './rows'

export interface WebhookEndpoint {
  id: string
  projectId: string
  url: string
  /** null: every event. */
  events: string[] | null
  createdAt: string
}

/** A delivery as the dashboard sees it (WebhookDeliveryInfo), with what only the server needs. */
export interface WebhookDelivery extends WebhookDeliveryInfo {
  endpointId: string
  jobId: number | null
}

interface EndpointRow {
  id: string
  project_id: string
  url: string
  events: string[] | null
  secret: string
  created_at: Date | string
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

function toEndpoint(row: EndpointRow): WebhookEndpoint {
  return {
    id: row.id,
    projectId: row.project_id,
    url: row.url,
    events: row.events,
    createdAt: toIso(row.created_at),
  }
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

/** Standard Webhooks secrets: `whsec_` + base64 of 24 random bytes. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`
}

export function newDeliveryId(): string {
  return `msg_${randomBytes(12).toString('base64url')}`
}

/** Endpoints of the project subscribed to `event` (events NULL = all). */
export async function subscribedEndpoints(
  sql: SqlExecutor,
  projectId: string,
  event: string,
): Promise<WebhookEndpoint[]> {
  const rows = await sql.query<EndpointRow>(
    `SELECT * FROM webhook_endpoints
      WHERE project_id = $1 AND (events IS NULL OR $2 = ANY(events)) ORDER BY created_at, id`,
    [projectId, event],
  )
  return rows.map(toEndpoint)
}

/** The condition enqueueEvent uses to skip events nobody listens to (votes), in one statement. */
export const SUBSCRIBED_ENDPOINT_EXISTS = `EXISTS (SELECT 1 FROM webhook_endpoints
  WHERE project_id = $1 AND (events IS NULL OR $2 = ANY(events)))`

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

export class WebhooksStore {
  constructor(private readonly db: Db) {}

  async create(input: {
    projectId: string
    url: string
    events: string[] | null
    now: number
  }): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
    const secret = newWebhookSecret()
    const [row] = await this.db.query<EndpointRow>(
      `INSERT INTO webhook_endpoints (id, project_id, url, events, secret, created_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
      [
        `wh_${randomBytes(9).toString('base64url')}`,
        input.projectId,
        input.url,
        input.events,
        secret,
        new Date(input.now),
      ],
    )
    if (!row) throw new Error('webhook endpoint not created')
    return { endpoint: toEndpoint(row), secret }
  }

  async list(projectId: string): Promise<WebhookEndpoint[]> {
    const rows = await this.db.query<EndpointRow>(
      'SELECT * FROM webhook_endpoints WHERE project_id = $1 ORDER BY created_at, id',
      [projectId],
    )
    return rows.map(toEndpoint)
  }

  async find(
    projectId: string,
    id: string,
  ): Promise<(WebhookEndpoint & { secret: string }) | null> {
    const [row] = await this.db.query<EndpointRow>(
      'SELECT * FROM webhook_endpoints WHERE project_id = $1 AND id = $2',
      [projectId, id],
    )
    return row ? { ...toEndpoint(row), secret: row.secret } : null
  }

  async rotateSecret(projectId: string, id: string): Promise<string | null> {
    const secret = newWebhookSecret()
    const rows = await this.db.query(
      'UPDATE webhook_endpoints SET secret = $3 WHERE project_id = $1 AND id = $2 RETURNING id',
      [projectId, id, secret],
    )
    return rows.length > 0 ? secret : null
  }

  /** Deletes the endpoint, its delivery log and its waiting deliveries. */
  async delete(projectId: string, id: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      await tx.query(
        `DELETE FROM jobs WHERE kind = 'webhook' AND lane = $1 AND status <> 'running'`,
        [`webhook:${id}`],
      )
      const rows = await tx.query(
        'DELETE FROM webhook_endpoints WHERE project_id = $1 AND id = $2 RETURNING id',
        [projectId, id],
      )
      return rows.length > 0
    })
  }

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

  async deliveries(projectId: string, endpointId: string, limit = 100): Promise<WebhookDelivery[]> {
    const rows = await this.db.query<DeliveryRow>(
      `SELECT * FROM webhook_deliveries WHERE project_id = $1 AND endpoint_id = $2
        ORDER BY created_at DESC, id DESC LIMIT $3`,
      [projectId, endpointId, limit],
    )
    return rows.map(toDelivery)
  }

  async findDelivery(
    projectId: string,
    endpointId: string,
    id: string,
  ): Promise<WebhookDelivery | null> {
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
