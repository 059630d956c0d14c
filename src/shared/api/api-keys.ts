/** Project API keys (spec/api.md "API keys, people, and feedback on a customer's behalf"). */

/** What a key may do in its project: read its admin routes, triage too, or all an admin may. */
export const API_KEY_SCOPES = ['read', 'write', 'admin'] as const
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number]

/** Every key starts with this, so a leaked one is recognisable (and secret scanners can match it). */
export const API_KEY_PREFIX = 'rq_'

/** A key's name: shown in the list and in the audit log as `api-key:{name}`. */
export const API_KEY_NAME_MAX_LENGTH = 80

/** What each scope lets a key do, in a sentence: the dashboard's choice and its list. */
export const API_KEY_SCOPE_SENTENCES: Record<ApiKeyScope, string> = {
  read: 'Read: see the backlog, requests, companies, the changelog and the audit log; change nothing.',
  write:
    'Write: read, and also file requests, votes and comments, change statuses, write notes, merge and publish the changelog.',
  admin:
    'Admin: everything an admin may do in this project, settings and webhooks included (never members, invites or other keys).',
}

/** A key as the API shows it: never the key itself, which only the creation answer carries. */
export interface ApiKeyInfo {
  id: string
  name: string
  scopes: ApiKeyScope[]
  /** The key's first characters (`rq_` and 8 more), to tell keys apart. */
  prefix: string
  createdAt: string
  /** When the key was last used, to the minute; null if never. */
  lastUsedAt: string | null
}

/** `POST /v1/admin/projects/{pid}/api-keys` */
export interface NewApiKeyBody {
  name: string
  scopes: ApiKeyScope[]
}

/** The answer to creating a key: the only time `key` is ever shown. */
export interface CreatedApiKeyResponse {
  apiKey: ApiKeyInfo
  key: string
}

/** `GET /v1/admin/projects/{pid}/api-keys` */
export interface ApiKeysResponse {
  apiKeys: ApiKeyInfo[]
}
