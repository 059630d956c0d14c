import type { Context } from 'hono'
import * as v from 'valibot'
import { IDEMPOTENCY_KEY_HEADER } from '../../shared/identity'
import { parseOrFail } from './json-body'

const IdempotencyKeySchema = v.pipe(
  v.string(),
  v.regex(/^[\x21-\x7e]{1,255}$/, 'Idempotency-Key must be 1-255 visible ASCII characters'),
)

/** The write's Idempotency-Key header, validated; null when the client sent none. */
export function readIdempotencyKey(c: Context): string | null {
  return parseIdempotencyKey(c.req.header(IDEMPOTENCY_KEY_HEADER), IDEMPOTENCY_KEY_HEADER)
}

/** An idempotency key from wherever it came (the header, a portal form's field), validated. */
export function parseIdempotencyKey(value: string | undefined, field: string): string | null {
  return value === undefined ? null : parseOrFail(IdempotencyKeySchema, value, field)
}

/**
 * 201 with what the write created. A replay (the same author's same Idempotency-Key) answers
 * exactly like the first call did, and says it is one.
 */
export function answerCreated<T extends object>(c: Context, body: T, created: boolean) {
  if (!created) c.header('Idempotent-Replayed', 'true')
  return c.json(body, 201)
}
