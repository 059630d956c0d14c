import { hashApiKey } from '../auth/api-key-format'
import type { Store } from '../store'
import type { FindKeyProject } from './mcp-route'

/**
 * The project a live key belongs to, read from the database on every /mcp request (one indexed
 * lookup), so a key revoked in any process is refused here at once. REST checks the key again
 * on every call a tool makes, with its scopes and limit.
 */
export function keyProjectFinder(store: Store): FindKeyProject {
  return async (key) => {
    const record = await store.apiKeys.findLiveByHash(hashApiKey(key))
    return record ? { projectId: record.projectId } : null
  }
}
