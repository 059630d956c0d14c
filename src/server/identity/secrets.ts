import { randomBytes } from 'node:crypto'

/** A project signing secret: 32 random bytes, base64url. Customers use the string itself as the HMAC key. */
export function generateSecret(): string {
  return randomBytes(32).toString('base64url')
}

/** Rotation keeps the previous secret valid this long unless the admin says otherwise. */
export const DEFAULT_ROTATION_GRACE_SECONDS = 24 * 60 * 60
export const MAX_ROTATION_GRACE_SECONDS = 30 * 24 * 60 * 60
