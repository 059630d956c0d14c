import type {
  FeedbackComment,
  FeedbackRequest,
  ProjectSettings,
  PublicSort,
  RequestStatus,
} from '../../shared/api'
import { BODY_MAX_LENGTH, COMMENT_MAX_LENGTH, TITLE_MAX_LENGTH } from '../../shared/limits'
import { fill } from '../../shared/messages'
import { randomUuid } from '../anonymous-id'
import { guard as guardWith } from '../safe'
import type { ApiFailure, WidgetCore } from '../types'
import { describeFailure, isWorthRetrying, retryDelayMs } from './failures'
import type { Messages } from './i18n'
import { createOutbox, type OutboxEntry, type PendingComment, type PendingSubmit } from './outbox'
import type { JsonStore } from './storage'
import {
  asComment,
  asRequest,
  asRequestDetail,
  asRequestList,
  type RequestDetail,
} from './validate'

export interface Draft {
  title: string
  body: string
}

/** The panel's views; 'request' is one request with its thread. */
export type View = 'board' | 'form' | 'request'

export interface BoardState {
  open: boolean
  view: View
  /** Where Back leads from the request view: the view it was opened from. */
  from: Exclude<View, 'request'>
  /** The request the request view shows (kept after Back, so focus can return to its row). */
  requestId: string
  /** That request with its comments, as the server last answered it. */
  detail?: RequestDetail
  detailError?: string
  /** The comment being typed in the request view. */
  reply: string
  /** The project's settings, fetched when an anonymous visitor first opens a request. */
  settings?: ProjectSettings
  status: 'idle' | 'loading' | 'ready' | 'error'
  sort: PublicSort
  query: string
  /** The sort and search the list on screen answers: the controls never claim more. */
  listedSort: PublicSort
  listedQuery: string
  /** Only requests with this status, or all with ''. */
  statusFilter: RequestStatus | ''
  /** The list as the server last answered it, with the user's votes applied at once. */
  requests: FeedbackRequest[]
  /** Requests that look like the draft's title, as the server found them. */
  similar: FeedbackRequest[]
  /** Outbox entries of the current identity. */
  pending: OutboxEntry[]
  /** Keys of outbox entries on their way to the server right now. */
  sending: string[]
  draft: Draft
  /** The form waits for its submission's outcome. */
  submitting: boolean
  notice?: string
  loadError?: string
}

/** A sent vote or submission answers its request; a sent comment lands in the thread. */
type Outcome =
  | { request?: FeedbackRequest; failure?: undefined }
  | { failure: ApiFailure; kept: boolean }

const BAD_RESPONSE: ApiFailure = { code: 'bad_response', message: '', status: 200 }

/** Why a draft cannot be sent yet, or undefined when it can. */
export function draftProblem({ title, body }: Draft, t: Messages): string | undefined {
  if (title.trim().length > TITLE_MAX_LENGTH) return fill(t.tooLong, TITLE_MAX_LENGTH)
  if (body.trim().length > BODY_MAX_LENGTH) return fill(t.tooLong, BODY_MAX_LENGTH)
  if (!title.trim()) return t.invalid
}

/** How a submission still in the outbox appears on the board. */
export function pendingRequest(entry: PendingSubmit): FeedbackRequest {
  const { key, title, body, at } = entry
  return {
    id: key,
    title,
    body,
    status: 'open',
    votes: 1,
    voted: true,
    createdAt: `${at}`,
    commentCount: 0,
    mine: true,
    statusNote: null,
  }
}

/** The request as it looks once the user's vote (or unvote) counts. */
export function withVote(request: FeedbackRequest, voted: boolean): FeedbackRequest {
  return { ...request, voted, votes: Math.max(0, request.votes + (voted ? 1 : -1)) }
}

/**
 * The board's state and everything the user can do to it. Components read the state and call
 * these actions; every action is guarded, so no error reaches the host page.
 */
