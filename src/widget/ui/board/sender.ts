import type { FeedbackComment, FeedbackRequest } from '../../../shared/api'
import { randomUuid } from '../../anonymous-id'
import type { ApiFailure } from '../../types'
import { isWorthRetrying, retryDelayMs } from '../failures'
import { createOutbox, type OutboxEntry } from '../outbox'
import { pendingRequest } from '../request-shapes'
import { asComment, asRequest } from '../validate'
import { BAD_RESPONSE, type BoardContext, createPart, guard, reportFailure } from './part'
import { imageIds } from './uploads'

export interface SenderState {
  /** Outbox entries of the current identity. */
  pending: OutboxEntry[]
  /** Keys of outbox entries on their way to the server right now. */
  sending: string[]
}

/** What the user wants sent, before the outbox stamps it with its key, owner and time. */
type Unstamped<E> = E extends OutboxEntry ? Omit<E, 'key' | 'identity' | 'at'> : never
export type Wish = Unstamped<OutboxEntry>

/** How a delivery ended: the server has it, or it failed and is `kept` to try again (or not). */
export type Delivery = { sent: true } | { sent: false; failure: ApiFailure; kept: boolean }

/** What the rest of the board does with the server's answers. */
export interface SenderHooks {
  /** A vote or submission came back as the request the server now has. */
  answered(request: FeedbackRequest): void
  commented(requestId: string, comment: FeedbackComment): void
  /** The server refused an entry for good while the outbox was being emptied. */
  refused(entry: OutboxEntry, failure: ApiFailure): void
}

/**
 * The outbox's sender: every submission, vote and comment is written to the outbox first and
 * leaves it once the server has it or refuses it for good, so a reload or a lost connection
 * loses nothing. It tells the host (`submit`, `vote`) what reached the server.
 */
export function createSender(ctx: BoardContext, hooks: SenderHooks) {
  const { core } = ctx
  const outbox = createOutbox(ctx.store, `reqio:outbox:${core.config.projectId}`)
  const { get, set } = createPart<SenderState>({ pending: [], sending: [] }, ctx.redraw)
  const inFlight = new Set<string>()
  let flushing = false
  let retryTimer: ReturnType<typeof setTimeout> | undefined
  /** What the user was told about kept actions ("…Saved; it will be sent automatically."). */
  let keptNotice = ''

  const sync = () => set({ pending: outbox.list(core.identityKey()), sending: [...inFlight] })

  /** The call that carries an entry to the server. */
  function carry(entry: OutboxEntry) {
    const { api } = core
    const attachmentIds = entry.kind !== 'vote' ? imageIds(entry.attachments) : undefined
    if (entry.kind === 'submit') {
      return api.submitRequest({ title: entry.title, body: entry.body, attachmentIds }, entry.key)
    }
    if (entry.kind === 'comment') {
      return api.postComment(entry.requestId, entry.body, entry.key, attachmentIds)
    }
    return entry.voted ? api.vote(entry.requestId) : api.unvote(entry.requestId)
  }

  /** Tells the host about a submission or vote: as the server has it, or still pending. */
  function announce(entry: OutboxEntry, answer?: FeedbackRequest) {
    const pending = !answer
    if (entry.kind === 'submit') {
      core.emit('submit', { request: answer || pendingRequest(entry), pending })
    }
    if (entry.kind === 'vote') {
      const voted = answer ? answer.voted : entry.voted
      core.emit('vote', { requestId: entry.requestId, voted, pending })
    }
  }

  /** Sends one entry; it leaves the outbox once the server has it or refuses it for good. */
  async function deliver(entry: OutboxEntry): Promise<Delivery> {
    inFlight.add(entry.key)
    sync()
    try {
      const result = await carry(entry)
      const data = (result.ok && result.data) as { request?: unknown; comment?: unknown }
      const comment = entry.kind === 'comment' && asComment(data && data.comment)
      const request = entry.kind !== 'comment' && asRequest(data && data.request)
      if (comment || request) {
        outbox.remove(entry.key)
        if (comment) hooks.commented(entry.requestId, comment)
        if (request) {
          hooks.answered(request)
          announce(entry, request)
        }
        return { sent: true }
      }
      const failure = result.ok ? BAD_RESPONSE : result.error
      const kept = isWorthRetrying(failure)
      if (!kept) outbox.remove(entry.key)
      return { sent: false, failure, kept }
    } finally {
      inFlight.delete(entry.key)
      sync()
    }
  }

  /** Sends what the outbox holds for the current identity, oldest first, each exactly once. */
  async function flush() {
    // Most pages keep nothing: then no anonymous id is read or created for the outbox's sake.
    if (flushing || outbox.isEmpty()) return
    flushing = true
    try {
      for (const entry of outbox.list(core.identityKey())) {
        // A submit or a vote may have sent it, or be sending it, meanwhile.
        if (inFlight.has(entry.key) || !outbox.has(entry.key)) continue
        const delivery = await deliver(entry)
        if (delivery.sent) continue
        if (delivery.kept) return void retryLater(delivery.failure)
        hooks.refused(entry, delivery.failure)
      }
      // Everything kept has left: "offline, saved" is no longer true.
      if (!outbox.list(core.identityKey()).length) ctx.untell(keptNotice)
    } finally {
      flushing = false
    }
  }
  const guardedFlush = guard(ctx, flush)

  /** Plans the next try when waiting helps; returns what to tell the user about the kept action. */
  function retryLater(failure: ApiFailure): string {
    const delay = retryDelayMs(failure)
    if (delay) {
      clearTimeout(retryTimer)
      retryTimer = setTimeout(guardedFlush, delay)
    }
    keptNotice = `${reportFailure(ctx, failure)} ${ctx.t.saved}`
    return keptNotice
  }

  return {
    get,
    /** Reads the outbox's rows for the current identity, e.g. when the panel first opens. */
    syncPending: sync,
    /**
     * Writes what the user wants into the outbox (before sending, so a reload mid-flight still
     * remembers it) and sends it. A kept one is announced to the host as pending, and the user
     * is told it goes later.
     */
    async dispatch<W extends Wish>(wish: W): Promise<Delivery> {
      const entry = {
        ...wish,
        key: randomUuid(),
        identity: core.identityKey(),
        at: Date.now(),
      } as W & OutboxEntry
      outbox.put(entry)
      const delivery = await deliver(entry)
      if (!delivery.sent && delivery.kept) {
        announce(entry)
        ctx.tell(retryLater(delivery.failure))
      }
      return delivery
    },
    flush: guardedFlush,
    dispose: () => clearTimeout(retryTimer),
  }
}

export type Sender = ReturnType<typeof createSender>
