/**
 * Classic JSX: h() is preact's createElement, which the bundle has anyway; the automatic
 * runtime would add a second copy of it (jsx()).
 * @jsxRuntime classic
 * @jsx h
 */
import { h } from 'preact'
import type { FeedbackRequest } from '../../../shared/api'
import { fill } from '../../../shared/messages'
import type { Messages } from '../i18n'
import type { BoardRow } from '../rows'

interface Props {
  row: BoardRow
  t: Messages
  onVote(request: FeedbackRequest): void
}

/** One request: vote toggle, title (always as text, never HTML), status, pending mark. */
export function RequestRow({ row: { request, pending, local }, t, onVote }: Props) {
  const { votes, status } = request
  return (
    <li class="row">
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
          ▲<br />
          {votes}
        </button>
      )}
      <div>
        {request.title}
        <br />
        <span class="badge">{t.status[status] || t.status.open}</span>
        {pending && <span class="badge pending">{t.pending}</span>}
      </div>
    </li>
  )
}
