import * as v from 'valibot'
import type { FeedbackComment } from '../../shared/api'
import { COMMENTS_PAGE_MAX, COMMENTS_PAGE_SIZE } from '../../shared/limits'
import { invalid } from '../errors'
import type { CommentRecord } from '../store/comments-store'
import { parseOrFail } from './json-body'
import { toPublicComment } from './wire'

/**
 * The opaque cursor of a thread's pages: the oldest comment a page showed. Clients hand it
 * back as they got it; its form may change.
 */
const PREFIX = 'c1:'

export function commentCursor(oldestShownId: string): string {
  return Buffer.from(PREFIX + oldestShownId).toString('base64url')
}

/** The comment id inside a cursor; 400 validation_failed for anything we did not hand out. */
export function readCommentCursor(cursor: string): string {
  const decoded = /^[A-Za-z0-9_-]{1,128}$/.test(cursor)
    ? Buffer.from(cursor, 'base64url').toString('utf8')
    : ''
  const id = decoded.startsWith(PREFIX) ? decoded.slice(PREFIX.length) : ''
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) {
    throw invalid('cursor', 'cursor: not a cursor this server handed out')
  }
  return id
}

/**
 * A page of a public thread as the wire carries it: its comments as `viewer` sees them, oldest
 * first, and the cursor to the older ones (null once the thread's first comment is shown).
 */
export function toPublicCommentPage(
  page: { comments: CommentRecord[]; hasOlder: boolean },
  viewer: string | null,
): { comments: FeedbackComment[]; nextCursor: string | null } {
  const oldest = page.comments[0]
  return {
    comments: page.comments.map((comment) => toPublicComment(comment, viewer)),
    nextCursor: page.hasOlder && oldest ? commentCursor(oldest.id) : null,
  }
}

/** `?cursor=&limit=` of GET …/comments, as validated (and as the OpenAPI document shows it). */
export const CommentPageQuerySchema = v.object({
  cursor: v.optional(v.string()),
  limit: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{1,3}$/, `limit must be a whole number from 1 to ${COMMENTS_PAGE_MAX}`),
      v.transform(Number),
      v.minValue(1, `limit must be a whole number from 1 to ${COMMENTS_PAGE_MAX}`),
      v.maxValue(COMMENTS_PAGE_MAX, `limit must be a whole number from 1 to ${COMMENTS_PAGE_MAX}`),
    ),
  ),
})

/** `?cursor=&limit=` of GET …/comments: the comment to page back from, and how many. */
export function readCommentPageQuery(query: {
  cursor: string | undefined
  limit: string | undefined
}): { beforeId: string | null; limit: number } {
  const parsed = parseOrFail(CommentPageQuerySchema, query, 'query')
  return {
    beforeId:
      parsed.cursor === undefined || parsed.cursor === '' ? null : readCommentCursor(parsed.cursor),
    limit: parsed.limit ?? COMMENTS_PAGE_SIZE,
  }
}
