/**
 * A Map that forgets its least recently used keys past `maxKeys`, one at a time. Used by every
 * limiter so a flood of new keys pushes out the oldest ones instead of resetting everyone.
 */
export class LruMap<V> {
  private readonly entries = new Map<string, V>()

  constructor(private readonly maxKeys: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key)
    if (value === undefined) return undefined
    // Re-inserting moves the key to the young end of the Map's insertion order.
    this.entries.delete(key)
    this.entries.set(key, value)
    return value
  }

  set(key: string, value: V): void {
    this.entries.delete(key)
    this.entries.set(key, value)
    while (this.entries.size > this.maxKeys) {
      const oldest = this.entries.keys().next().value
      if (oldest === undefined) break
      this.entries.delete(oldest)
    }
  }

  delete(key: string): void {
    this.entries.delete(key)
  }

  get size(): number {
    return this.entries.size
  }
}
