import type { Context } from 'hono'
import * as v from 'valibot'
import { invalid } from '../errors'
import { textProblem } from './clean-text'

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
      throw invalid('body', 'The body is not valid JSON.')
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
  const bad = findBadText(value, rootField)
  if (bad !== null) {
    throw invalid(bad.path, `${bad.path}: ${bad.problem}`)
  }
  const result = v.safeParse(schema, value)
  if (result.success) return result.output
  const issue = result.issues[0]
  const field = v.getDotPath(issue) ?? rootField
  throw invalid(field, `${field}: ${issue.message}`)
}

/**
 * Any string (or key) at any depth that the database cannot hold as text (clean-text.ts) is
 * refused here, for every body, query and header we validate, instead of failing in the
 * database. Answers the dotted path of the first one and why, or null.
 */
function findBadText(
  value: unknown,
  path: string,
  depth = 0,
): { path: string; problem: string } | null {
  if (typeof value === 'string') {
    const problem = textProblem(value)
    return problem ? { path, problem } : null
  }
  if (typeof value !== 'object' || value === null || depth > 20) return null
  for (const [key, inner] of Object.entries(value)) {
    const innerPath = path === 'body' ? key : `${path}.${key}`
    const keyProblem = textProblem(key)
    if (keyProblem) return { path: innerPath, problem: keyProblem }
    const found = findBadText(inner, innerPath, depth + 1)
    if (found !== null) return found
  }
  return null
}
