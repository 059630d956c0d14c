import type { Db } from './db'
import { toIso } from './rows'

/** The tools a project can connect (spec/api.md v3 "The team's tools"). */
export const INTEGRATION_KINDS = ['slack', 'github', 'linear'] as const
export type IntegrationKind = (typeof INTEGRATION_KINDS)[number]

/**
 * One connected tool, as stored. `token` and `inboundSecret` are for the server's own use
 * (calling the tracker, checking its webhooks): no answer carries them after the call that
 * set them.
 */
export interface IntegrationRecord<Settings = Record<string, unknown>> {
  projectId: string
  kind: IntegrationKind
  settings: Settings
  token: string | null
  inboundSecret: string | null
  createdAt: string
  updatedAt: string
}

interface IntegrationRow {
  project_id: string
  kind: IntegrationKind
  settings: Record<string, unknown> | string
  token: string | null
  inbound_secret: string | null
  created_at: Date | string
  updated_at: Date | string
}

const COLUMNS = 'project_id, kind, settings, token, inbound_secret, created_at, updated_at'

function toRecord<Settings>(row: IntegrationRow): IntegrationRecord<Settings> {
  return {
    projectId: row.project_id,
    kind: row.kind,
    settings: (typeof row.settings === 'string'
      ? JSON.parse(row.settings)
      : row.settings) as Settings,
    token: row.token,
    inboundSecret: row.inbound_secret,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  }
}

/** A project's Slack, GitHub and Linear set-ups: one row per kind, replaced whole. */
export class IntegrationsStore {
  constructor(private readonly db: Db) {}

  async find<Settings = Record<string, unknown>>(
    projectId: string,
    kind: IntegrationKind,
  ): Promise<IntegrationRecord<Settings> | null> {
    const [row] = await this.db.query<IntegrationRow>(
      `SELECT ${COLUMNS} FROM integrations WHERE project_id = $1 AND kind = $2`,
      [projectId, kind],
    )
    return row ? toRecord<Settings>(row) : null
  }

  async list(projectId: string): Promise<IntegrationRecord[]> {
    const rows = await this.db.query<IntegrationRow>(
      `SELECT ${COLUMNS} FROM integrations WHERE project_id = $1 ORDER BY kind`,
      [projectId],
    )
    return rows.map((row) => toRecord(row))
  }

  /** Creates or replaces the project's set-up of `kind` (created_at stays the first one's). */
  async put(input: {
    projectId: string
    kind: IntegrationKind
    settings: Record<string, unknown>
    token: string | null
    inboundSecret: string | null
    now: number
  }): Promise<IntegrationRecord> {
    const [row] = await this.db.query<IntegrationRow>(
      `INSERT INTO integrations (project_id, kind, settings, token, inbound_secret, created_at, updated_at)
       VALUES ($1, $2, $3::jsonb, $4, $5, $6, $6)
       ON CONFLICT (project_id, kind) DO UPDATE
         SET settings = EXCLUDED.settings, token = EXCLUDED.token,
             inbound_secret = EXCLUDED.inbound_secret, updated_at = EXCLUDED.updated_at
       RETURNING ${COLUMNS}`,
      [
        input.projectId,
        input.kind,
        JSON.stringify(input.settings),
        input.token,
        input.inboundSecret,
        new Date(input.now),
      ],
    )
    if (!row) throw new Error('integration upsert returned no row')
    return toRecord(row)
  }

  /** True when there was a set-up to remove. */
  async remove(projectId: string, kind: IntegrationKind): Promise<boolean> {
    const rows = await this.db.query<{ kind: string }>(
      'DELETE FROM integrations WHERE project_id = $1 AND kind = $2 RETURNING kind',
      [projectId, kind],
    )
    return rows.length > 0
  }
}
