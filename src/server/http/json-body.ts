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
  const result = v.safeParse(schema, value)
  if (result.success) return result.output
  const issue = result.issues[0]
  const field = v.getDotPath(issue) ?? rootField
  throw new ApiError(400, 'validation_failed', `${field}: ${issue.message}`, field)
}
