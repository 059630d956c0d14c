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
      try {
        return JSON.parse(storage.get(key) || '')
      } catch {
        return fallback
      }
    },
    write: (key, value) => storage.set(key, JSON.stringify(value)),
  }
}
