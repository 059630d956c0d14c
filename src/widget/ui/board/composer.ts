import type { FeedbackRequest } from '../../../shared/api'
import { BODY_MAX_LENGTH, TITLE_MAX_LENGTH } from '../../../shared/limits'
import { fill } from '../../../shared/messages'
import type { Messages } from '../i18n'
import type { PendingSubmit } from '../outbox'
import { asRequestList } from '../validate'
import { type BoardContext, createPart, guard, reportFailure } from './part'
import type { Sender } from './sender'
import { createUploads } from './uploads'

export interface Draft {
  title: string
  body: string
}

/** 'sending': the form waits for its submission's outcome. */
export type ComposerStatus = 'writing' | 'sending'

export interface ComposerState {
  status: ComposerStatus
  draft: Draft
  /** Requests that look like the draft's title, as the server found them. */
  similar: FeedbackRequest[]
}

/** Why a draft cannot be sent yet, or undefined when it can. */
export function draftProblem({ title, body }: Draft, t: Messages): string | undefined {
  if (title.trim().length > TITLE_MAX_LENGTH) return fill(t.tooLong, TITLE_MAX_LENGTH)
  if (body.trim().length > BODY_MAX_LENGTH) return fill(t.tooLong, BODY_MAX_LENGTH)
  if (!title.trim()) return t.invalid
}

/**
 * The submit form's part: the draft (kept in localStorage while typed), the similar requests
 * found for its title, and its submission through the outbox.
 */
export function createComposer(ctx: BoardContext, sender: Sender, onSubmitted: () => void) {
  const { core, t, store } = ctx
  const draftKey = `reqio:draft:${core.config.projectId}`
  const { get, set } = createPart<ComposerState>(
    { status: 'writing', draft: { title: '', body: '' }, similar: [] },
    ctx.redraw,
  )
  let similarTimer: ReturnType<typeof setTimeout> | undefined
  const uploads = createUploads(ctx)

  /** Asks the server, once the user pauses, which requests look like the draft's title. */
  function findSimilar() {
    clearTimeout(similarTimer)
    const title = get().draft.title.trim()
    // The server refuses an over-long title here too: never send what it will refuse.
    if (!title || title.length > TITLE_MAX_LENGTH) return set({ similar: [] })
    similarTimer = setTimeout(
      guard(ctx, async () => {
        const result = await core.api.listRequests({ similar: title })
        const similar = result.ok && asRequestList(result.data)
        if (similar && get().draft.title.trim() === title) set({ similar })
      }),
      300,
    )
  }

  function setDraft(patch: Partial<Draft>) {
    const { draft } = get()
    const titleChanged = patch.title !== undefined && patch.title !== draft.title
    const next = { ...draft, ...patch }
    store.write(draftKey, next)
    set({ draft: next })
    if (titleChanged) findSimilar()
  }

  const isEmpty = ({ title, body }: Draft) => !title.trim() && !body.trim()

  return {
    get,
    uploads,
    /** Takes back the draft this browser kept, when the panel first opens. */
    restoreDraft: () => set({ draft: { ...get().draft, ...store.read(draftKey, {}) } }),
    setDraft: guard(ctx, setDraft),
    /** The form opens: with `title` (a search that found nothing), else the draft as it was. */
    begin(title?: string) {
      if (title) setDraft({ title })
      findSimilar()
    },
    /** Gives a refused submission's text back to an empty form rather than dropping it. */
    giveBack(entry: PendingSubmit) {
      if (isEmpty(get().draft)) setDraft({ title: entry.title, body: entry.body })
    },
    submit: guard(ctx, async () => {
      const { draft, status } = get()
      const problem = draftProblem(draft, t)
      if (problem || status === 'sending' || uploads.busy()) return ctx.tell(problem)
      const title = draft.title.trim()
      const body = draft.body.trim()
      set({ status: 'sending' })
      ctx.tell()
      // The text is in the outbox from here; the draft is cleared only once that is safe.
      const delivery = await sender
        .dispatch({ kind: 'submit', title, body, attachments: uploads.attached() })
        .finally(() => set({ status: 'writing' }))
      if (!delivery.sent && !delivery.kept) return ctx.tell(reportFailure(ctx, delivery.failure))
      // Clear only what was sent: anything typed meanwhile stays.
      const now = get().draft
      if (now.title.trim() === title && now.body.trim() === body) {
        setDraft({ title: '', body: '' })
        uploads.dropAll()
      }
      onSubmitted()
      // A kept one has told already that it goes later.
      if (delivery.sent) ctx.tell(t.thanks)
    }),
    swapIn(request: FeedbackRequest) {
      set({ similar: get().similar.map((r) => (r.id === request.id ? request : r)) })
    },
    forgetPerson() {
      set({ similar: [] })
      uploads.dropAll()
    },
    dispose: () => clearTimeout(similarTimer),
  }
}

export type Composer = ReturnType<typeof createComposer>
