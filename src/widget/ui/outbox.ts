import type { Attachment } from '../../shared/api'
import type { JsonStore } from './storage'

/**
 * The images uploaded for a submission or comment. The upload itself is never queued: an image
 * is on the server before its words are sent (or kept), so a queued entry only names it.
 */
interface WithImages {
  attachments?: Attachment[]
}

/** A submission waiting to reach the server; `key` is its Idempotency-Key, fixed at creation. */
export interface PendingSubmit extends WithImages {
  kind: 'submit'
  key: string
  identity: string
  title: string
  body: string
  at: number
}

/** The vote the user wants on a request; a newer wish for the same request replaces it. */
export interface PendingVote {
  kind: 'vote'
  key: string
  identity: string
  requestId: string
  voted: boolean
  at: number
}

/** A comment waiting to reach the server; `key` is its Idempotency-Key, fixed at creation. */
export interface PendingComment extends WithImages {
  kind: 'comment'
  key: string
  identity: string
  requestId: string
  body: string
  at: number
}

export type OutboxEntry = PendingSubmit | PendingVote | PendingComment

export interface Outbox {
  /** Entries of one identity, oldest first. */
  list(identity: string): OutboxEntry[]
  /** Nothing kept for anyone: no need to work out whose entries they would be. */
  isEmpty(): boolean
  has(key: string): boolean
  put(entry: OutboxEntry): void
  remove(key: string): void
}

function isEntry(value: unknown): value is OutboxEntry {
  const entry = value as OutboxEntry
  return (
    !!entry &&
    typeof entry.key === 'string' &&
    typeof entry.identity === 'string' &&
    (entry.kind === 'submit'
      ? typeof entry.title === 'string' && typeof entry.body === 'string'
      : typeof entry.requestId === 'string' &&
        (entry.kind === 'vote' || (entry.kind === 'comment' && typeof entry.body === 'string')))
  )
}

/**
 * Submissions, votes and comments kept in localStorage until the server has them. Every read goes back to
 * storage, so a reload, or another tab, sees the same entries.
 */
export function createOutbox(store: JsonStore, storageKey: string): Outbox {
  const all = (): OutboxEntry[] => {
    const stored = store.read<unknown>(storageKey, [])
    return Array.isArray(stored) ? stored.filter(isEntry) : []
  }
  const save = (entries: OutboxEntry[]) => store.write(storageKey, entries)
  return {
    list: (identity) => all().filter((entry) => entry.identity === identity),
    has: (key) => all().some((entry) => entry.key === key),
    isEmpty: () => !all().length,
    put(entry) {
      const sameVote = (other: OutboxEntry) =>
        entry.kind === 'vote' &&
        other.kind === 'vote' &&
        other.identity === entry.identity &&
        other.requestId === entry.requestId
      save([...all().filter((other) => other.key !== entry.key && !sameVote(other)), entry])
    },
    remove(key) {
      save(all().filter((entry) => entry.key !== key))
    },
  }
}
