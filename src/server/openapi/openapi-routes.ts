import { createHash } from 'node:crypto'
import { Hono } from 'hono'
import { cors } from 'hono/cors'
import type { AppEnv, RouteDeps } from '../http/env'
import { ifNoneMatchIncludes } from '../http/if-none-match'
import { renderDocsPage } from './docs-page'
import { DOCS_PAGE_STYLES } from './docs-page-styles'
import { servedDocument, strongEtag } from './served-document'

/** The page runs no script and loads nothing: its one inline stylesheet, by hash. */
export const DOCS_PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(DOCS_PAGE_STYLES).digest('base64')}'`,
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

/** Revalidated each time (the document changes only with a new version), cheap by ETag. */
const CACHE_CONTROL = 'public, max-age=0, must-revalidate'

/**
 * GET /v1/openapi.json (any origin may read it, like the widget's GETs) and GET /docs/api, both
 * from the document built once at start (served-document.ts).
 */
export function openApiRoutes(deps: Pick<RouteDeps, 'logger'>) {
  const served = servedDocument()
  deps.logger.debug?.('openapi document built', {
    ms: Math.round(served.buildMs * 10) / 10,
    operations: Object.values(served.document.paths).flatMap(Object.keys).length,
  })
  let page: { html: string; etag: string } | null = null
  return new Hono<AppEnv>()
    .use('/v1/openapi.json', cors({ origin: '*', allowMethods: ['GET'], maxAge: 86400 }))
    .get('/v1/openapi.json', (c) => {
      c.header('ETag', served.etag)
      c.header('Cache-Control', CACHE_CONTROL)
      if (ifNoneMatchIncludes(c.req.header('If-None-Match'), served.etag)) return c.body(null, 304)
      return c.body(served.json, 200, { 'Content-Type': 'application/json; charset=utf-8' })
    })
    .get('/docs/api', (c) => {
      if (!page) {
        const html = renderDocsPage(served.document)
        page = { html, etag: strongEtag(html) }
      }
      c.header('ETag', page.etag)
      c.header('Cache-Control', CACHE_CONTROL)
      c.header('Content-Security-Policy', DOCS_PAGE_CSP)
      c.header('X-Frame-Options', 'DENY')
      if (ifNoneMatchIncludes(c.req.header('If-None-Match'), page.etag)) return c.body(null, 304)
      return c.html(page.html)
    })
}
