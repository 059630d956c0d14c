import type { Context } from 'hono'
import * as v from 'valibot'
import { ApiError, validationFailed } from '../errors'

/**
 * Reads a JSON body and validates it; an empty body counts as `{}`. Failures answer
 * 400 validation_failed naming the first offending field.
 */
export async function readJsonBody<S extends v.GenericSchema>(
  c: Context,
  schema: S,
): Promise<v.InferOutput<S>> {
  const text = await c.req.text()
  let value: unknown = {}
  if (text.trim() !== '') {
    try {
      value = JSON.parse(text)
    } catch {
      throw validationFailed('body', 'The body is not valid JSON.')
    }
  }
  return parseOrFail(schema, value)
}

/** `rootField` names the value itself when it is not an object (a header, a query parameter). */
export function parseOrFail<S extends v.GenericSchema>(
  schema: S,
  value: unknown,
  rootField = 'body',
): v.InferOutput<S> {
  const nulAt = findNul(value, rootField)
  if (nulAt !== null) {
    throw new ApiError(400, 'validation_failed', `${nulAt}: must not contain NUL characters`, nulAt)
  }
  const result = v.safeParse(schema, value)
  if (result.success) return result.output
  const issue = result.issues[0]
  const field = v.getDotPath(issue) ?? rootField
  throw new ApiError(400, 'validation_failed', `${field}: ${issue.message}`, field)
}

/**
 * PostgreSQL text cannot hold U+0000, so any string carrying one (at any depth) is refused
 * here, for every body, query and header we validate, instead of failing in the database.
 * Answers the dotted path of the first one, or null.
 */
function findNul(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null
  if (typeof value !== 'object' || value === null || depth > 20) return null
  for (const [key, inner] of Object.entries(value)) {
    const innerPath = path === 'body' ? key : `${path}.${key}`
    if (key.includes('\u0000')) return innerPath
    const found = findNul(inner, innerPath, depth + 1)
    if (found !== null) return found
  }
  return null
}
