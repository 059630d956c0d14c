import * as v from 'valibot'
import { DemoTokenSchema } from '../../routes/demo-token'
import type { RouteDoc } from '../route-doc'
import {
  DemoCustomersResponseSchema,
  DemoTokenResponseSchema,
  HealthSchema,
  NotReadySchema,
  ReadySchema,
} from '../schemas/ops'

const OPS = 'Operations'
const FILES = 'Files'
const DOCS = 'API description'

const ENCODED =
  'Precompressed: `Accept-Encoding: br` or `gzip` picks the encoding; `ETag` and ' +
  '`If-None-Match` (304) always; `Vary: Accept-Encoding`.'

/** Probes, metrics, the static files, the demo helpers and this description itself. */
export const opsDocs: readonly RouteDoc[] = [
  {
    method: 'get',
    path: '/healthz',
    summary: 'Liveness: the process runs',
    description: 'Never touches the database; not rate-limited, needs no auth.',
    tag: OPS,
    security: [],
    responses: { 200: { description: 'Running.', schema: HealthSchema } },
  },
  {
    method: 'get',
    path: '/readyz',
    summary: 'Readiness: the database answers, migrations applied',
    description: '503 while the database is away, and `draining` after SIGTERM.',
    tag: OPS,
    security: [],
    responses: {
      200: { description: 'Ready for traffic.', schema: ReadySchema },
      503: { description: 'Not ready.', schema: NotReadySchema },
    },
  },
  {
    method: 'get',
    path: '/metrics',
    summary: 'Prometheus metrics',
    description: 'Served only when `REQIO_METRICS_TOKEN` is set (else 404).',
    tag: OPS,
    security: ['metricsToken'],
    responses: {
      200: { description: 'Prometheus text format.', contentType: 'text/plain' },
    },
    errors: [401],
  },
  {
    method: 'get',
    path: '/widget.js',
    summary: 'The widget script',
    description: `Embedded by customers' sites (CORS and CORP open). ${ENCODED}`,
    tag: FILES,
    security: [],
    responses: {
      200: { description: 'The bundle.', contentType: 'text/javascript' },
      304: { description: 'Not modified.' },
    },
  },
  {
    method: 'get',
    path: '/portal.js',
    summary: "The portal's enhancement script",
    description: ENCODED,
    tag: FILES,
    security: [],
    responses: {
      200: { description: 'The bundle.', contentType: 'text/javascript' },
      304: { description: 'Not modified.' },
    },
  },
  {
    method: 'get',
    path: '/',
    summary: 'The demo page',
    description:
      'Demo mode: a pretend customer site (`?as=pro` renders it signed in). Otherwise 302 to /dashboard.',
    tag: FILES,
    security: [],
    query: v.object({
      as: v.optional(v.pipe(v.string(), v.description('A demo customer (`free`, `pro`, …).'))),
    }),
    responses: {
      200: { description: 'The demo page.', contentType: 'text/html' },
      302: { description: 'Demo mode off: the dashboard.' },
    },
  },
  {
    method: 'get',
    path: '/dashboard',
    summary: 'The dashboard',
    tag: FILES,
    security: [],
    responses: { 200: { description: 'The single-page app.', contentType: 'text/html' } },
  },
  {
    method: 'get',
    path: '/dashboard/{path}',
    summary: "The dashboard's assets and pages",
    description: 'Hashed assets are immutable; any path without an extension answers the app.',
    tag: FILES,
    security: [],
    pathParams: { path: 'An asset under `assets/`, or a page of the app.' },
    responses: {
      200: {
        description: 'The asset (JavaScript, CSS, an image…), or the app (HTML).',
        contentType: '*/*',
      },
      404: { description: 'No such asset.', contentType: 'text/plain' },
    },
    errors: [400],
  },
  {
    method: 'get',
    path: '/demo/customers',
    summary: "The demo page's pretend customers",
    description: 'Demo mode only.',
    tag: 'Demo',
    security: [],
    responses: { 200: { description: 'The customers.', schema: DemoCustomersResponseSchema } },
  },
  {
    method: 'post',
    path: '/demo/token',
    summary: 'Mint an identity token for the demo project',
    description: "Demo mode only: plays the customer's server for the demo page.",
    tag: 'Demo',
    security: [],
    body: DemoTokenSchema,
    responses: { 200: { description: 'A token.', schema: DemoTokenResponseSchema } },
    errors: [400, 404, 413],
  },
  {
    method: 'get',
    path: '/v1/openapi.json',
    summary: 'This description, as OpenAPI 3.1',
    description: 'Generated from the schemas the routes validate with. Cacheable (`ETag`).',
    tag: DOCS,
    security: [],
    responses: {
      200: { description: 'The OpenAPI document.', contentType: 'application/json' },
      304: { description: 'Not modified.' },
    },
  },
  {
    method: 'get',
    path: '/docs/api',
    summary: 'This description, as a page to read',
    tag: DOCS,
    security: [],
    responses: {
      200: { description: 'Every operation, grouped by tag.', contentType: 'text/html' },
      304: { description: 'Not modified.' },
    },
  },
]
