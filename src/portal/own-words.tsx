import type { FeedbackComment, FeedbackRequest } from '../shared/api'
import { BODY_MAX_LENGTH, COMMENT_MAX_LENGTH, TITLE_MAX_LENGTH } from '../shared/limits'
import type { PortalView } from './portal-view'

/**
 * Editing your own words on the portal (spec v3), with JavaScript off: each control is a
 * <details> that opens its form, and each form posts (server/portal/portal-word-edits.ts,
 * answered by a redirect back here, or a page saying why it was not saved). Deleting asks
 * first: the question and its button sit inside "Delete".
 */

/** "edited" beside a comment or request its author changed. */
export function EditedMark({ view, at }: { view: PortalView; at: string | null }) {
  return at ? <span class="edited">{view.t.edited}</span> : null
}

/** Under your own comment: Edit (its words in a box) and Delete (asked first). */
export function OwnCommentForms({
  view,
  request,
  comment,
}: {
  view: PortalView
  request: FeedbackRequest
  comment: FeedbackComment
}) {
  const { t } = view
  const action = `${view.paths.request(request.id)}/comments/${encodeURIComponent(comment.id)}`
  const boxId = `portal-edit-${comment.id}`
  return (
    <div class="own" data-portal-own-comment={comment.id}>
      <details>
        <summary>{t.edit}</summary>
        <form method="post" action={action} class="own-form">
          <label for={boxId}>{t.comment}</label>
          <textarea id={boxId} name="body" rows={3} required maxLength={COMMENT_MAX_LENGTH}>
            {comment.body}
          </textarea>
          <button type="submit">{t.save}</button>
        </form>
      </details>
      <details>
        <summary>{t.delete}</summary>
        <form method="post" action={action} class="own-form">
          <input type="hidden" name="_method" value="DELETE" />
          <p>{t.deleteAsk}</p>
          <button type="submit">{t.delete}</button>
        </form>
      </details>
    </div>
  )
}

/**
 * Under your own request: Edit (title and details), while nobody else has voted or commented
 * as far as the page shows (team replies do not count). The server has the last word: a 409
 * answers the "Not saved" page, saying why.
 */
export function OwnRequestForm({
  view,
  request,
  comments,
}: {
  view: PortalView
  request: FeedbackRequest
  comments: FeedbackComment[]
}) {
  const { t } = view
  const othersJoined =
    request.votes > (request.voted ? 1 : 0) ||
    comments.some((comment) => comment.author.kind !== 'team' && !comment.author.you)
  if (!request.mine || othersJoined) return null
  return (
    <div class="own" data-portal-own-request={request.id}>
      <details>
        <summary>{t.edit}</summary>
        <form method="post" action={view.paths.request(request.id)} class="own-form">
          <label for="portal-edit-title">{t.titleLabel}</label>
          <input
            id="portal-edit-title"
            name="title"
            required
            maxLength={TITLE_MAX_LENGTH}
            value={request.title}
          />
          <label for="portal-edit-body">{t.details}</label>
          <textarea id="portal-edit-body" name="body" rows={4} maxLength={BODY_MAX_LENGTH}>
            {request.body}
          </textarea>
          <button type="submit">{t.save}</button>
        </form>
      </details>
    </div>
  )
}
