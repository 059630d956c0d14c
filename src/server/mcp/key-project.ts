import { createHash } from 'node:crypto'
import type { Store } from '../store'
import type { FindKeyProject } from './mcp-route'

// TEMPORARY until the keys branch is merged: its store and hash, reached without importing them.
interface LiveKeys {
  findLiveByHash(keyHash: string): Promise<{ projectId: string } | null>
}
const hashApiKey = (key: string) => createHash('sha256').update(key).digest('base64url')

/**
 * The project a live key belongs to, read from the database on every /mcp request (one indexed
 * lookup), so a key revoked in any process is refused here at once. REST checks the key again
 * on every call a tool makes, with its scopes and limit.
 */
export function keyProjectFinder(store: Store): FindKeyProject {
  return async (key) => {
    const apiKeys = (store as unknown as { apiKeys?: LiveKeys }).apiKeys
    const record = apiKeys ? await apiKeys.findLiveByHash(hashApiKey(key)) : null
    return record ? { projectId: record.projectId } : null
  }
}
