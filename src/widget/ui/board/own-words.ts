import type { FeedbackComment, FeedbackRequest } from '../../../shared/api'
import type { ApiFailure } from '../../types'
import { BAD_RESPONSE, type BoardContext, createPart, guard, reportFailure } from './part'
import type { Thread } from './thread'

export interface OwnWordsState {
  /** What is being edited: one of your comments' id, your request's id, or '' for nothing. */
  editing: string
  /** The comment's words, or the request's body, as typed. */
  words: string
  /** The request's title, as typed. */
  heading: string
  /** Your comment whose deletion waits for a yes. */
  asking: string
  /** A save or a deletion on its way: the button waits for the answer. */
  busy: boolean
}

/**
 * Editing your own words (spec v3): your comments (edit, delete after asking) and your request
 * (edit while nobody else has joined in). The words typed stay in the box until the server has
 * them: a refusal keeps them and says why (a 409 in words of its own).
 */
export function createOwnWords(
  ctx: BoardContext,
  thread: Thread,
  answered: (request: FeedbackRequest) => void,
) {
  const { core, t } = ctx
  const idle: OwnWordsState = { editing: '', words: '', heading: '', asking: '', busy: false }
  const { get, set } = createPart(idle, ctx.redraw)
  const requestId = () => thread.get().requestId
  const refused = (failure: ApiFailure) => {
    set({ busy: false })
    ctx.tell(failure.status === 409 ? t.editClosed : reportFailure(ctx, failure))
  }

  return {
    get,
    editComment: guard(ctx, (comment: FeedbackComment) =>
      set({ ...idle, editing: comment.id, words: comment.body }),
    ),
    editRequest: guard(ctx, (request: FeedbackRequest) =>
      set({ ...idle, editing: request.id, heading: request.title, words: request.body }),
    ),
    setWords: guard(ctx, (typed: Partial<Pick<OwnWordsState, 'words' | 'heading'>>) => set(typed)),
    askDelete: guard(ctx, (commentId: string) => set({ ...idle, asking: commentId })),
    stopEditing: guard(ctx, () => set(idle)),
    saveWords: guard(ctx, async () => {
      const { editing, busy } = get()
      if (busy || !editing) return
      // The server checks the words as it checks new ones (400: "Please check your text").
      const text = get().words
      const title = get().heading
      const id = requestId()
      const ofRequest = editing === id
      set({ busy: true })
      ctx.tell()
      if (ofRequest) {
        const result = await core.api.editRequest(id, { title, body: text })
        const request = result.ok ? result.data && result.data.request : undefined
        if (!request) return refused(result.ok ? BAD_RESPONSE : result.error)
        answered(request)
      } else {
        const result = await core.api.editComment(id, editing, text)
        const comment = result.ok ? result.data && result.data.comment : undefined
        if (!comment) return refused(result.ok ? BAD_RESPONSE : result.error)
        thread.changeComment(editing, comment)
      }
      set(idle)
    }),
    deleteOwn: guard(ctx, async (commentId: string) => {
      if (get().busy) return
      set({ busy: true })
      ctx.tell()
      const result = await core.api.deleteComment(requestId(), commentId)
      // Already gone (the team removed it meanwhile) is as good as deleted.
      if (!result.ok && result.error.status !== 404) return refused(result.error)
      thread.changeComment(commentId)
      set(idle)
    }),
  }
}

export type OwnWords = ReturnType<typeof createOwnWords>
