import * as v from 'valibot'
import type { RouteDoc, SecurityName } from '../route-doc'

/** Pieces every admin RouteDoc shares: who may call, the path parameters, the error statuses. */

/** Every /v1/admin route takes the bearer (admin token, or an API key in v3) or the session cookie. */
export const ADMIN_SECURITY: readonly SecurityName[] = ['bearer', 'sessionCookie']

/** The meaning of each path parameter the admin routes use, by Hono's name. */
export const PARAM = {
  project: { id: 'The project id.' },
  request: { id: 'The project id.', rid: 'The request id.' },
} as const

/**
 * What any admin route can answer, whatever it does: 400 for a path that is not valid
 * percent-encoding or holds NUL (http/path-guard.ts); 401 without a valid admin token or
 * session; 403 when the member's role may not (and `csrf_rejected` for a cookie write from
 * another origin); 429 once an IP sent too many wrong admin tokens; 503 while the database is
 * away.
 */
const ANY_ADMIN_ROUTE = [400, 401, 403, 429, 503] as const

/** The statuses of an admin route, plus those its own work can answer (404, 409, 413…). */
export function adminErrors(...own: number[]): readonly number[] {
  return [...new Set([...ANY_ADMIN_ROUTE, ...own])].sort((a, b) => a - b)
}

/** Under /v1/admin/projects/{id}: also 404 project_not_found. */
export const projectErrors = (...own: number[]) => adminErrors(404, ...own)

/** A route with a JSON body: also 413 payload_too_large (the 400 is already there). */
export const BODY = 413

/** Every admin RouteDoc: the shared security, so a file lists only what differs. */
export function adminDoc(doc: Omit<RouteDoc, 'security'>): RouteDoc {
  return { ...doc, security: ADMIN_SECURITY }
}

/**
 * A route's own query schema with a meaning beside each parameter, for the document: the same
 * schemas validate each value (a description changes no check), only the words are added.
 */
export function describedQuery(
  schema: { entries: v.ObjectEntries },
  meanings: Readonly<Record<string, string>>,
): v.GenericSchema {
  const entries = Object.entries(schema.entries).map(([name, entry]) => {
    const meaning = meanings[name]
    return [name, meaning ? v.pipe(entry as v.GenericSchema, v.description(meaning)) : entry]
  })
  return v.object(Object.fromEntries(entries))
}

/** `limit` and `cursor` as every paged admin list takes them. */
export const PAGE_MEANINGS = {
  limit: 'Rows per page, 1 to 200; absent: the list’s default.',
  cursor: 'The `nextCursor` of the previous page; absent: the first page.',
} as const
