import type { ApiKeyScope } from '../../shared/api/api-keys'
import type { Clock } from '../clock'
import { LruMap } from '../limits/lru-map'
import type { Store } from '../store'
import type { ApiKeyRecord } from '../store/api-keys-store'
import type { ProjectChange } from '../store/change-feed'

/** A key as a request acts with it: what the scope check, the audit log and replies need. */
export interface ApiKeyCaller {
  id: string
  projectId: string
  name: string
  scopes: ApiKeyScope[]
}

/** Keys remembered per process; an integration uses one or a few, so this is plenty. */
const MAX_KEYS = 10_000
/**
 * A safety net only: revocation drops a key everywhere at once through the change feed (and a
 * lost LISTEN connection drops them all); this bounds how long a row edited by hand is missed.
 */
const TTL_MS = 5 * 60_000
/** `last_used_at` is written at most this often per key and process, not on every request. */
export const LAST_USED_EVERY_MS = 60_000

interface Remembered {
  key: ApiKeyCaller
  expiresMs: number
}

const toCaller = (record: ApiKeyRecord): ApiKeyCaller => ({
  id: record.id,
  projectId: record.projectId,
  name: record.name,
  scopes: record.scopes,
})

/**
 * This process's memory of live API keys, by the key's hash: a known key is checked without a
 * database round trip. A revocation forgets the project's keys here and, through the store's
 * change feed (LISTEN/NOTIFY on PostgreSQL), in every other process before it answers
 * (routes/admin-api-keys.ts). Unknown and revoked keys are never remembered: each try is looked
 * up, and counted as a failure (auth/api-key-auth.ts).
 */
export class ApiKeyCache {
  private readonly byHash = new Map<string, Remembered>()
  private readonly lastUsedWrites = new LruMap<number>(MAX_KEYS)
  /** Bumped by every drop: a lookup that started before one must not store what it read. */
  private generation = 0

  constructor(
    private readonly store: Pick<Store, 'apiKeys' | 'changes'>,
    private readonly clock: Clock,
  ) {
    store.changes.subscribe((change) => this.drop(change))
  }

  /** The live key with this hash, or null (unknown, or revoked). */
  async find(keyHash: string): Promise<ApiKeyCaller | null> {
    const remembered = this.byHash.get(keyHash)
    if (remembered && this.clock.now() < remembered.expiresMs) return remembered.key
    if (remembered) this.byHash.delete(keyHash)
    const generation = this.generation
    const record = await this.store.apiKeys.findLiveByHash(keyHash)
    if (!record) return null
    const key = toCaller(record)
    if (generation === this.generation) this.remember(keyHash, key)
    return key
  }

  /** Forgets this process's copies of the project's keys (others hear it through the feed). */
  forgetProject(projectId: string): void {
    this.drop({ projectId, scope: 'project' })
  }

  /** True at most once per LAST_USED_EVERY_MS per key: time to write `last_used_at`. */
  dueForLastUsed(keyId: string, now: number): boolean {
    const written = this.lastUsedWrites.get(keyId)
    if (written !== undefined && now - written < LAST_USED_EVERY_MS) return false
    this.lastUsedWrites.set(keyId, now)
    return true
  }

  /** Keys remembered now (tests and the bench watch it). */
  get size(): number {
    return this.byHash.size
  }

  private remember(keyHash: string, key: ApiKeyCaller): void {
    this.byHash.delete(keyHash)
    this.byHash.set(keyHash, { key, expiresMs: this.clock.now() + TTL_MS })
    // Map keeps insertion order: the first key is the one remembered longest ago.
    while (this.byHash.size > MAX_KEYS) {
      const oldest = this.byHash.keys().next().value
      if (oldest === undefined) break
      this.byHash.delete(oldest)
    }
  }

  /**
   * Keys change only with the project scope (a revocation publishes it); the request lists'
   * invalidations, one per vote, leave them be.
   */
  private drop(change: ProjectChange): void {
    if (change.projectId !== '*' && change.scope !== 'project') return
    this.generation++
    if (change.projectId === '*') {
      this.byHash.clear()
      return
    }
    for (const [hash, remembered] of this.byHash)
      if (remembered.key.projectId === change.projectId) this.byHash.delete(hash)
  }
}
