/**
 * A Map that forgets its least recently used keys past `maxKeys`, one at a time. Used by every
 * limiter so a flood of new keys pushes out the oldest ones instead of resetting everyone.
 */
export class LruMap<V> {
  private readonly byKey = new Map<string, V>()

  constructor(private readonly maxKeys: number) {}

  get(key: string): V | undefined {
    const value = this.byKey.get(key)
    if (value === undefined) return undefined
    // Re-inserting moves the key to the young end of the Map's insertion order.
    this.byKey.delete(key)
    this.byKey.set(key, value)
    return value
  }

  set(key: string, value: V): void {
    this.byKey.delete(key)
    this.byKey.set(key, value)
    while (this.byKey.size > this.maxKeys) {
      const oldest = this.byKey.keys().next().value
      if (oldest === undefined) break
      this.byKey.delete(oldest)
    }
  }

  delete(key: string): void {
    this.byKey.delete(key)
  }

  /** Every entry, oldest first, without making any of them younger. */
  entries(): IterableIterator<[string, V]> {
    return this.byKey.entries()
  }

  get size(): number {
    return this.byKey.size
  }
}
