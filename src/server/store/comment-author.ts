import type { CommentRecord } from './comments-store'

/** What a comment's author is called where no name is known. */
const NEUTRAL_NAMES = { team: 'Team', customer: 'Customer', visitor: 'Visitor' } as const

/** The name a comment is shown with: the member's or the token's name, else its kind's. */
export function commentAuthorName(comment: Pick<CommentRecord, 'authorName' | 'kind'>): string {
  return comment.authorName || NEUTRAL_NAMES[comment.kind]
}
