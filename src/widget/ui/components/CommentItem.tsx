/**
 * Classic JSX: h() is preact's createElement, which the bundle has anyway; the automatic
 * runtime would add a second copy of it (jsx()).
 * @jsxRuntime classic
 * @jsx h
 */
import { h } from 'preact'
import type { FeedbackComment } from '../../../shared/api'
import type { Messages } from '../i18n'

interface Props {
  comment: { body: string; author: Partial<FeedbackComment['author']> & { name: string } }
  t: Messages
  /** Still in the outbox. */
  pending?: boolean
}

/** One comment, as text: a team reply carries the "Team" badge, the user's own "You". */
export function CommentItem({ comment: { body, author }, t, pending }: Props) {
  const team = author.kind === 'team'
  return (
    <li class={team ? 'c team' : 'c'}>
      <b>{author.name}</b>
      {team && <span class="badge">{t.team}</span>}
      {author.you && <span class="badge">{t.you}</span>}
      {pending && <span class="badge pending">{t.pending}</span>}
      <p>{body}</p>
    </li>
  )
}
