import { createSafeStorage } from '../storage'

export interface JsonStore {
  /** The stored value, or the fallback when there is none or it is not JSON. */
  read<T>(key: string, fallback: T): T
  write(key: string, value: unknown): void
}

/** JSON in localStorage, through the core's storage that never throws (memory fallback). */
export function createJsonStore(): JsonStore {
  const storage = createSafeStorage()
  return {
    read(key, fallback) {
      const stored = storage.get(key)
      // Nothing stored is the common case: answered without a thrown (and slow) SyntaxError.
      if (!stored) return fallback
      try {
        return JSON.parse(stored)
      } catch {
        return fallback
      }
    },
    write: (key, value) => storage.set(key, JSON.stringify(value)),
  }
}
