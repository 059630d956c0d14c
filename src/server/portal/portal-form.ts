import type { Context, MiddlewareHandler } from 'hono'
import { ApiError, invalid } from '../errors'
import type { AppEnv } from '../http/env'
import { parseIdempotencyKey } from '../http/idempotency'
import type { ProjectRecord } from '../store'
import { isOnPortalDomain } from './portal-session'

/**
 * The portal's forms work with JavaScript off: the browser posts the form, the write runs through
 * the public API's handlers, and the answer is a redirect to a page (POST, redirect, GET), or on
 * refusal a small HTML page saying why. Scripts post JSON and get the public API's answers.
 */
export function isFormPost(c: Context): boolean {
  const type = (c.req.header('Content-Type') ?? '').toLowerCase()
  return (
    type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')
  )
}

/** The form's text fields; a file where text belongs is refused like any bad input. */
export async function readFormFields(c: Context): Promise<Record<string, string>> {
  const parsed = await c.req.parseBody()
  const fields: Record<string, string> = {}
  for (const [name, value] of Object.entries(parsed)) {
    if (typeof value !== 'string') throw invalid(name, `${name} must be text.`)
    fields[name] = value
  }
  return fields
}

/** A form's hidden `idempotencyKey` (the page renders one), so a double submit files once. */
export function formIdempotencyKey(fields: Record<string, string>): string | null {
  return parseIdempotencyKey(fields.idempotencyKey || undefined, 'idempotencyKey')
}

/** Where the project's portal lives on this host: `/p/{pid}`, or `` on its own domain. */
export function portalPathPrefix(c: Context, project: ProjectRecord): string {
  return isOnPortalDomain(c, project) ? '' : `/p/${encodeURIComponent(project.id)}`
}

/**
 * The portal page the form was posted from (Referer, when it is one of this portal's pages on
 * this host), so a vote on the board returns to the board with its filters; else `fallback`.
 */
export function pageFormCameFrom(c: Context, project: ProjectRecord, fallback: string): string {
  const referer = c.req.header('Referer')
  if (!referer) return fallback
  try {
    const from = new URL(referer)
    const here = new URL(c.req.url)
    const prefix = portalPathPrefix(c, project)
    const onPortal = from.pathname === (prefix || '/') || from.pathname.startsWith(`${prefix}/`)
    return from.host === here.host && onPortal ? `${from.pathname}${from.search}` : fallback
  } catch {
    return fallback
  }
}

/** 303 See Other: the browser GETs the page, and reloading it posts nothing twice. */
export function seeOther(c: Context, location: string): Response {
  return c.redirect(location, 303)
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch,
  )

/**
 * On form posts, turns a refused write (the JSON error the app's error handler made) into an
 * HTML page with the same status, code and headers (Retry-After, a new visitor cookie), and a
 * way back to the page the form was on.
 */
export function formErrorPages(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next()
    const error = c.error
    if (!(error instanceof ApiError) || !isFormPost(c)) return
    const project = c.get('project') as ProjectRecord | undefined
    const back = project ? pageFormCameFrom(c, project, portalPathPrefix(c, project) || '/') : '/'
    c.res = new Response(formErrorHtml(error, back), {
      status: error.status,
      headers: {
        'Content-Type': 'text/html; charset=utf-8',
        // No script at all; its one small stylesheet inline; nobody frames it.
        'Content-Security-Policy':
          "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'",
      },
    })
  }
}

function formErrorHtml(error: ApiError, back: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>Not saved</title>
<style>:root{color-scheme:light dark}body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem}</style>
</head>
<body><main>
<h1>Not saved</h1>
<p>${escapeHtml(error.message)}</p>
<p><small>Error code: <code>${escapeHtml(error.code)}</code></small></p>
<p><a href="${escapeHtml(back)}">Back</a></p>
</main></body>
</html>
`
}
