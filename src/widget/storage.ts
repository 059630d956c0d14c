/**
 * localStorage that never throws: Safari private mode, sandboxed iframes and blocked
 * third-party storage all throw on access. Values then live in memory for this page view.
 */
export interface SafeStorage {
  get(key: string): string | undefined
  set(key: string, value: string): void
}

export function createSafeStorage(
  getStorage: () => Storage = () => window.localStorage,
): SafeStorage {
  const memory = new Map<string, string>()
  return {
    get(key) {
      try {
        const value = getStorage().getItem(key)
        if (value !== null) return value
      } catch {
        // Blocked storage: fall through to memory.
      }
      return memory.get(key)
    },
    set(key, value) {
      memory.set(key, value)
      try {
        getStorage().setItem(key, value)
      } catch {
        // Blocked or full storage: the memory copy is enough for this page view.
      }
    },
  }
}
