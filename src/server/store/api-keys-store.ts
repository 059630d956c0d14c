import { randomBytes } from 'node:crypto'
import { API_KEY_SCOPES, type ApiKeyScope } from '../../shared/api/api-keys'
import type { Db, SqlExecutor } from './db'
import { toIso } from './rows'

/** A key as stored: never the key itself, only its hash (auth/api-key-format.ts makes both). */
export interface ApiKeyRecord {
  id: string
  projectId: string
  name: string
  scopes: ApiKeyScope[]
  prefix: string
  createdBy: string
  createdAt: string
  lastUsedAt: string | null
  revokedAt: string | null
}

interface ApiKeyRow {
  id: string
  project_id: string
  name: string
  scopes: string[]
  prefix: string
  created_by: string
  created_at: Date | string
  last_used_at: Date | string | null
  revoked_at: Date | string | null
}

/** Scopes in their canonical order; anything unknown (a hand-edited row) is dropped. */
function knownScopes(scopes: readonly string[]): ApiKeyScope[] {
  return API_KEY_SCOPES.filter((scope) => scopes.includes(scope))
}

function toApiKey(row: ApiKeyRow): ApiKeyRecord {
  return {
    id: row.id,
    projectId: row.project_id,
    name: row.name,
    scopes: knownScopes(row.scopes),
    prefix: row.prefix,
    createdBy: row.created_by,
    createdAt: toIso(row.created_at),
    lastUsedAt: row.last_used_at === null ? null : toIso(row.last_used_at),
    revokedAt: row.revoked_at === null ? null : toIso(row.revoked_at),
  }
}

const COLUMNS =
  'id, project_id, name, scopes, prefix, created_by, created_at, last_used_at, revoked_at'

/** A project's API keys (spec/api.md v3). The key's hash is written here and looked up, never read back. */
export class ApiKeysStore {
  constructor(private readonly db: Db) {}

  async create(
    input: {
      projectId: string
      name: string
      scopes: readonly ApiKeyScope[]
      keyHash: string
      prefix: string
      createdBy: string
      now: number
    },
    executor: SqlExecutor = this.db,
  ): Promise<ApiKeyRecord> {
    const [row] = await executor.query<ApiKeyRow>(
      `INSERT INTO api_keys (id, project_id, name, scopes, key_hash, prefix, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
      [
        `key_${randomBytes(9).toString('base64url')}`,
        input.projectId,
        input.name,
        knownScopes(input.scopes),
        input.keyHash,
        input.prefix,
        input.createdBy,
        new Date(input.now),
      ],
    )
    if (!row) throw new Error('API key not created')
    return toApiKey(row)
  }

  /** The project's keys still in force, oldest first. */
  async listLive(projectId: string): Promise<ApiKeyRecord[]> {
    const rows = await this.db.query<ApiKeyRow>(
      `SELECT ${COLUMNS} FROM api_keys
        WHERE project_id = $1 AND revoked_at IS NULL ORDER BY created_at, id`,
      [projectId],
    )
    return rows.map(toApiKey)
  }

  /** The key whose hash this is, if it was never revoked. */
  async findLiveByHash(keyHash: string): Promise<ApiKeyRecord | null> {
    const [row] = await this.db.query<ApiKeyRow>(
      `SELECT ${COLUMNS} FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL`,
      [keyHash],
    )
    return row ? toApiKey(row) : null
  }

  /** Revokes a live key of the project; null when there is none by that id. */
  async revoke(
    projectId: string,
    id: string,
    now: number,
    executor: SqlExecutor = this.db,
  ): Promise<ApiKeyRecord | null> {
    const [row] = await executor.query<ApiKeyRow>(
      `UPDATE api_keys SET revoked_at = $3
        WHERE project_id = $1 AND id = $2 AND revoked_at IS NULL RETURNING ${COLUMNS}`,
      [projectId, id, new Date(now)],
    )
    return row ? toApiKey(row) : null
  }

  /** Records a use; never moves the time back (processes touch it independently). */
  async touchLastUsed(id: string, now: number): Promise<void> {
    await this.db.query(
      `UPDATE api_keys SET last_used_at = $2
        WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $2)`,
      [id, new Date(now)],
    )
  }
}
