import { createHash } from 'node:crypto'
import { buildOpenApiDocument, type OpenApiDocument } from './document'
import { NAMED_SCHEMAS, ROUTE_DOCS, TAG_DESCRIPTIONS } from './registry'

export interface ServedDocument {
  document: OpenApiDocument
  /** The JSON as served, and its strong ETag. */
  json: string
  etag: string
  /** How long building it took, in ms (the start banner's debug line; `npm run bench`). */
  buildMs: number
}

/** The registry's document: what GET /v1/openapi.json and /docs/api describe. */
export function buildServedDocument(): ServedDocument {
  const started = performance.now()
  const document = buildOpenApiDocument({
    routes: ROUTE_DOCS,
    namedSchemas: NAMED_SCHEMAS,
    tagDescriptions: TAG_DESCRIPTIONS,
  })
  const json = JSON.stringify(document)
  const buildMs = performance.now() - started
  return { document, json, etag: strongEtag(json), buildMs }
}

let served: ServedDocument | null = null

/** Built once per process (the routes never change while it runs), on first use. */
export function servedDocument(): ServedDocument {
  served ??= buildServedDocument()
  return served
}

export function strongEtag(text: string): string {
  return `"${createHash('sha256').update(text).digest('base64url').slice(0, 27)}"`
}
