import { randomBytes } from 'node:crypto'
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

interface EndpointRow {
  id: string
  project_id: string
  url: string
  events: string[] | null
  secret: string
  created_at: Date | string
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

/** Standard Webhooks secrets: `whsec_` + base64 of 24 random bytes. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`
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

  /** Which events the endpoint hears from now on (null: all); deliveries already queued stay. */
  async setEvents(
    projectId: string,
    id: string,
    events: string[] | null,
  ): Promise<WebhookEndpoint | null> {
    const [row] = await this.db.query<EndpointRow>(
      'UPDATE webhook_endpoints SET events = $3 WHERE project_id = $1 AND id = $2 RETURNING *',
      [projectId, id, events],
    )
    return row ? toEndpoint(row) : null
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
}
