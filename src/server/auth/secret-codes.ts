import { createHash, randomBytes } from 'node:crypto'

/** 32 random bytes, base64url: session ids and invite codes. Only their hash is stored. */
export function newSecretCode(): string {
  return randomBytes(32).toString('base64url')
}

/**
 * sha256, not a slow hash: the code has 256 bits of entropy, so nothing is gained by slowing
 * down a lookup that runs on every dashboard call.
 */
export function hashSecretCode(code: string): string {
  return createHash('sha256').update(code).digest('base64url')
}
