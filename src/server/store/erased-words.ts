/**
 * What an erased person's email and name become wherever they are copied (audit details, queued
 * job payloads, webhook delivery logs): the lines stay readable, the person is not in them.
 */
export const ERASED = '[erased]'

export interface ErasedWords {
  email: string | null
  name: string | null
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * One pattern for both: the email anywhere (it cannot be part of another word), the name as a
 * whole word (so that erasing "Ann" leaves "Announcement" alone). Null when there is nothing
 * to look for.
 */
export function erasedWordsPattern(words: ErasedWords): RegExp | null {
  const parts: string[] = []
  const email = words.email?.trim()
  if (email) parts.push(escapeRegExp(email))
  // A one-letter "name" would cut every lone "A" out of the log: too short to be theirs.
  const name = words.name?.trim()
  if (name && [...name].length >= 2)
    parts.push(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`)
  return parts.length === 0 ? null : new RegExp(parts.join('|'), 'giu')
}

/** `value` (any JSON) with every string's email and name replaced, and whether anything was. */
export function withoutErasedWords(
  value: unknown,
  pattern: RegExp,
): { value: unknown; changed: boolean } {
  let changed = false
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') {
      const next = node.replace(pattern, ERASED)
      if (next !== node) changed = true
      return next
    }
    if (Array.isArray(node)) return node.map(walk)
    if (node && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([key, inner]) => [key, walk(inner)]))
    }
    return node
  }
  const result = walk(value)
  return { value: result, changed }
}

/**
 * SQL LIKE patterns that find rows worth scrubbing (the JSON text holds the word): a cheap
 * first pass; withoutErasedWords decides.
 */
export function erasedWordsLikePatterns(words: ErasedWords): string[] {
  return [words.email, words.name]
    .map((word) => word?.trim() ?? '')
    .filter((word) => [...word].length >= 2)
    .map(
      (word) =>
        `%${JSON.stringify(word)
          .slice(1, -1)
          .replace(/[\\%_]/g, '\\$&')}%`,
    )
}
