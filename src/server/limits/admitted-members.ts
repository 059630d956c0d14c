import { LruMap } from './lru-map'

/**
 * Members a shared distinct-member window has let in, remembered by this process: once in, a
 * member stays in for the rest of that window, so asking PostgreSQL again would only cost a
 * round trip. Only admissions are remembered; a refusal is always asked again.
 */
export class AdmittedMembers {
  private readonly windowStarts: LruMap<number>

  constructor(maxEntries = 100_000) {
    this.windowStarts = new LruMap(maxEntries)
  }

  has(key: string, member: string, windowMs: number, now: number): boolean {
    return this.windowStarts.get(`${key}\u0000${member}`) === windowStartOf(now, windowMs)
  }

  remember(key: string, member: string, windowMs: number, now: number): void {
    this.windowStarts.set(`${key}\u0000${member}`, windowStartOf(now, windowMs))
  }
}

/** The same aligned windows as PostgresLimits.admit. */
const windowStartOf = (now: number, windowMs: number) => Math.floor(now / windowMs) * windowMs
