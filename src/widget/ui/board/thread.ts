import type { FeedbackComment, FeedbackRequest, ProjectSettings } from '../../../shared/api'
import { COMMENT_MAX_LENGTH } from '../../../shared/limits'
import { fill } from '../../../shared/messages'
import { isServerAway } from '../failures'
import type { PendingComment } from '../outbox'
import { asRequestDetail, type RequestDetail } from '../validate'
import { BAD_RESPONSE, type BoardContext, createPart, guard, reportFailure } from './part'
import type { Sender } from './sender'
import { createUploads } from './uploads'

/** 'failed': the request could not be loaded (the view offers Retry). */
export type ThreadStatus = 'loading' | 'ready' | 'failed'

export interface ThreadState {
  status: ThreadStatus
  /** The request the request view shows (kept after Back, so focus can return to its row). */
  requestId: string
  /** That request with its comments, as the server last answered it. */
  detail?: RequestDetail
  detailError?: string
  /** The comment being typed. */
  typed: string
  /** The project's settings: whether visitors may comment. */
  settings?: ProjectSettings
}

/**
 * The request view's part: one request with its thread, the comment being typed and its
 * sending through the outbox. `caughtUp` gets the server's fresh copy of the request.
 */
export function createThread(
  ctx: BoardContext,
  sender: Sender,
  caughtUp: (request: FeedbackRequest) => void,
  isShown: () => boolean,
) {
  const { core, t } = ctx
  const { get, set } = createPart<ThreadState>(
    { status: 'loading', requestId: '', typed: '' },
    ctx.redraw,
  )

  let retryTimer: ReturnType<typeof setTimeout> | undefined
  const uploads = createUploads(ctx)

  /** The open request and its thread, fresh from the server. */
  async function load() {
    clearTimeout(retryTimer)
    const { requestId } = get()
    const result = await core.api.getRequest(requestId)
    if (requestId !== get().requestId) return
    const detail = result.ok ? asRequestDetail(result.data && result.data.request) : undefined
    if (!detail) {
      const failure = result.ok ? BAD_RESPONSE : result.error
      set({ status: 'failed', detailError: reportFailure(ctx, failure) })
      // "Not answering, retrying": so it does, while the view is open, until the server is back.
      if (isShown() && isServerAway(failure)) retryTimer = setTimeout(reload, 5000)
      return
    }
    set({ status: 'ready', detail, detailError: '' })
    caughtUp(detail)
  }

  /**
   * The page before the oldest comment shown, put above it. An answer that finds the thread
   * changed meanwhile (another click, a new comment, another request) is dropped.
   */
  async function loadOlderComments() {
    const before = get().detail
    const cursor = before && before.commentsCursor
    if (!cursor) return
    const result = await core.api.olderComments(before.id, cursor)
    const page = result.ok && result.data
    if (page && Array.isArray(page.comments) && get().detail === before) {
      const comments = [...page.comments, ...before.comments]
      set({ detail: asRequestDetail({ ...before, comments, commentsCursor: page.nextCursor }) })
    }
  }

  /** Whether visitors may comment is the project's call; asked for only when needed. */
  async function loadSettings() {
    const result = await core.api.getProject()
    const project = result.ok && result.data && result.data.project
    if (project) noteSettings(project.settings)
  }

  const reload = guard(ctx, () => isShown() && load())

  function noteSettings(settings: ProjectSettings | undefined) {
    if (settings) set({ settings })
  }

  /** Gives a refused comment's text back to an empty box of the same request. */
  function giveBack(entry: PendingComment) {
    const { typed, requestId } = get()
    if (!typed.trim() && requestId === entry.requestId) set({ typed: entry.body })
  }

  return {
    get,
    /** The images going with the comment being typed. */
    uploads,
    load: guard(ctx, load),
    /** Shows request `id`: what was loaded for another one goes. */
    showRequest(id: string) {
      if (id !== get().requestId) {
        set({ requestId: id, status: 'loading', detail: undefined, detailError: '', typed: '' })
        uploads.dropAll()
      }
      if (!get().settings && !core.isIdentified()) guard(ctx, loadSettings)()
    },
    /** The project's settings, as the launcher's request brought them. */
    noteSettings,
    loadOlderComments: guard(ctx, loadOlderComments),
    setTyped: guard(ctx, (typed: string) => set({ typed })),
    /** Whether the comment box shows: identified users always, visitors where allowed. */
    canComment(): boolean {
      const { settings } = get()
      return (
        core.isIdentified() ||
        (!!settings && settings.allowAnonymousComments && !settings.requireIdentity)
      )
    },
    /** A comment the server now has: into the open thread (once), counted on its request. */
    addComment(requestId: string, comment: FeedbackComment) {
      const { detail } = get()
      if (!detail || get().requestId !== requestId) return
      if (detail.comments.some((c) => c.id === comment.id)) return
      // The thread on screen may be only its newest part: count on from the server's number.
      const commentCount = detail.commentCount + 1
      set({ detail: { ...detail, comments: [...detail.comments, comment], commentCount } })
      caughtUp({ ...detail, commentCount })
    },
    /** Your comment edited (`comment`) or deleted (none): the thread and its count follow. */
    changeComment(id: string, comment?: FeedbackComment) {
      const { detail } = get()
      if (!detail) return
      const comments = detail.comments.flatMap((c) =>
        c.id !== id ? [c] : comment ? [comment] : [],
      )
      const commentCount = detail.commentCount - detail.comments.length + comments.length
      set({ detail: { ...detail, comments, commentCount } })
      caughtUp({ ...detail, commentCount })
    },
    /** The server's newer copy of the request shown, e.g. after a vote. */
    swapIn(request: FeedbackRequest) {
      const { detail } = get()
      if (detail && detail.id === request.id) set({ detail: { ...detail, ...request } })
    },
    giveBack,
    /** Sends the typed comment through the outbox, like votes and submissions. */
    sendTyped: guard(ctx, async () => {
      const body = get().typed.trim()
      if (uploads.busy()) return
      if (!body || body.length > COMMENT_MAX_LENGTH) {
        return ctx.tell(body ? fill(t.tooLong, COMMENT_MAX_LENGTH) : t.invalid)
      }
      // The text is in the outbox (and on screen as pending): the box is free for the next one.
      const attachments = uploads.attached()
      set({ typed: '' })
      uploads.dropAll()
      ctx.tell()
      const wish = { kind: 'comment', requestId: get().requestId, body, attachments } as const
      const delivery = await sender.dispatch(wish)
      if (delivery.sent || delivery.kept) return
      giveBack(wish as PendingComment)
      ctx.tell(reportFailure(ctx, delivery.failure))
    }),
    /** Forgets what was shown for the previous person. */
    forgetPerson() {
      set({ detail: undefined })
      uploads.dropAll()
    },
    dispose: () => clearTimeout(retryTimer),
  }
}

export type Thread = ReturnType<typeof createThread>
