/**
 * Classic JSX: h() is preact's createElement, which the bundle has anyway; the automatic
 * runtime would add a second copy of it (jsx()).
 * @jsxRuntime classic
 * @jsx h
 */
import { h } from 'preact'
import type { FeedbackRequest } from '../../../shared/api'
import { fill } from '../../../shared/messages'
import { countOf } from '../format'
import type { Messages } from '../i18n'
import type { BoardRow } from '../rows'

interface Props {
  row: BoardRow
  t: Messages
  onVote(request: FeedbackRequest): void
  /** Opens the request view; absent where a row cannot be opened. */
  onOpen?(requestId: string): void
  /** The row the user came back from: it takes focus. */
  returning?: boolean
}

/**
 * One request: vote toggle, title (always as text, never HTML) that opens it, status, comment
 * count, "You" and pending marks.
 */
export function RequestRow({
  row: { request, pending, local },
  t,
  onVote,
  onOpen,
  returning,
}: Props) {
  const { votes, status, commentCount } = request
  return (
    <li class={`row s-${status}`}>
      {local ? (
        <span class="vote">{votes}</span>
      ) : (
        <button
          type="button"
          class="vote"
          aria-pressed={request.voted}
          aria-label={fill(t.vote, request.title, votes)}
          onClick={() => onVote(request)}
        >
          {/* The arrow (a tick once voted: not colour alone) is CSS, so the name holds the text. */}
          {votes}
        </button>
      )}
      <div>
        {local || !onOpen ? (
          request.title
        ) : (
          <button
            type="button"
            class="open"
            data-autofocus={returning || undefined}
            onClick={() => onOpen(request.id)}
          >
            {request.title}
          </button>
        )}
        <br />
        <span class="badge st">{t.status[status] || t.status.open}</span>
        {commentCount > 0 && <span class="badge">{countOf(t, t.comments, commentCount)}</span>}
        {request.mine && <span class="badge">{t.you}</span>}
        {pending && <span class="badge pending">{t.pending}</span>}
        {request.tags.map((tag) => (
          <span key={tag.id} class="badge tag" style={`--tag:${tag.color}`}>
            {tag.name}
          </span>
        ))}
      </div>
    </li>
  )
}
