/** How many similar requests the submit form shows. */
export const SIMILAR_LIMIT = 3

/** Words too common to say two titles are about the same thing. */
const STOP_WORDS = new Set(['the', 'and', 'for', 'with', 'please', 'add', 'und', 'mit', 'bitte'])

/** The words of a text, lower-cased and without accents, so "Café Export" matches "cafe export". */
export function wordsOf(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 2 && !STOP_WORDS.has(word))
}

/** A word the user is still typing counts when it starts a title word ("expo" → "export"). */
function matches(typed: string, titleWords: string[], isLast: boolean): boolean {
  return titleWords.some((word) => word === typed || (isLast && word.startsWith(typed)))
}

/**
 * A request's title words, worked out once per request object: the server ranks the same
 * cached list of requests for every title typed.
 */
const titleWordsCache = new WeakMap<object, string[]>()
function titleWordsOf(request: { title: string }): string[] {
  let words = titleWordsCache.get(request)
  if (!words) titleWordsCache.set(request, (words = wordsOf(request.title)))
  return words
}

/**
 * Existing requests that look like the title being typed: at least half of its words (or two,
 * for long titles) appear in theirs. Best matches first, then the most voted. The server runs
 * it over a project's requests as the widget's submit form asks (`?similar=`).
 */
export function findSimilarRequests<R extends { title: string; votes: number }>(
  draftTitle: string,
  requests: readonly R[],
  limit = SIMILAR_LIMIT,
): R[] {
  const typed = wordsOf(draftTitle)
  if (!typed.length) return []
  const endsInWord = !/[^\p{L}\p{N}]$/u.test(draftTitle)
  const needed = Math.min(2, Math.ceil(typed.length / 2))
  return requests
    .map((request) => {
      const titleWords = titleWordsOf(request)
      const score = typed.filter((word, i) =>
        matches(word, titleWords, endsInWord && i === typed.length - 1),
      ).length
      return { request, score }
    })
    .filter(({ score }) => score >= needed)
    .sort((a, b) => b.score - a.score || b.request.votes - a.request.votes)
    .slice(0, limit)
    .map(({ request }) => request)
}
