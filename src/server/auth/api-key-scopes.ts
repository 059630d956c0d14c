import type { ApiKeyScope } from '../../shared/api/api-keys'
import type { Permission } from '../../shared/roles'
import { forbidden, notFound } from '../errors'
import { permissionFor } from './admin-route-permissions'
import type { ApiKeyCaller } from './api-key-cache'

/**
 * What each scope grants, in the role table's permissions (auth/admin-route-permissions.ts
 * names the one each route needs): `read` is the viewer's, `write` the member's, `admin` the
 * admin's. No scope holds `manage_members`.
 */
export const SCOPE_PERMISSIONS: Record<ApiKeyScope, readonly Permission[]> = {
  read: ['view'],
  write: ['view', 'triage'],
  admin: ['view', 'triage', 'configure'],
}

const isRead = (method: string) => {
  const upper = method.toUpperCase()
  return upper === 'GET' || upper === 'HEAD'
}

/** Whether a key with these scopes may use a route needing `permission` with `method`. */
export function scopesPermit(
  scopes: readonly ApiKeyScope[],
  permission: Permission,
  method: string,
): boolean {
  return scopes.some(
    (scope) =>
      SCOPE_PERMISSIONS[scope].includes(permission) &&
      // A read-only key never writes, whatever a route's listed permission.
      (scope !== 'read' || isRead(method)),
  )
}

/** `/v1/admin/projects/{pid}` and below: the project, and the rest of the path. */
const PROJECT_PATH = /^\/v1\/admin\/projects\/([^/]+)(\/.*)?$/
/** Below a project, what a key never reaches: the keys themselves. */
const KEYS_PATH = /^\/api-keys(\/|$)/

/**
 * Throws unless the key may make this call: only its own project's routes (another project:
 * 404 project_not_found, as if it did not exist), never the team, the project list, creation
 * or the keys (403), and within its scopes (403). `path` is the routed (decoded) path.
 */
export function assertApiKeyMay(key: ApiKeyCaller, method: string, path: string): void {
  const match = PROJECT_PATH.exec(path)
  if (!match?.[1])
    throw forbidden(
      'An API key works only on its own project: /v1/admin/projects/{its project id} and below.',
    )
  if (match[1] !== key.projectId) throw notFound.project(match[1])
  if (KEYS_PATH.test(match[2] ?? ''))
    throw forbidden(
      'API keys are managed in the dashboard, by an owner or admin, never with a key.',
    )
  const permission = permissionFor(method, path)
  if (!scopesPermit(key.scopes, permission, method))
    throw forbidden(
      `This key's scopes (${key.scopes.join(', ')}) do not allow this; it needs ${neededScope(permission, method)}.`,
    )
}

/** The least scope that would do, in words, for the 403's message. */
function neededScope(permission: Permission, method: string): string {
  if (permission === 'manage_members') return 'a team owner (no key may)'
  if (scopesPermit(['read'], permission, method)) return 'the read scope'
  if (scopesPermit(['write'], permission, method)) return 'the write scope'
  return 'the admin scope'
}
