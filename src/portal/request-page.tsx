import type { FeedbackComment, FeedbackRequest } from '../shared/api'
import { COMMENT_MAX_LENGTH } from '../shared/limits'
import { AttachmentList } from './attachment-list'
import { FollowForm } from './follow-form'
import { FormKey } from './form-key'
import { formatDate, plural } from './format'
import { ImageField } from './image-field'
import { EditedMark, OwnCommentForms, OwnRequestForm } from './own-words'
import type { PortalView } from './portal-view'
import { signInHref } from './sso/sign-in-control'
import { StatusBadge } from './status-badge'
import { TagChips } from './tag-chips'
import { VoteButton } from './vote-button'

interface Props {
  view: PortalView
  request: FeedbackRequest
  /** The newest public comments, oldest first (the public API's first page). */
  comments: FeedbackComment[]
  /** The link to the page of comments before these (`?before=<cursor>`), or null at the start. */
  olderHref: string | null
  /** Whether this visitor may comment (identified, or the project allows anonymous comments). */
  canComment: boolean
  /** Whether the signed-in person follows it; undefined for anonymous visitors (no control). */
  following?: boolean
}

/** A request's own page: what it asks, where it stands, the team's note and the thread. */
export function RequestPage({ view, request, comments, olderHref, canComment, following }: Props) {
  const { t } = view
  return (
    <article class="request" data-portal-request={request.id}>
      <p class="back">
        <a href={view.paths.board()}>{t.portal.toBoard}</a>
      </p>
      <div class="request-head">
        <VoteButton view={view} request={request} />
        <div>
          <h1>{request.title}</h1>
          <p class="row-facts">
            <StatusBadge view={view} status={request.status} />
            <TagChips tags={request.tags} />
            <span>{plural(t.locale, t.portal.votes, request.votes)}</span>
            <span>
              {t.portal.postedOn}{' '}
              <time dateTime={request.createdAt}>{formatDate(t.locale, request.createdAt)}</time>
            </span>
            <EditedMark view={view} at={request.editedAt} />
          </p>
        </div>
      </div>
      {following !== undefined && (
        <FollowForm view={view} requestId={request.id} following={following} />
      )}
      {request.body && <p class="body">{request.body}</p>}
      <OwnRequestForm view={view} request={request} comments={comments} />
      <AttachmentList view={view} attachments={request.attachments} />
      {request.statusNote && (
        <aside class="note" aria-label={t.teamNote}>
          <h2>{t.teamNote}</h2>
          <p>{request.statusNote}</p>
        </aside>
      )}
      <section class="thread" aria-labelledby="portal-comments">
        <h2 id="portal-comments">{plural(t.locale, t.comments, request.commentCount)}</h2>
        {olderHref && (
          <p class="older">
            <a href={olderHref} data-portal-older={request.id}>
              {t.olderComments}
            </a>
          </p>
        )}
        {comments.length === 0 ? (
          <p class="empty">{t.noComments}</p>
        ) : (
          <ol class="comments" data-portal-comments={request.id}>
            {comments.map((comment) => (
              <li
                key={comment.id}
                id={`comment-${comment.id}`}
                class={`comment comment-${comment.author.kind}`}
              >
                <p class="comment-head">
                  <strong>{comment.author.you ? t.you : comment.author.name}</strong>
                  {comment.author.kind === 'team' && comment.author.name !== t.team && (
                    <span class="tag">{t.team}</span>
                  )}
                  <time dateTime={comment.createdAt}>
                    {formatDate(t.locale, comment.createdAt)}
                  </time>
                  <EditedMark view={view} at={comment.editedAt} />
                </p>
                <p class="comment-body">{comment.body}</p>
                {comment.author.you && (
                  <OwnCommentForms view={view} request={request} comment={comment} />
                )}
                <AttachmentList view={view} attachments={comment.attachments} />
              </li>
            ))}
          </ol>
        )}
        {canComment ? (
          <form
            class="comment-form"
            method="post"
            action={`${view.paths.request(request.id)}/comments`}
            encType="multipart/form-data"
            data-portal-comment={request.id}
          >
            <FormKey />
            <label for="portal-comment">{t.portal.commentLabel}</label>
            <textarea
              id="portal-comment"
              name="body"
              rows={3}
              required
              maxLength={COMMENT_MAX_LENGTH}
            />
            <ImageField view={view} id="portal-comment-images" />
            <button type="submit">{t.comment}</button>
          </form>
        ) : (
          <p class="sign-in-hint">
            {view.ssoUrl ? (
              <a href={signInHref(view.ssoUrl, view.pageUrl)}>{t.signInToComment}</a>
            ) : (
              t.signInToComment
            )}
          </p>
        )}
      </section>
    </article>
  )
}
