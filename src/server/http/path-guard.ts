import type { MiddlewareHandler } from 'hono'
import { invalid } from '../errors'

/**
 * Paths become route parameters and then SQL parameters; PostgreSQL text cannot hold NUL and
 * malformed percent-encoding cannot be decoded at all. Both answer 400 here, before any route.
 */
export function rejectMalformedPaths(): MiddlewareHandler {
  return async (c, next) => {
    const rawPath =
      c.req.url.slice(c.req.url.indexOf('/', c.req.url.indexOf('//') + 2)).split('?')[0] ?? ''
    let decoded: string
    try {
      decoded = decodeURIComponent(rawPath)
    } catch {
      throw invalid('path', 'The path is not valid percent-encoding.')
    }
    if (decoded.includes('\u0000')) throw invalid('path', 'The path must not contain NUL.')
    return next()
  }
}
