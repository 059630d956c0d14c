/**
 * Classic JSX: h() is preact's createElement, which the bundle has anyway; the automatic
 * runtime would add a second copy of it (jsx()).
 * @jsxRuntime classic
 * @jsx h
 */
import { type ComponentChildren, h } from 'preact'
import type { Attachment, FeedbackComment } from '../../../shared/api'
import { formatDateTime } from '../format'
import type { Messages } from '../i18n'
import { Attachments } from './Attachments'

interface Props {
  comment: {
    body: string
    author: Partial<FeedbackComment['author']> & { name: string }
    createdAt?: string
    /** Changed by its author: says "edited". */
    editedAt?: string | null
    attachments?: Attachment[]
  }
  t: Messages
  /** Still in the outbox. */
  pending?: boolean
  /** Under your own comment: Edit and Delete (OwnWords.tsx). */
  children?: ComponentChildren
}

/**
 * What the server calls an author it has no name for (spec/api.md "Comments"): English words
 * on the wire, said in the widget's language here. A nameless team reply shows no name at all:
 * its badge says it already.
 */
const NEUTRAL_NAMES = { team: 'Team', customer: 'Customer', visitor: 'Visitor' }

/**
 * One comment, as text, with who wrote it, one badge and when. Your own comments say "You"
 * (no second badge), a team reply carries "Team" (without its name when it is just "Team"),
 * one still in the outbox "Pending"; a nameless customer or visitor is named in the widget's
 * language ("Client", "Besucher").
 */
export function CommentItem({
  comment: { body, author, createdAt, editedAt, attachments },
  t,
  pending,
  children,
}: Props) {
  const team = author.kind === 'team'
  const kind = author.kind || 'visitor'
  const neutral = author.name === NEUTRAL_NAMES[kind]
  const name = author.you ? t.you : neutral ? (team ? '' : t[kind as 'visitor']) : author.name
  const badge = pending ? t.pending : team ? t.team : ''
  return (
    <li class={team ? 'c team' : 'c'}>
      <div class="who">
        {name && <b>{name}</b>}
        {badge && <span class={pending ? 'badge pending' : 'badge'}>{badge}</span>}
        {createdAt && <time dateTime={createdAt}>{formatDateTime(t, createdAt)}</time>}
        {editedAt && <i>{t.edited}</i>}
      </div>
      <p>{body}</p>
      <Attachments list={attachments} t={t} />
      {children}
    </li>
  )
}
