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
  if (crypto.randomUUID) return crypto.randomUUID()
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  // Byte 6 carries the version (4), byte 8 the variant (10xx).
  const hex = Array.from(bytes, (byte, i) =>
    (i === 6 ? (byte & 15) | 64 : i === 8 ? (byte & 63) | 128 : byte).toString(16).padStart(2, '0'),
  ).join('')
  return hex.replace(/(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-')
}
