import type * as v from 'valibot'
import { ERROR_STATUS } from '../errors'
import { VERSION } from '../version'
import { type JsonSchema, SchemaConverter } from './json-schema'
import type { RouteDoc } from './route-doc'
import { ApiErrorSchema } from './schemas/errors'
import { SECURITY_SCHEMES, securityRequirements } from './security-schemes'

export type OpenApiDocument = Record<string, unknown> & {
  paths: Record<string, Record<string, OpenApiOperation>>
}

export interface OpenApiOperation {
  operationId: string
  summary: string
  tags: string[]
  description?: string
  parameters?: Array<Record<string, unknown>>
  requestBody?: Record<string, unknown>
  responses: Record<string, unknown>
  security?: Array<Record<string, string[]>>
}

export interface DocumentInput {
  routes: readonly RouteDoc[]
  /** Shapes named once in components.schemas (recursive ones must be here). */
  namedSchemas: Readonly<Record<string, v.GenericSchema>>
  /** A sentence per tag, shown above its operations on /docs/api. */
  tagDescriptions?: Readonly<Record<string, string>>
}

/** The one error shape, in components: every error answer refers to it. */
export const ERROR_SCHEMA_NAME = 'ApiError'

/** Where each error status's shared answer lives: `#/components/responses/Error401`. */
export const errorResponseName = (status: number) => `Error${status}`

/**
 * The OpenAPI 3.1 document of every route (spec/api.md "One description of the API"): made from
 * the RouteDocs, whose schemas are the ones the routes validate with.
 */
export function buildOpenApiDocument(input: DocumentInput): OpenApiDocument {
  const converter = new SchemaConverter({
    [ERROR_SCHEMA_NAME]: ApiErrorSchema,
    ...input.namedSchemas,
  })
  const paths: OpenApiDocument['paths'] = {}
  const errorStatuses = new Set<number>()
  const tags: string[] = []
  for (const route of input.routes) {
    if (!tags.includes(route.tag)) tags.push(route.tag)
    for (const status of route.errors ?? []) errorStatuses.add(status)
    const item = paths[route.path] ?? {}
    paths[route.path] = item
    item[route.method] = operationOf(route, converter)
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Reqio',
      version: VERSION,
      description:
        'Embeddable customer feedback with verified identity and a revenue-ranked backlog. ' +
        'The widget and portal call the public routes; the dashboard, scripts and agents the ' +
        'admin routes. Every error answers `{error: {code, message}}`.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/' }],
    tags: tags.map((name) => ({
      name,
      ...(input.tagDescriptions?.[name] && { description: input.tagDescriptions[name] }),
    })),
    paths,
    components: {
      schemas: converter.components(),
      responses: Object.fromEntries(
        [...errorStatuses]
          .sort((a, b) => a - b)
          .map((status) => [errorResponseName(status), errorResponse(status)]),
      ),
      securitySchemes: SECURITY_SCHEMES,
    },
  }
}

function operationOf(route: RouteDoc, converter: SchemaConverter): OpenApiOperation {
  const parameters = [
    ...pathParameters(route),
    ...queryParameters(route, converter),
    ...Object.entries(route.headers ?? {}).map(([name, header]) => ({
      name,
      in: 'header',
      required: header.required ?? false,
      description: header.description,
      schema: { type: 'string' },
    })),
  ]
  const responses: Record<string, unknown> = {}
  for (const [status, response] of Object.entries(route.responses)) {
    const contentType = response.contentType ?? 'application/json'
    // A body the RouteDoc leaves undescribed: a JSON value, or text/bytes of that type.
    const schema = response.schema
      ? converter.convert(response.schema, 'output')
      : response.contentType
        ? /json/.test(contentType)
          ? { type: 'object' }
          : { type: 'string' }
        : null
    responses[status] = {
      description: response.description,
      ...(schema && { content: { [contentType]: { schema } } }),
    }
  }
  for (const status of route.errors ?? []) {
    responses[String(status)] ??= { $ref: `#/components/responses/${errorResponseName(status)}` }
  }
  const security = securityRequirements(route.security)
  return {
    operationId: operationIdOf(route.method, route.path),
    summary: route.summary,
    ...(route.description && { description: route.description }),
    tags: [route.tag],
    ...(security && { security }),
    ...(parameters.length > 0 && { parameters }),
    ...(route.body && { requestBody: requestBodyOf(converter.convert(route.body, 'input')) }),
    ...(route.rawBody && { requestBody: rawRequestBodyOf(route.rawBody) }),
    responses,
  }
}

/**
 * An empty body reads as `{}` (http/json-body.ts): the body is required only when the schema
 * has a field that is.
 */
function requestBodyOf(schema: JsonSchema): Record<string, unknown> {
  const required = Array.isArray(schema.required) && schema.required.length > 0
  return { required, content: { 'application/json': { schema } } }
}

/** A body sent as bytes (a binary string), one entry per media type it may have. */
function rawRequestBodyOf(raw: NonNullable<RouteDoc['rawBody']>): Record<string, unknown> {
  const bytes = { schema: { type: 'string', format: 'binary' } }
  return {
    required: true,
    description: raw.description,
    content: Object.fromEntries(raw.contentTypes.map((type) => [type, bytes])),
  }
}

/** Every `{name}` of the path, described by `pathParams` where the RouteDoc says more. */
function pathParameters(route: RouteDoc): Array<Record<string, unknown>> {
  return [...route.path.matchAll(/\{([^}]+)\}/g)].map(([, name = '']) => ({
    name,
    in: 'path',
    required: true,
    ...(route.pathParams?.[name] && { description: route.pathParams[name] }),
    schema: { type: 'string' },
  }))
}

/** The query schema's properties, one parameter each. */
function queryParameters(
  route: RouteDoc,
  converter: SchemaConverter,
): Array<Record<string, unknown>> {
  if (!route.query) return []
  const schema = converter.convert(route.query, 'input')
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>
  const required = (schema.required ?? []) as string[]
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property
    return {
      name,
      in: 'query',
      required: required.includes(name),
      ...(typeof description === 'string' && { description }),
      schema: rest,
    }
  })
}

/**
 * `get /v1/projects/{projectId}/requests/{requestId}` → `getV1ProjectsByProjectIdRequestsByRequestId`:
 * deterministic and unique for every method and path (the document's test checks it).
 */
export function operationIdOf(method: string, path: string): string {
  const words = path
    .split('/')
    .filter(Boolean)
    .flatMap((segment) => {
      const param = /^\{(.+)\}$/.exec(segment)?.[1]
      const parts = (param ?? segment).split(/[^A-Za-z0-9]+/).filter(Boolean)
      return param ? ['By', ...parts] : parts
    })
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
  return method + (words.length > 0 ? words.join('') : 'Root')
}

/** The shared answer for one error status: the error shape, and which codes it carries. */
function errorResponse(status: number): Record<string, unknown> {
  const codes = Object.entries(ERROR_STATUS)
    .filter(([, codeStatus]) => codeStatus === status)
    .map(([code]) => `\`${code}\``)
  return {
    description: codes.length > 0 ? `Error: ${codes.join(', ')}.` : `Error ${status}.`,
    ...((status === 429 || status === 503) && {
      headers: {
        'Retry-After': {
          description: 'Seconds to wait before trying again.',
          schema: { type: 'integer' },
        },
      },
    }),
    content: {
      'application/json': { schema: { $ref: `#/components/schemas/${ERROR_SCHEMA_NAME}` } },
    },
  }
}
