/**
 * Text the databases can hold as given: PostgreSQL text cannot hold U+0000, and a lone UTF-16
 * surrogate has no UTF-8 form (it is silently replaced, or refused inside jsonb). Either is
 * refused where strings enter (bodies, queries, headers, identity claims), never stored.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** Why `value` cannot be stored as text, or null when it can. */
export function textProblem(value: string): string | null {
  if (value.includes('\u0000')) return 'must not contain NUL characters'
  if (LONE_SURROGATE.test(value)) return 'must not contain unpaired surrogates (broken UTF-16)'
  return null
}
