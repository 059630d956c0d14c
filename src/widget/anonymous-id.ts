import type { SafeStorage } from './storage'

const ANONYMOUS_ID_KEY = 'reqio:anonymous-id'

/** The anonymous id every request carries; created on first use, replaced on reset(). */
export interface AnonymousIdStore {
  get(): string
  renew(): string
}

export function createAnonymousIdStore(storage: SafeStorage): AnonymousIdStore {
  function renew(): string {
    const id = randomUuid()
    storage.set(ANONYMOUS_ID_KEY, id)
    return id
  }
  return {
    get: () => storage.get(ANONYMOUS_ID_KEY) || renew(),
    renew,
  }
}

/**
 * A version 4 UUID. crypto.randomUUID exists only in secure contexts (not on plain-http
 * customer sites), while getRandomValues works everywhere.
 */
export function randomUuid(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
