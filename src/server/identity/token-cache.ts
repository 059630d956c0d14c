/**
 * A bounded map of verified tokens so a token seen again skips the HMAC and JSON work.
 * Entries carry their own expiry (never past the token's exp) and the oldest entry is evicted
 * first when full. Per process: each app server warms its own.
 */
export class TokenCache<T> {
  private readonly entries = new Map<string, { value: T; validUntilMs: number }>()

  constructor(private readonly maxEntries: number) {}

  get(key: string, nowMs: number): T | undefined {
    const entry = this.entries.get(key)
    if (!entry) return undefined
    if (nowMs >= entry.validUntilMs) {
      this.entries.delete(key)
      return undefined
    }
    return entry.value
  }

  set(key: string, value: T, validUntilMs: number): void {
    if (this.entries.has(key)) this.entries.delete(key)
    else if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value
      if (oldest !== undefined) this.entries.delete(oldest)
    }
    this.entries.set(key, { value, validUntilMs })
  }

  /** Drops every entry whose key starts with the prefix (e.g. one project on rotation). */
  deleteByPrefix(prefix: string): void {
    for (const key of this.entries.keys()) if (key.startsWith(prefix)) this.entries.delete(key)
  }

  get size(): number {
    return this.entries.size
  }
}
