import type { Clock } from '../clock'
import { LruMap } from './lru-map'

/**
 * How many distinct members (e.g. anonymous ids) one key (e.g. project and IP) has shown per
 * window: a member already seen in the window is always let through, a new one only while
 * fewer than `limit` were seen. Each key holds at most `limit` members, and keys are LRU-bounded.
 */
export class DistinctCounter {
  private readonly windows: LruMap<{ startMs: number; members: Set<string> }>

  constructor(
    private readonly clock: Clock,
    maxKeys = 50_000,
  ) {
    this.windows = new LruMap(maxKeys)
  }

  admit(
    key: string,
    member: string,
    limit: number,
    windowMs: number,
  ): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
    const now = this.clock.now()
    let window = this.windows.get(key)
    if (!window || now - window.startMs >= windowMs) {
      window = { startMs: now, members: new Set() }
      this.windows.set(key, window)
    }
    if (window.members.has(member)) return { allowed: true }
    if (window.members.size >= limit) {
      const waitMs = window.startMs + windowMs - now
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) }
    }
    window.members.add(member)
    return { allowed: true }
  }
}
