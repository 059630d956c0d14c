import type { Clock } from '../clock'

interface Entry<T> {
  value: T
  bytes: number
  expiresMs: number
}

/**
 * A short-lived cache bounded by an estimate of the bytes it holds, not only by entry count.
 * Least recently used entries go first when it is over budget, and expired ones are swept on
 * every write, so neither many keys nor big values can grow memory past `maxBytes`.
 */
export class BoundedTtlCache<T> {
  private readonly entries = new Map<string, Entry<T>>()
  private totalBytes = 0

  constructor(
    private readonly clock: Clock,
    private readonly options: { ttlMs: number; maxBytes: number; sizeOf: (value: T) => number },
  ) {}

  get(key: string): T | undefined {
    const entry = this.entries.get(key)
    if (!entry) return undefined
    this.remove(key, entry)
    if (this.clock.now() >= entry.expiresMs) return undefined
    this.entries.set(key, entry)
    this.totalBytes += entry.bytes
    return entry.value
  }

  set(key: string, value: T): void {
    const existing = this.entries.get(key)
    if (existing) this.remove(key, existing)
    const bytes = key.length * 2 + this.options.sizeOf(value)
    if (bytes > this.options.maxBytes) return
    this.sweepExpired()
    this.entries.set(key, { value, bytes, expiresMs: this.clock.now() + this.options.ttlMs })
    this.totalBytes += bytes
    for (const [oldKey, oldEntry] of this.entries) {
      if (this.totalBytes <= this.options.maxBytes) break
      this.remove(oldKey, oldEntry)
    }
  }

  delete(key: string): void {
    const entry = this.entries.get(key)
    if (entry) this.remove(key, entry)
  }

  clear(): void {
    this.entries.clear()
    this.totalBytes = 0
  }

  deleteByPrefix(prefix: string): void {
    for (const [key, entry] of this.entries) if (key.startsWith(prefix)) this.remove(key, entry)
  }

  /** The estimated size of what is held, for tests and the bench. */
  get bytes(): number {
    return this.totalBytes
  }

  private sweepExpired(): void {
    const now = this.clock.now()
    // Insertion order is close to expiry order (one TTL for all), so stop at the first live one.
    for (const [key, entry] of this.entries) {
      if (entry.expiresMs > now) break
      this.remove(key, entry)
    }
  }

  private remove(key: string, entry: Entry<T>): void {
    this.entries.delete(key)
    this.totalBytes -= entry.bytes
  }
}
