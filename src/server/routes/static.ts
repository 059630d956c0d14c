import { extname, join, normalize, resolve, sep } from 'node:path'
import { type Context, Hono } from 'hono'
import { DEMO_PROJECT_ID, findDemoCustomer, mintDemoToken, withIdentityToken } from '../demo'
import { invalid } from '../errors'
import { negotiateEncoding } from '../http/accept-encoding'
import type { AppEnv, RouteDeps } from '../http/env'
import { ifNoneMatchIncludes } from '../http/if-none-match'
import { type StaticFile, StaticFiles } from '../http/static-files'

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
}

/** widget.js has a stable URL embedded on customer sites: cache briefly, revalidate by ETag. */
const WIDGET_CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=86400'

/**
 * Answers a file in the encoding the client prefers (the build's `.br`/`.gz` copies), with
 * `Vary: Accept-Encoding` always, since caches in between must keep one copy per encoding.
 */
async function sendFile(c: Context, file: StaticFile, path: string, cacheControl: string) {
  const encoding = file.compressible
    ? negotiateEncoding(c.req.header('Accept-Encoding'))
    : 'identity'
  const etag = file.etag(encoding)
  c.header('Vary', 'Accept-Encoding')
  c.header('ETag', etag)
  c.header('Cache-Control', cacheControl)
  if (ifNoneMatchIncludes(c.req.header('If-None-Match'), etag)) return c.body(null, 304)
  c.header('Content-Type', CONTENT_TYPES[extname(path)] ?? 'application/octet-stream')
  if (encoding !== 'identity') c.header('Content-Encoding', encoding)
  return c.body(new Uint8Array(await file.body(encoding)), 200)
}

function isDecodable(path: string): boolean {
  try {
    decodeURIComponent(path)
    return true
  } catch {
    return false
  }
}

/** A path under root, or null if the request tries to climb out of it or is not valid percent-encoding. */
function safeJoin(root: string, relative: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(relative)
  } catch {
    return null
  }
  if (decoded.includes('\u0000')) return null
  const target = resolve(root, `.${sep}${normalize(decoded)}`)
  return target === root || target.startsWith(root + sep) ? target : null
}

/**
 * GET /widget.js, GET /portal.js (the portal's own script, src/portal/client/), GET / (the demo
 * page, `?as=pro` renders it signed in; with demo mode off a redirect to the dashboard),
 * GET /dashboard and /dashboard/* (SPA fallback).
 */
export function staticRoutes(deps: RouteDeps) {
  const files = new StaticFiles()
  const distDir = deps.config.distDir
  const dashboardDir = join(distDir, 'dashboard')
  const notBuilt = (c: Context, what: string) =>
    c.text(`${what} is not built yet: run "npm run build" (npm start does it for you).\n`, 503)

  return new Hono<AppEnv>()
    .get('/widget.js', async (c) => {
      const path = join(distDir, 'widget.js')
      const file = await files.read(path)
      if (!file) return notBuilt(c, 'dist/widget.js')
      c.header('Access-Control-Allow-Origin', '*')
      return sendFile(c, file, path, WIDGET_CACHE_CONTROL)
    })
    .get('/portal.js', async (c) => {
      const path = join(distDir, 'portal.js')
      const file = await files.read(path)
      if (!file) return notBuilt(c, 'dist/portal.js')
      return sendFile(c, file, path, WIDGET_CACHE_CONTROL)
    })
    .get('/', async (c) => {
      // The pretend customer site is a demo; a real install's front door is the dashboard.
      if (!deps.config.demo) return c.redirect('/dashboard', 302)
      const path = join(deps.config.publicRoot, 'index.html')
      const file = await files.read(path)
      if (!file) return c.text('The demo page (index.html) is missing.\n', 404)
      const customer = findDemoCustomer(c.req.query('as'))
      if (!customer) return sendFile(c, file, path, 'no-cache')
      // The render-time identity path: the page arrives with the token already in the tag.
      const project = await deps.store.projects.find(DEMO_PROJECT_ID)
      if (!project) return sendFile(c, file, path, 'no-cache')
      const { token } = await mintDemoToken(
        project,
        deps.verifier.audienceOf(project.id),
        deps.clock.now(),
        customer,
      )
      c.header('Cache-Control', 'no-store')
      const page = await file.body('identity')
      return c.html(withIdentityToken(page.toString('utf8'), token))
    })
    .get('/dashboard', async (c) => {
      const indexPath = join(dashboardDir, 'index.html')
      const index = await files.read(indexPath)
      return index ? sendFile(c, index, indexPath, 'no-cache') : notBuilt(c, 'dist/dashboard')
    })
    .get('/dashboard/*', async (c) => {
      const relative = c.req.path.slice('/dashboard/'.length)
      if (!isDecodable(relative)) {
        throw invalid('path', 'The path is not valid percent-encoding.')
      }
      const asset = relative ? safeJoin(dashboardDir, relative) : null
      const assetFile = asset ? await files.read(asset) : null
      if (asset && assetFile) {
        // Vite puts a content hash in asset names, so they can be cached for good.
        const immutable = relative.startsWith('assets/')
        return sendFile(
          c,
          assetFile,
          asset,
          immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        )
      }
      if (extname(relative) !== '') return c.text('Not found.\n', 404)
      const indexPath = join(dashboardDir, 'index.html')
      const index = await files.read(indexPath)
      if (!index) return notBuilt(c, 'dist/dashboard')
      return sendFile(c, index, indexPath, 'no-cache')
    })
}
