import * as v from 'valibot'

/**
 * A credential a tracker set-up takes (an API token, a signing secret): one word of printable
 * characters, trimmed, within `min`..`max`, optional like every set-up field (what is left out
 * stays as stored). Each message names the field, as every 400 does.
 */
export function optionalOneWord(field: string, min: number, max: number) {
  return v.optional(
    v.pipe(
      v.string(`${field} must be a string`),
      v.trim(),
      min <= 1
        ? v.minLength(1, `${field} must not be empty`)
        : v.minLength(min, `${field} must be at least ${min} characters`),
      v.maxLength(max, `${field} must be at most ${max} characters`),
      v.regex(/^[\x21-\x7e]+$/, `${field} must be one word of printable characters`),
    ),
  )
}

/** The tracker's API token (GitHub personal access token, Linear API key). */
export const trackerToken = () => optionalOneWord('token', 1, 400)
