import type { Context } from 'hono'
import type { ServerConfig } from '../config'
import { ApiError } from '../errors'
import { requestOrigin } from '../http/client-address'

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

export function isWriteMethod(method: string): boolean {
  return WRITE_METHODS.has(method.toUpperCase())
}

/**
 * The origin of REQIO_PUBLIC_URL when set, else the scheme (from a trusted proxy, the one it was
 * reached over) and Host this request came to.
 */
export function serverOrigin(c: Context, config: ServerConfig): string {
  return config.publicUrl ? new URL(config.publicUrl).origin : requestOrigin(c)
}

/**
 * CSRF for cookie-authenticated writes: the browser's Origin header must be our own. Checked
 * here for every content type (hono's csrf() only looks at form-like ones, so a JSON write from
 * a foreign page would pass it). `required`: a missing Origin is refused too, as on every write
 * a session cookie authorises; sign-in forms allow it, so curl can log in.
 */
export function assertSameOrigin(
  c: Context,
  config: ServerConfig,
  { required }: { required: boolean },
): void {
  const origin = c.req.header('Origin')
  if (origin === undefined && !required) return
  if (origin !== serverOrigin(c, config))
    throw new ApiError(
      'csrf_rejected',
      'This change must come from the Reqio dashboard itself (the Origin header did not match).',
    )
}
