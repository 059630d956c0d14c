import { createHash, timingSafeEqual } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import { ApiError } from '../errors'
import type { AppEnv } from './env'

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest()
}

/** Bearer REQIO_ADMIN_TOKEN, compared in constant time (hashing first evens out the lengths). */
export function requireAdmin(adminToken: string): MiddlewareHandler<AppEnv> {
  const expected = digest(adminToken)
  return async (c, next) => {
    const header = c.req.header('Authorization') ?? ''
    const match = /^Bearer\s+(.+)$/i.exec(header)
    if (!match?.[1] || !timingSafeEqual(digest(match[1].trim()), expected)) {
      throw new ApiError(401, 'unauthorized', 'A valid admin token is required.')
    }
    c.set('teamMember', null)
    return next()
  }
}
