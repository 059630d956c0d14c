// Issue 28: "a test that every route the app serves is documented". The Hono app's own route
// table (app.routes) against the registry, both ways: every documented route is served, every
// served route is documented.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../../src/server/app'
import { systemClock } from '../../../src/server/clock'
import { readServerConfig } from '../../../src/server/config'
import { silentLogger } from '../../../src/server/logger'
import { ROUTE_DOCS } from '../../../src/server/openapi/registry'
import type { Store } from '../../../src/server/store'
import { openTestStore } from '../../helpers/test-store'

/**
 * Served, but not an operation anyone calls: the portal's catch-all that answers any other
 * /p/{pid}/… path with its HTML 404.
 */
const NOT_OPERATIONS = new Set(['GET /p/{projectId}/{path}'])

/** Hono's `/v1/x/:id` and `/dashboard/*` as OpenAPI paths: `/v1/x/{id}`, `/dashboard/{path}`. */
function openApiPath(honoPath: string): string {
  return honoPath.replace(/:([A-Za-z0-9_]+)(\{[^}]*\})?/g, '{$1}').replace(/\/\*$/, '/{path}')
}

let store: Store
let served: string[]

beforeAll(async () => {
  store = await openTestStore()
  // Every optional route on: metrics (REQIO_METRICS_TOKEN) and the demo helpers.
  const config = { ...readServerConfig({}), adminToken: 'test', demo: true, metricsToken: 'm' }
  const app = createApp({ store, clock: systemClock, logger: silentLogger, config })
  // Middleware registers as ALL (`app.use`); a handler chain registers once per handler.
  served = [
    ...new Set(
      app.routes
        .filter((route) => route.method !== 'ALL')
        .map((route) => `${route.method} ${openApiPath(route.path)}`),
    ),
  ].filter((route) => !NOT_OPERATIONS.has(route))
})

afterAll(async () => {
  await store?.close()
})

const documented = () => ROUTE_DOCS.map((doc) => `${doc.method.toUpperCase()} ${doc.path}`)
const isAdmin = (route: string) => route.split(' ')[1]?.startsWith('/v1/admin') ?? false

describe('the OpenAPI registry and the routes the app serves', () => {
  it('documents every public, auth, portal and operations route the app serves', () => {
    const docs = new Set(documented())
    const undocumented = served.filter((route) => !isAdmin(route) && !docs.has(route))
    expect(undocumented, 'served routes with no RouteDoc (src/server/openapi/routes/)').toEqual([])
  })

  it('documents every /v1/admin route the app serves', () => {
    const docs = new Set(documented())
    const undocumented = served.filter((route) => isAdmin(route) && !docs.has(route))
    expect(undocumented, 'admin routes with no RouteDoc (routes/admin-*.ts)').toEqual([])
  })

  it('describes only routes the app serves', () => {
    const routes = new Set(served)
    const notServed = documented().filter((route) => !routes.has(route))
    expect(notServed, 'RouteDocs for routes the app does not serve').toEqual([])
  })

  it('documents each method and path once', () => {
    const all = documented()
    expect(all.filter((route, index) => all.indexOf(route) !== index)).toEqual([])
  })
})
