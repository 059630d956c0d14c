/**
 * Checks live answers against the RouteDocs that describe them: the status must be one the doc
 * names (a success in `responses`, or an error in `errors`), and a JSON success must match the
 * doc's valibot schema twice, with valibot itself and with ajv on the JSON Schema converted by
 * @valibot/to-json-schema (what the OpenAPI document publishes).
 *
 *   const answers = routeDocAnswers(ADMIN_ROUTE_DOCS)
 *   const { project } = await answers.json(await server.adminFetch(...), 'post', '/v1/admin/projects', 201)
 *   answers.unexercised() // docs no call reached with a success status
 */
import { toJsonSchema } from '@valibot/to-json-schema'
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import * as v from 'valibot'
import type { RouteDoc } from '../../src/server/openapi/route-doc'

export interface RouteDocAnswers {
  /** Asserts the answer and returns its JSON body (undefined for a body-less success). */
  json(response: Response, method: RouteDoc['method'], path: string, status: number): Promise<any>
  /** "METHOD path" of every doc that no call answered with a documented success. */
  unexercised(): string[]
}

export function routeDocAnswers(docs: readonly RouteDoc[]): RouteDocAnswers {
  const ajv = new Ajv2020({ allErrors: false, strict: false })
  addFormats(ajv)
  const compiled = new Map<v.GenericSchema, ValidateFunction>()
  const exercised = new Set<RouteDoc>()
  const ajvFor = (schema: v.GenericSchema) => {
    let validate = compiled.get(schema)
    if (!validate) {
      validate = ajv.compile(toJsonSchema(schema, { target: 'draft-2020-12' }))
      compiled.set(schema, validate)
    }
    return validate
  }
  const name = (doc: Pick<RouteDoc, 'method' | 'path'>) => `${doc.method.toUpperCase()} ${doc.path}`

  return {
    async json(response, method, path, status) {
      const doc = docs.find((candidate) => candidate.method === method && candidate.path === path)
      const route = name({ method, path })
      if (!doc) throw new Error(`${route}: no RouteDoc`)
      const text = await response.text()
      if (response.status !== status)
        throw new Error(`${route}: answered ${response.status}, expected ${status}: ${text}`)
      const isJsonAnswer = /^application\/json\b/.test(response.headers.get('Content-Type') ?? '')
      const body = isJsonAnswer ? JSON.parse(text) : text === '' ? undefined : text
      const success = doc.responses[status]
      if (!success) {
        if (!doc.errors?.includes(status))
          throw new Error(`${route}: ${status} is neither a documented response nor error`)
        if (typeof body?.error?.code !== 'string')
          throw new Error(`${route}: the ${status} is not {error: {code, message}}: ${text}`)
        return body
      }
      exercised.add(doc)
      const contentType = success.contentType ?? 'application/json'
      const answered = response.headers.get('Content-Type') ?? ''
      if (text !== '' && !answered.startsWith(contentType))
        throw new Error(`${route} ${status}: answered ${answered}, documented ${contentType}`)
      if (!success.schema) return body
      // Both always run, so a failure says whether valibot, ajv or both disagree with the answer.
      const problems: string[] = []
      const parsed = v.safeParse(success.schema, body)
      if (!parsed.success) {
        const issue = parsed.issues[0]
        problems.push(`valibot: ${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`)
      }
      const validate = ajvFor(success.schema)
      if (!validate(body)) {
        const error = validate.errors?.[0]
        problems.push(
          `ajv: ${error?.instancePath || '(root)'} ${error?.message} ${JSON.stringify(error?.params)}`,
        )
      }
      if (problems.length > 0) throw new Error(`${route} ${status}: ${problems.join('; ')}`)
      return body
    },
    unexercised() {
      return docs.filter((doc) => !exercised.has(doc)).map(name)
    },
  }
}
