import { createHash, randomBytes } from 'node:crypto'
import { API_KEY_PREFIX } from '../../shared/api/api-keys'

/** Random bytes in a key: 256 bits, so guessing one is out of reach and sha256 suffices. */
const KEY_BYTES = 32
/** Characters of the random part kept for display, after `rq_`. */
const DISPLAY_CHARACTERS = 8

export interface NewApiKey {
  /** `rq_` + base64url of 32 random bytes: given to the caller once, never stored. */
  key: string
  /** What the database keeps instead of the key. */
  hash: string
  /** `rq_` and the first characters of the key, to tell keys apart in a list. */
  prefix: string
}

export function newApiKey(): NewApiKey {
  const key = `${API_KEY_PREFIX}${randomBytes(KEY_BYTES).toString('base64url')}`
  return {
    key,
    hash: hashApiKey(key),
    prefix: key.slice(0, API_KEY_PREFIX.length + DISPLAY_CHARACTERS),
  }
}

/**
 * sha256, not a slow hash: a key carries 256 random bits, so slowing down the lookup every
 * request makes would protect nothing (a slow hash protects guessable passwords).
 */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('base64url')
}

/** Whether a bearer credential is meant as an API key (the admin token is anything else). */
export function looksLikeApiKey(credential: string): boolean {
  return credential.startsWith(API_KEY_PREFIX)
}
