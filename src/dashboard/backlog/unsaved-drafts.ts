import { useCallback, useState } from 'preact/hooks'

/** What can be typed in the drawer and lost by closing it. */
export type DraftKind = 'status' | 'reply'

const DRAFT_WORDS: Record<DraftKind, string> = {
  status: 'status change or note',
  reply: 'reply',
}

/** "Your reply is not saved." / "Your status change or note and your reply are not saved." */
export function unsavedSentence(drafts: DraftKind[]): string {
  const words = (['status', 'reply'] as const)
    .filter((kind) => drafts.includes(kind))
    .map((kind) => `your ${DRAFT_WORDS[kind]}`)
  if (words.length === 0) return ''
  const joined = words.join(' and ')
  return `${joined.charAt(0).toUpperCase()}${joined.slice(1)} ${words.length > 1 ? 'are' : 'is'} not saved: closing the request loses ${words.length > 1 ? 'them' : 'it'}.`
}

/**
 * What the drawer holds unsaved, each part reported by the editor that holds it, so closing can
 * ask first instead of dropping a note typed for customers.
 */
export function useUnsavedDrafts() {
  const [drafts, setDrafts] = useState<DraftKind[]>([])
  const report = useCallback((kind: DraftKind, unsaved: boolean) => {
    setDrafts((current) => {
      if (unsaved === current.includes(kind)) return current
      return unsaved ? [...current, kind] : current.filter((other) => other !== kind)
    })
  }, [])
  return { drafts, report }
}
