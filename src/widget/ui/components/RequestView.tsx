/**
 * Classic JSX: h() is preact's createElement, which the bundle has anyway; the automatic
 * runtime would add a second copy of it (jsx()).
 * @jsxRuntime classic
 * @jsx h
 * @jsxFrag Fragment
 */
import { Fragment, h } from 'preact'
import type { FeedbackComment, FeedbackRequest } from '../../../shared/api'
import { fill } from '../../../shared/messages'
import type { Board } from '../board/board'
import { countOf } from '../format'
import type { Messages } from '../i18n'
import { boardRows } from '../rows'
import { AttachmentPicker } from './AttachmentPicker'
import { Attachments } from './Attachments'
import { CommentItem } from './CommentItem'
import { OwnCommentControls, OwnRequestControls } from './OwnWords'

interface Props {
  board: Board
  t: Messages
}

/**
 * One request, read top down: Back at the top left; the vote with the title, larger than the
 * text below it; status; the body; the team's note, labelled as theirs; the thread oldest first
 * (a long one from its newest comments, with a button for the older ones), each comment with
 * its time and one badge; then the comment box (or why there is none). Focus lands on the
 * heading.
 */
export function RequestView({ board, t }: Props) {
  const { thread } = board
  const state = thread.get()
  const { detail, requestId, typed } = state
  const outbox = board.sender.get()
  // The list's copy (with votes still in the outbox applied) shows at once and stays in step.
  const row = boardRows(board.list.get(), outbox).find(
    (r) => r.request.id === (detail ? detail.id : requestId),
  )
  const request = row ? { ...detail, ...row.request } : detail
  const waiting = outbox.pending.filter((e) => e.kind === 'comment' && e.requestId === requestId)
  return (
    <>
      <div class="nav">
        <button type="button" class="back" onClick={board.closeRequest}>
          <span aria-hidden="true">‹ </span>
          {t.back}
        </button>
        {detail && board.follow.shown() && (
          <button
            type="button"
            class="follow"
            aria-pressed={detail.following}
            onClick={board.follow.toggle}
          >
            {detail.following ? t.following : t.follow}
          </button>
        )}
      </div>
      <div class="body">
        <div class={request ? `top s-${request.status}` : 'top'}>
          {request && (
            <button
              type="button"
              class="vote"
              aria-pressed={request.voted}
              aria-label={fill(t.vote, request.title, request.votes)}
              onClick={() => board.toggleVote(request)}
            >
              {request.votes}
            </button>
          )}
          <div>
            <h3 tabIndex={-1} data-autofocus>
              {request ? request.title : t.loading}
            </h3>
            {request && <span class="badge st">{t.status[request.status] || t.status.open}</span>}
            {request && request.mine && <span class="badge">{t.you}</span>}
            {request && request.editedAt && <i class="ed">{t.edited}</i>}
            {row && row.pending && <span class="badge pending">{t.pending}</span>}
          </div>
        </div>
        {request && request.body && <p class="text">{request.body}</p>}
        {detail && request && mayEdit(request, detail.comments, row && row.pending) && (
          <OwnRequestControls board={board} t={t} request={request} />
        )}
        <Attachments list={request && request.attachments} t={t} />
        {request && request.statusNote && (
          <div class="note">
            <strong>{t.teamNote}</strong>
            <p>{request.statusNote}</p>
          </div>
        )}
        {state.detailError && !detail && (
          <p class="state" role="alert">
            {state.detailError}{' '}
            <button type="button" onClick={() => board.openRequest(requestId)}>
              {t.retry}
            </button>
          </p>
        )}
        {detail && detail.commentsCursor && (
          <p class="state">
            <button type="button" onClick={thread.loadOlderComments}>
              {t.olderComments}
            </button>
          </p>
        )}
        {detail && (
          <ul aria-label={countOf(t, t.comments, detail.commentCount)}>
            {detail.comments.map((comment) => (
              <CommentItem key={comment.id} comment={comment} t={t}>
                {comment.author.you && <OwnCommentControls board={board} t={t} comment={comment} />}
              </CommentItem>
            ))}
            {waiting.map((entry) => (
              <CommentItem
                key={entry.key}
                comment={{
                  body: entry.kind === 'comment' ? entry.body : '',
                  author: { name: t.you, you: true },
                  createdAt: new Date(entry.at).toISOString(),
                  attachments: entry.kind === 'comment' ? entry.attachments : [],
                }}
                t={t}
                pending
              />
            ))}
          </ul>
        )}
        {detail && !detail.comments.length && !waiting.length && (
          <p class="state">{t.noComments}</p>
        )}
        {thread.canComment() ? (
          <form
            onSubmit={(event) => {
              event.preventDefault()
              thread.sendTyped()
            }}
            onPaste={thread.uploads.paste}
          >
            <label>
              {t.comment}
              <textarea
                value={typed}
                onInput={(event) => thread.setTyped(event.currentTarget.value)}
              />
            </label>
            <AttachmentPicker uploads={thread.uploads} t={t} />
            <div class="foot">
              <span />
              <button
                type="submit"
                class="primary"
                disabled={!typed.trim() || thread.uploads.busy()}
              >
                {t.send}
              </button>
            </div>
          </form>
        ) : (
          state.settings && <p class="state">{t.signInToComment}</p>
        )}
      </div>
    </>
  )
}

/**
 * Whether your request still takes an edit, as far as the widget can tell: yours, on the
 * server, and nobody else voted or commented (team replies do not count). The server has the
 * last word (409, said in words by the editor).
 */
function mayEdit(
  request: FeedbackRequest,
  comments: FeedbackComment[],
  pending: boolean | undefined,
): boolean {
  return (
    request.mine &&
    !pending &&
    request.votes <= (request.voted ? 1 : 0) &&
    !comments.some((c) => c.author.kind !== 'team' && !c.author.you)
  )
}
