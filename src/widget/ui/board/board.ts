import type { FeedbackRequest } from '../../../shared/api'
import type { WidgetCore } from '../../types'
import type { Messages } from '../i18n'
import { withVote } from '../request-shapes'
import type { JsonStore } from '../storage'
import { createComposer } from './composer'
import { createFollowToggle } from './follow'
import { createList } from './list'
import { createOwnWords } from './own-words'
import { type BoardContext, createPart, guard, reportFailure } from './part'
import { createSender } from './sender'
import { createThread } from './thread'

/** The panel's views; 'request' is one request with its thread. */
export type View = 'board' | 'form' | 'request'

export interface PanelState {
  open: boolean
  view: View
  /** Where Back leads from the request view: the view it was opened from. */
  from: Exclude<View, 'request'>
  notice?: string
}

/**
 * The board: the panel (open, which view, its notice) and its parts, each with its own state:
 * the list, the composer (submit form), the thread (request view) and the outbox's sender.
 * Components read the parts they show and call these actions; every action is guarded, so no
 * error reaches the host page.
 */
export function createBoard(core: WidgetCore, t: Messages, store: JsonStore) {
  const listeners = new Set<() => void>()
  const changed = () => {
    for (const listener of listeners) listener()
  }
  const panel = createPart<PanelState>({ open: false, view: 'board', from: 'board' }, changed)
  const ctx: BoardContext = {
    core,
    t,
    store,
    // A closed panel shows none of the parts, and opening it draws them all: until then their
    // changes (a hover's prefetch, the launcher's settings) cost the host page no render.
    redraw: () => panel.get().open && changed(),
    tell: (notice = '') => panel.set({ notice }),
    untell: (notice) => panel.get().notice === notice && panel.set({ notice: '' }),
  }
  const list = createList(ctx, () => panel.get().open)
  /** The server's copy of a request, wherever it shows: list, similar titles, request view. */
  const answered = (request: FeedbackRequest) => {
    list.upsert(request)
    composer.swapIn(request)
    thread.swapIn(request)
  }
  const sender = createSender(ctx, {
    answered,
    commented: (requestId, comment) => thread.addComment(requestId, comment),
    refused(entry, failure) {
      // Refused for good: give the text back rather than drop it.
      if (entry.kind === 'submit') composer.giveBack(entry)
      if (entry.kind === 'comment') thread.giveBack(entry)
      ctx.tell(reportFailure(ctx, failure))
    },
  })
  const composer = createComposer(ctx, sender, () => panel.set({ view: 'board' }))
  const thread = createThread(ctx, sender, list.swapIn, () => inRequestView())
  const own = createOwnWords(ctx, thread, answered)
  /** Requests whose vote is on its way: another click waits for the answer. */
  const voting = new Set<string>()
  let warmed = false
  const inRequestView = () => panel.get().open && panel.get().view === 'request'
  /** Another view: the notice was about the one left. */
  const show = (view: View, from = panel.get().from) => panel.set({ view, from, notice: '' })

  const board = {
    get: panel.get,
    list,
    composer,
    thread,
    own,
    sender,
    follow: createFollowToggle(ctx, thread),
    /** How far the list was scrolled, so Back from a request lands exactly there. */
    listScroll: 0,
    subscribe(listener: () => void): () => void {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },

    /**
     * Reads what this browser kept (the draft, the outbox's pending rows) and loads the list:
     * what only the open panel needs, so it waits for the panel, or the launcher's hover or
     * focus, and the host page's load never touches localStorage for it.
     */
    warm: guard(ctx, () => {
      if (warmed) return
      warmed = true
      composer.restoreDraft()
      sender.syncPending()
      if (list.get().status === 'idle') list.reload()
    }),

    /** The project's settings, as the launcher's request brought them. */
    noteSettings: thread.noteSettings,

    open: guard(ctx, () => {
      if (panel.get().open) return
      board.warm()
      panel.set({ open: true, notice: '' })
      core.emit('open', undefined)
      // A hover's prefetch may be on its way already; a failed one is retried.
      list.loadUnlessShown()
      // Back in a request: what the team answered meanwhile.
      if (inRequestView()) thread.load()
      sender.flush()
    }),
    close: guard(ctx, () => {
      if (!panel.get().open) return
      panel.set({ open: false, notice: '' })
      core.emit('close', undefined)
    }),

    /** Opens the submit form, with `title` when given (e.g. a search that found nothing). */
    openForm: guard(ctx, (title?: string) => {
      show('form')
      composer.begin(title)
    }),
    showBoard: guard(ctx, () => show('board')),

    /**
     * Shows one request with its thread, from whichever view (or with the panel closed): Back
     * returns to that view as it was. The one way into the request view, for every view.
     */
    openRequest: guard(ctx, (id: string) => {
      const { view, from } = panel.get()
      thread.showRequest(id)
      show('request', view === 'request' ? from : view)
      if (panel.get().open) thread.load()
      else board.open()
    }),
    closeRequest: guard(ctx, () => show(panel.get().from)),

    toggleVote: guard(ctx, async (request: FeedbackRequest) => {
      const { id } = request
      if (request.status === 'done' && !request.voted) return ctx.tell(t.alreadyShipped)
      if (voting.has(id)) return
      voting.add(id)
      const voted = !request.voted
      const before = list.get().requests.find((r) => r.id === id)
      answered(withVote(request, voted))
      ctx.tell()
      const delivery = await sender
        .dispatch({ kind: 'vote', requestId: id, voted })
        .finally(() => voting.delete(id))
      if (delivery.sent || delivery.kept) return
      if (before) answered(before)
      ctx.tell(`${t.voteRefused} ${reportFailure(ctx, delivery.failure)}`)
    }),

    /** Sends what the outbox kept for the current identity. */
    flush: sender.flush,

    /** Back online: send what waited, and load a board or request that failed while offline. */
    reconnected: guard(ctx, () => {
      sender.flush()
      if (list.get().status === 'error') list.reload()
      if (inRequestView() && thread.get().status === 'failed') thread.load()
    }),

    /** A fresh token (maybe for the same person): send what waited, show the board as they see it. */
    identified: guard(ctx, () => {
      sender.flush()
      list.reloadShown()
    }),

    /** After identify()/reset(): nothing of the previous person stays on screen. */
    identityChanged: guard(ctx, () => {
      list.forgetPerson()
      composer.forgetPerson()
      thread.forgetPerson()
      own.stopEditing()
      ctx.tell()
      sender.syncPending()
      if (panel.get().open) list.reload()
      if (inRequestView()) thread.load()
      sender.flush()
    }),

    /** Renders again as is, e.g. in a language just learned. */
    redraw: changed,

    dispose() {
      list.dispose()
      composer.dispose()
      sender.dispose()
      thread.dispose()
      listeners.clear()
    },
  }
  return board
}

export type Board = ReturnType<typeof createBoard>