export function createBoard(core: WidgetCore, t: Messages, store: JsonStore) {
  const { projectId } = core.config
  const outbox = createOutbox(store, `reqio:outbox:${projectId}`)
  const draftKey = `reqio:draft:${projectId}`
  const listeners = new Set<() => void>()
  const inFlight = new Set<string>()
  /** Requests whose vote is on its way: another click waits for the answer. */
  const voting = new Set<string>()
  let state: BoardState = {
    open: false,
    view: 'board',
    from: 'board',
    requestId: '',
    reply: '',
    status: 'idle',
    sort: 'top',
    query: '',
    listedSort: 'top',
    listedQuery: '',
    statusFilter: '',
    requests: [],
    similar: [],
    pending: [],
    sending: [],
    submitting: false,
    draft: { title: '', body: '' },
  }
  let loads = 0
  let warmed = false
  let flushing = false
  let searchTimer: ReturnType<typeof setTimeout> | undefined
  let similarTimer: ReturnType<typeof setTimeout> | undefined
  let retryTimer: ReturnType<typeof setTimeout> | undefined
  let loadTimer: ReturnType<typeof setTimeout> | undefined

  function set(patch: Partial<BoardState>) {
    state = { ...state, ...patch }
    for (const listener of listeners) listener()
  }

  function syncPending() {
    set({ pending: outbox.list(core.identityKey()), sending: [...inFlight] })
  }

  /** Wraps an action so neither a throw nor a rejected promise escapes into the host page. */
  const guard = <A extends unknown[]>(action: (...args: A) => unknown) =>
    guardWith(action, core.report) as (...args: A) => void

  /** Reports a failure to the host and returns what to tell the user. */
  function describe(failure: ApiFailure): string {
    const message = describeFailure(failure, t)
    core.emit('error', { code: failure.code, message })
    return message
  }

  /** Puts a request in the list (and among the similar ones), replacing its old copy. */
  function upsert(request: FeedbackRequest) {
    const { requests, similar, detail } = state
    const replace = (r: FeedbackRequest) => (r.id === request.id ? request : r)
    set({
      requests: requests.some((r) => r.id === request.id)
        ? requests.map(replace)
        : [request, ...requests],
      similar: similar.map(replace),
      detail: detail && detail.id === request.id ? { ...detail, ...request } : detail,
    })
  }

  /** A comment the server now has: into the open thread (once), counted on its request. */
  function addComment(requestId: string, comment: FeedbackComment) {
    const { detail } = state
    if (
      !detail ||
      state.requestId !== requestId ||
      detail.comments.some((c) => c.id === comment.id)
    )
      return
    // The thread on screen may be only its newest part: count on from the server's number.
    const commentCount = detail.commentCount + 1
    upsert({ ...detail, commentCount })
    set({ detail: { ...detail, comments: [...detail.comments, comment], commentCount } })
  }

  /**
   * The page before the oldest comment shown, put above it. An answer that finds the thread
   * changed meanwhile (another click, a new comment, another request) is dropped.
   */
  async function loadOlderComments() {
    const before = state.detail
    const cursor = before && before.commentsCursor
    if (!cursor) return
    const result = await core.api.olderComments(before.id, cursor)
    const page = result.ok && result.data
    if (page && Array.isArray(page.comments) && state.detail === before) {
      const comments = [...page.comments, ...before.comments]
      set({ detail: asRequestDetail({ ...before, comments, commentsCursor: page.nextCursor }) })
    }
  }

  const identified = () => core.identityKey().startsWith('user:')

  /** The open request and its thread, fresh from the server. */
  async function loadDetail() {
    const id = state.requestId
    const result = await core.api.getRequest(id)
    if (id !== state.requestId) return
    const detail = result.ok ? asRequestDetail(result.data && result.data.request) : undefined
    // The list's copy catches up too (comment count, status, note).
    if (detail) {
      set({
        detail,
        detailError: '',
        requests: state.requests.map((r) => (r.id === detail.id ? detail : r)),
      })
    } else set({ detailError: describe(result.ok ? BAD_RESPONSE : result.error) })
  }

  /** Whether anonymous visitors may comment is the project's call; asked for only when needed. */
  async function loadSettings() {
    const result = await core.api.getProject()
    const settings = result.ok && result.data && result.data.project && result.data.project.settings
    if (settings) set({ settings })
  }

  /** Asks the server, once the user pauses, which requests look like the draft's title. */
  function findSimilar() {
    clearTimeout(similarTimer)
    const title = state.draft.title.trim()
    // The server refuses an over-long title here too: never send what it will refuse.
    if (!title || title.length > TITLE_MAX_LENGTH) return set({ similar: [] })
    similarTimer = setTimeout(
      guard(async () => {
        const result = await core.api.listRequests({ similar: title })
        const similar = result.ok && asRequestList(result.data)
        if (similar && state.draft.title.trim() === title) set({ similar })
      }),
      300,
    )
  }

  function setDraft(patch: Partial<Draft>) {
    const titleChanged = patch.title !== undefined && patch.title !== state.draft.title
    const draft = { ...state.draft, ...patch }
    store.write(draftKey, draft)
    set({ draft })
    if (titleChanged) findSimilar()
  }

  /** Reports a kept action and plans the next try by itself when waiting helps. */
  function keep(failure: ApiFailure): string {
    const delay = retryDelayMs(failure)
    if (delay) {
      clearTimeout(retryTimer)
      retryTimer = setTimeout(actions.flush, delay)
    }
    return `${describe(failure)} ${t.saved}`
  }

  /** Sends one outbox entry; it leaves the outbox once the server has it or refuses it for good. */
  async function send(entry: OutboxEntry): Promise<Outcome> {
    inFlight.add(entry.key)
    syncPending()
    try {
      const result =
        entry.kind === 'submit'
          ? await core.api.submitRequest({ title: entry.title, body: entry.body }, entry.key)
          : entry.kind === 'comment'
            ? await core.api.postComment(entry.requestId, entry.body, entry.key)
            : entry.voted
              ? await core.api.vote(entry.requestId)
              : await core.api.unvote(entry.requestId)
      const data = (result.ok && result.data) as { request?: unknown; comment?: unknown }
      const comment = entry.kind === 'comment' && asComment(data && data.comment)
      if (comment) {
        outbox.remove(entry.key)
        addComment(entry.requestId, comment)
        return {}
      }
      const request = entry.kind !== 'comment' && asRequest(data && data.request)
      if (request) {
        outbox.remove(entry.key)
        upsert(request)
        return { request }
      }
      const failure = result.ok ? BAD_RESPONSE : result.error
      const kept = isWorthRetrying(failure)
      if (!kept) outbox.remove(entry.key)
      return { failure, kept }
    } finally {
      inFlight.delete(entry.key)
      syncPending()
    }
  }

  async function load() {
    const current = ++loads
    clearTimeout(loadTimer)
    const { sort, query } = state
    set({ status: 'loading' })
    const result = await core.api.listRequests({ sort, q: query.trim() })
    if (current !== loads) return
    const requests = result.ok ? asRequestList(result.data) : undefined
    if (requests) {
      return set({ status: 'ready', requests, listedSort: sort, listedQuery: query })
    }
    const failure = result.ok ? BAD_RESPONSE : result.error
    // The controls go back to what the list shows; rows of another search are not this one's.
    set({
      status: 'error',
      loadError: describe(failure),
      sort: state.listedSort,
      requests: query === state.listedQuery ? state.requests : [],
      listedQuery: query,
    })
    // No answer or server trouble: try again by itself, as the message promises.
    if (state.open && (!failure.status || failure.status > 499)) loadTimer = setTimeout(load, 5000)
  }

  const actions = {
    get: (): BoardState => state,
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
    warm: guard(() => {
      if (warmed) return
      warmed = true
      set({ draft: { ...state.draft, ...store.read(draftKey, {}) } })
      syncPending()
      if (state.status === 'idle') load()
    }),

    /** The project's settings, as the launcher's request brought them: kept for the panel, no render. */
    noteSettings: (settings: ProjectSettings | undefined) => {
      if (settings) state = { ...state, settings }
    },

    setOpen: guard((open: boolean) => {
      if (open === state.open) return
      if (open) actions.warm()
      set({ open, notice: '' })
      core.emit(open ? 'open' : 'close', undefined)
      // A hover's prefetch may be on its way already; a failed one is retried.
      if (open && /idle|error/.test(state.status)) load()
      // Back in a request: what the team answered meanwhile.
      if (open && state.view === 'request') loadDetail()
      if (open) actions.flush()
    }),

    reload: guard(load),

    setSort: guard((sort: PublicSort) => {
      set({ sort })
      return load()
    }),

    setQuery: guard((query: string) => {
      set({ query })
      clearTimeout(searchTimer)
      searchTimer = setTimeout(actions.reload, 250)
    }),
    setFilter: guard((statusFilter: RequestStatus | '') => set({ statusFilter })),

    /** Opens the form (with `title`, e.g. a search that found nothing) or goes back. */
    showForm: guard((form: boolean, title?: string) => {
      if (title) setDraft({ title })
      set({ view: form ? 'form' : 'board', notice: '' })
      if (form) findSimilar()
    }),
    setDraft: guard(setDraft),

    /**
     * Shows one request with its thread, from whichever view (or with the panel closed): Back
     * returns to that view as it was. The one way into the request view, for every view.
     */
    openRequest: guard((id: string) => {
      const same = id === state.requestId
      set({
        view: 'request',
        from: state.view === 'request' ? state.from : state.view,
        requestId: id,
        notice: '',
        ...(!same && { detail: undefined, detailError: '', reply: '' }),
      })
      if (!state.settings && !identified()) loadSettings()
      if (state.open) loadDetail()
      else actions.setOpen(true)
    }),
    closeRequest: guard(() => set({ view: state.from, notice: '' })),
    /** A long thread's "Show older comments". */
    loadOlderComments: guard(loadOlderComments),
    setReply: guard((reply: string) => set({ reply })),
    /** Whether the comment box shows: identified users always, visitors where allowed. */
    canComment: (): boolean => {
      const { settings } = state
      return (
        identified() || (!!settings && settings.allowAnonymousComments && !settings.requireIdentity)
      )
    },

    /** Sends the typed comment through the outbox, like votes and submissions. */
    sendComment: guard(async () => {
      const body = state.reply.trim()
      if (!body || body.length > COMMENT_MAX_LENGTH) {
        return set({ notice: body ? fill(t.tooLong, COMMENT_MAX_LENGTH) : t.invalid })
      }
      const entry: PendingComment = {
        kind: 'comment',
        key: randomUuid(),
        identity: core.identityKey(),
        requestId: state.requestId,
        body,
        at: Date.now(),
      }
      outbox.put(entry)
      // The text is in the outbox (and on screen as pending): the box is free for the next one.
      set({ reply: '', notice: '' })
      const outcome = await send(entry)
      if (!outcome.failure) return
      if (outcome.kept) return set({ notice: keep(outcome.failure) })
      if (!state.reply.trim() && state.requestId === entry.requestId) set({ reply: body })
      set({ notice: describe(outcome.failure) })
    }),

    toggleVote: guard(async (request: FeedbackRequest) => {
      const { id } = request
      if (request.status === 'done' && !request.voted) return set({ notice: t.alreadyShipped })
      if (voting.has(id)) return
      voting.add(id)
      const voted = !request.voted
      const before = state.requests.find((r) => r.id === id)
      const entry: OutboxEntry = {
        kind: 'vote',
        key: randomUuid(),
        identity: core.identityKey(),
        requestId: id,
        voted,
        at: Date.now(),
      }
      // Written before sending, so a reload mid-flight still remembers the vote.
      outbox.put(entry)
      upsert(withVote(request, voted))
      set({ notice: '' })
      const outcome = await send(entry).finally(() => voting.delete(id))
      if (!outcome.failure) {
        core.emit('vote', {
          requestId: id,
          voted: (outcome.request as FeedbackRequest).voted,
          pending: false,
        })
      } else if (outcome.kept) {
        set({ notice: keep(outcome.failure) })
        core.emit('vote', { requestId: id, voted, pending: true })
      } else {
        if (before) upsert(before)
        set({ notice: `${t.voteRefused} ${describe(outcome.failure)}` })
      }
    }),

    submit: guard(async () => {
      const problem = draftProblem(state.draft, t)
      if (problem || state.submitting) return set({ notice: problem })
      const entry: PendingSubmit = {
        kind: 'submit',
        key: randomUuid(),
        identity: core.identityKey(),
        title: state.draft.title.trim(),
        body: state.draft.body.trim(),
        at: Date.now(),
      }
      // From here the text is in the outbox too; the draft is cleared only once that is safe.
      outbox.put(entry)
      set({ submitting: true, notice: '' })
      const outcome = await send(entry).finally(() => set({ submitting: false }))
      if (outcome.failure && !outcome.kept) return set({ notice: describe(outcome.failure) })
      // Clear only what was sent: anything typed meanwhile stays.
      const { draft } = state
      if (draft.title.trim() === entry.title && draft.body.trim() === entry.body) {
        setDraft({ title: '', body: '' })
      }
      set({ view: 'board', notice: outcome.failure ? keep(outcome.failure) : t.thanks })
      core.emit('submit', {
        request: outcome.failure ? pendingRequest(entry) : (outcome.request as FeedbackRequest),
        pending: !!outcome.failure,
      })
    }),

    /** Sends what the outbox holds for the current identity, oldest first, each exactly once. */
    flush: guard(async () => {
      if (flushing) return
      flushing = true
      try {
        for (const entry of outbox.list(core.identityKey())) {
          // A submit or a vote may have sent it, or be sending it, meanwhile.
          if (inFlight.has(entry.key) || !outbox.has(entry.key)) continue
          const outcome = await send(entry)
          if (!outcome.failure) {
            if (entry.kind === 'submit') {
              core.emit('submit', { request: outcome.request as FeedbackRequest, pending: false })
            } else if (entry.kind === 'vote') {
              core.emit('vote', { requestId: entry.requestId, voted: entry.voted, pending: false })
            }
          } else if (outcome.kept) {
            keep(outcome.failure)
            break
          } else {
            // Refused for good: give the text back rather than drop it.
            const { draft } = state
            if (entry.kind === 'submit' && !draft.title.trim() && !draft.body.trim()) {
              setDraft({ title: entry.title, body: entry.body })
            }
            if (
              entry.kind === 'comment' &&
              !state.reply.trim() &&
              entry.requestId === state.requestId
            ) {
              set({ reply: entry.body })
            }
            set({ notice: describe(outcome.failure) })
          }
        }
      } finally {
        flushing = false
      }
    }),

    /** Back online: send what waited, and load a board that failed while offline. */
    reconnected: guard(() => {
      actions.flush()
      if (state.status === 'error') load()
      if (state.open && state.view === 'request' && state.detailError) loadDetail()
    }),

    /** A fresh token (maybe for the same person): send what waited, show the board as they see it. */
    identified: guard(() => {
      actions.flush()
      if (/ready|error/.test(state.status)) load()
    }),

    /** After identify()/reset(): nothing of the previous person stays on screen. */
    identityChanged: guard(() => {
      loads++
      set({ status: 'idle', requests: [], similar: [], notice: '', detail: undefined })
      syncPending()
      if (state.open) load()
      if (state.open && state.view === 'request') loadDetail()
      actions.flush()
    }),

    /** Renders again as is, e.g. in a language just learned. */
    redraw: () => set({}),

    dispose() {
      clearTimeout(searchTimer)
      clearTimeout(similarTimer)
      clearTimeout(retryTimer)
      clearTimeout(loadTimer)
      listeners.clear()
    },
  }
  return actions
}

export type Board = ReturnType<typeof createBoard>
