import type * as v from 'valibot'

/**
 * One route as the OpenAPI document describes it (spec/api.md "One description of the API").
 * Every route the app serves has one RouteDoc; the generator turns the valibot schemas into JSON
 * Schema, so the document is made from the same schemas that validate requests.
 */
export interface RouteDoc {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete'
  /** OpenAPI style: /v1/admin/projects/{id}/requests/{rid} (Hono's :id becomes {id}). */
  path: string
  summary: string
  /** One tag groups the route on /docs/api: 'Widget', 'Auth', 'Admin: requests', … */
  tag: string
  description?: string
  /** Who may call it; empty: anyone. */
  security: readonly SecurityName[]
  /** Path parameters and their meaning; names match the {…} in path. */
  pathParams?: Readonly<Record<string, string>>
  /** Query parameters, as an object schema (each key one parameter). */
  query?: v.GenericSchema
  /** Request headers worth naming (Idempotency-Key, If-None-Match, X-Reqio-Anonymous-Id, …). */
  headers?: Readonly<Record<string, { description: string; required?: boolean }>>
  /** The JSON body: the schema readJsonBody validates with. */
  body?: v.GenericSchema
  /** A raw, non-JSON body instead (an image upload): the media types it may have, as bytes. */
  rawBody?: { contentTypes: readonly string[]; description: string }
  /** Success answers by status. `schema` omitted: no JSON body (204, a redirect, a file). */
  responses: Readonly<Record<number, ResponseDoc>>
  /** Error statuses this route can answer; each gets the shared error shape. */
  errors?: readonly number[]
}

export interface ResponseDoc {
  description: string
  schema?: v.GenericSchema
  /** Default application/json; e.g. 'text/csv', 'text/html', 'application/javascript'. */
  contentType?: string
}

/** The security schemes of api.md: identity token, API key or admin token, session cookie. */
export type SecurityName = 'identityToken' | 'bearer' | 'apiKey' | 'sessionCookie' | 'metricsToken'
