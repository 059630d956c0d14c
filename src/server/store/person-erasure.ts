import { atRiskShare, lockRequests } from './account-revenue'
import { refreshCommentCountersOfEach } from './comments-store'
import type { SqlExecutor } from './db'
import {
  type ErasedWords,
  erasedWordsLikePatterns,
  erasedWordsPattern,
  withoutErasedWords,
} from './erased-words'
import { eraseStripeRevenueOf } from './stripe-erasure'

/**
 * The author key of a request whose author was erased: neither a person ('s:') nor a browser
 * ('a:'), so it is nobody's `mine` and no one's Idempotency-Key scope.
 */
export const ERASED_AUTHOR = 'x:erased'

export interface ErasedPerson {
  votes: number
  comments: number
  requests: number
}

/**
 * Erases the person `sub` of a project (spec/api.md v3 "People (GDPR)") inside the caller's
 * transaction: their votes go, and the counters of every request they voted for drop in the
 * same transaction (one voter fewer; the last voter of an account takes its MRR along, as
 * retracting a vote does); their comments go (threads recounted); requests they wrote stay
 * with no author; the images they uploaded go; their anonymous-id links, updates, follows, mail items, unsubscribe,
 * portal sessions, kept emails and queued emails go; their email and name are cut out of the
 * audit log, queued jobs and webhook delivery logs; and the person row itself goes, so
 * nothing answers for them any more. Null when there is no such person.
 *
 * Locks: the person, then the requests in id order (as every vote does).
 */
export async function erasePerson(
  tx: SqlExecutor,
  projectId: string,
  sub: string,
): Promise<ErasedPerson | null> {
  const [person] = await tx.query<{
    id: number | string
    email: string | null
    name: string | null
  }>('SELECT id, email, name FROM people WHERE project_id = $1 AND sub = $2 FOR UPDATE', [
    projectId,
    sub,
  ])
  if (!person) return null
  const personId = Number(person.id)
  // Their voter keys: the person, and every browser identify linked to them.
  const links = await tx.query<{ anonymous_id: string }>(
    'SELECT anonymous_id FROM anonymous_links WHERE project_id = $1 AND person_id = $2',
    [projectId, personId],
  )
  const voters = [`s:${sub}`, ...links.map((link) => `a:${link.anonymous_id}`)]

  const touched = await tx.query<{ id: string }>(
    `SELECT request_id AS id FROM votes
      WHERE project_id = $1 AND (voter = ANY($2::text[]) OR person_id = $3)
     UNION SELECT request_id FROM comments
      WHERE project_id = $1 AND (author_voter = ANY($2::text[]) OR author_person_id = $3)
     UNION SELECT id FROM requests
      WHERE project_id = $1 AND (author_voter = ANY($2::text[]) OR author_person_id = $3)`,
    [projectId, voters, personId],
  )
  await lockRequests(
    tx,
    touched.map((row) => row.id),
  )

  const votes = await removeVotes(tx, projectId, voters, personId)
  const comments = await removeComments(tx, projectId, voters, personId)
  const requests = await tx.query(
    `UPDATE requests SET author_voter = $4, author_person_id = NULL, idempotency_key = NULL
      WHERE project_id = $1 AND (author_voter = ANY($2::text[]) OR author_person_id = $3)
      RETURNING id`,
    [projectId, voters, personId, ERASED_AUTHOR],
  )
  await forgetMergedVotes(tx, projectId, voters, personId)
  // The votes of requests the team deleted: a restore must not bring theirs back.
  await tx.query(
    `DELETE FROM deleted_request_votes
      WHERE project_id = $1 AND (voter = ANY($2::text[]) OR person_id = $3)`,
    [projectId, voters, personId],
  )
  // The images they uploaded go too, wherever attached (a request they wrote stays, without them).
  await tx.query(
    'DELETE FROM attachments WHERE project_id = $1 AND uploader_voter = ANY($2::text[])',
    [projectId, voters],
  )
  await removeMail(tx, projectId, personId, person.email)
  await tx.query('DELETE FROM anonymous_links WHERE project_id = $1 AND person_id = $2', [
    projectId,
    personId,
  ])
  await tx.query('DELETE FROM portal_sessions WHERE project_id = $1 AND sub = $2', [projectId, sub])
  // person_updates, request_followers, request_unfollows, notification_preferences, mail_items
  // and mail_unsubscribes go with the row.
  await eraseStripeRevenueOf(tx, projectId, { id: personId, sub })
  await tx.query('DELETE FROM people WHERE id = $1', [personId])
  await scrubCopies(tx, projectId, { email: person.email, name: person.name })
  return { votes, comments: comments, requests: requests.length }
}

/**
 * Every vote of theirs goes, and the counters move by exactly what went, in one statement:
 * each request loses its removed votes, and each (request, account) row as many voters; a row
 * left with none goes and takes the account's MRR off the request (as retracting a vote does,
 * for many requests at once). The caller holds the requests.
 */
async function removeVotes(
  tx: SqlExecutor,
  projectId: string,
  voters: string[],
  personId: number,
): Promise<number> {
  const [counted] = await tx.query<{ removed: number | string }>(
    `WITH removed AS (
       DELETE FROM votes WHERE project_id = $1 AND (voter = ANY($2::text[]) OR person_id = $3)
       RETURNING request_id, account
     ), per_account AS (
       SELECT request_id, account, count(*) AS n FROM removed
        WHERE account IS NOT NULL GROUP BY request_id, account
     ), gone AS (
       DELETE FROM request_accounts ra USING per_account pa
        WHERE ra.request_id = pa.request_id AND ra.account = pa.account AND ra.voters <= pa.n
       RETURNING ra.request_id, ra.mrr_cents, ra.at_risk
     ), fewer AS (
       UPDATE request_accounts ra SET voters = ra.voters - pa.n FROM per_account pa
        WHERE ra.request_id = pa.request_id AND ra.account = pa.account AND ra.voters > pa.n
     ), per_request AS (
       SELECT v.request_id, v.n, count(g.request_id) AS accounts,
              coalesce(sum(g.mrr_cents), 0) AS mrr_cents,
              coalesce(sum(${atRiskShare('g')}), 0) AS at_risk_mrr_cents
         FROM (SELECT request_id, count(*) AS n FROM removed GROUP BY request_id) v
         LEFT JOIN gone g ON g.request_id = v.request_id
        GROUP BY v.request_id, v.n
     ), counted AS (
       UPDATE requests r SET votes = r.votes - c.n, accounts = r.accounts - c.accounts,
                             mrr_cents = r.mrr_cents - c.mrr_cents,
                             at_risk_mrr_cents = r.at_risk_mrr_cents - c.at_risk_mrr_cents
         FROM per_request c WHERE r.id = c.request_id
     )
     SELECT count(*) AS removed FROM removed`,
    [projectId, voters, personId],
  )
  return Number(counted?.removed ?? 0)
}

/**
 * Their comments go, and each thread they wrote in is recounted (comment_count, unanswered) in
 * one statement.
 */
async function removeComments(
  tx: SqlExecutor,
  projectId: string,
  voters: string[],
  personId: number,
): Promise<number> {
  const removed = await tx.query<{ id: string; request_id: string }>(
    `DELETE FROM comments
      WHERE project_id = $1 AND (author_voter = ANY($2::text[]) OR author_person_id = $3)
      RETURNING id, request_id`,
    [projectId, voters, personId],
  )
  await refreshCommentCountersOfEach(
    tx,
    removed.map((row) => row.request_id),
  )
  // Events not yet told about their comments and votes would carry the words and the sub to
  // followers and webhooks after all: they go with what they were about.
  await tx.query(
    `DELETE FROM jobs WHERE project_id = $1 AND kind = 'event' AND status <> 'running'
        AND ((payload ->> 'type' = 'comment.created' AND payload ->> 'commentId' = ANY($2::text[]))
             OR (payload ->> 'type' IN ('vote.created', 'vote.deleted')
                 AND payload ->> 'voter' = ANY($3::text[])))`,
    [projectId, removed.map((row) => row.id), voters],
  )
  return removed.length
}

/**
 * What merges kept of their votes, so that undoing a merge cannot bring the erased person's
 * votes back.
 */
async function forgetMergedVotes(
  tx: SqlExecutor,
  projectId: string,
  voters: string[],
  personId: number,
): Promise<void> {
  await tx.query(
    `UPDATE request_merges m SET
        source_votes = coalesce((
          SELECT jsonb_agg(vote) FROM jsonb_array_elements(m.source_votes) vote
           WHERE NOT (vote ->> 'voter' = ANY($2::text[])
                      OR (vote ->> 'personId') = $3::text)), '[]'::jsonb),
        moved_voters = ARRAY(SELECT voter FROM unnest(m.moved_voters) voter
                              WHERE NOT voter = ANY($2::text[]))
      WHERE m.project_id = $1
        AND (m.moved_voters && $2::text[]
             OR EXISTS (SELECT 1 FROM jsonb_array_elements(m.source_votes) vote
                         WHERE vote ->> 'voter' = ANY($2::text[])
                            OR (vote ->> 'personId') = $3::text))`,
    [projectId, voters, String(personId)],
  )
}

/**
 * Emails for them that have not gone yet are dropped with their queued jobs (a job already
 * running finds no recipient: mail-job.ts reads the person row, which is gone), and the kept
 * copies of emails sent to them (demo mode's "Sent mail") go too.
 */
async function removeMail(
  tx: SqlExecutor,
  projectId: string,
  personId: number,
  email: string | null,
): Promise<void> {
  await tx.query(
    `DELETE FROM jobs WHERE project_id = $1 AND kind = 'mail' AND status <> 'running'
        AND payload ->> 'personId' = $2::text`,
    [projectId, String(personId)],
  )
  if (email) {
    await tx.query('DELETE FROM kept_mail WHERE project_id = $1 AND lower(recipient) = lower($2)', [
      projectId,
      email,
    ])
  }
}

/**
 * Their email and name as copied into other rows of the project: audit lines (actor, target
 * and detail), jobs not yet done (event payloads: a comment's author name, a voter's email) and
 * webhook deliveries (the logged and queued bodies). Found with LIKE, rewritten value by value.
 */
async function scrubCopies(tx: SqlExecutor, projectId: string, words: ErasedWords): Promise<void> {
  const pattern = erasedWordsPattern(words)
  const likes = erasedWordsLikePatterns(words)
  if (!pattern || likes.length === 0) return
  // An actor is a team member's email, 'admin-token' or 'api-key:{name}'; a key named after
  // the person is theirs to lose, a member who is also a customer keeps their own lines.
  const audit = await tx.query<{
    id: number | string
    actor: string
    target: string
    detail: unknown
    member: boolean
  }>(
    `SELECT id, actor, target, detail,
            EXISTS (SELECT 1 FROM members m WHERE lower(m.email) = lower(a.actor)) AS member
       FROM audit_log a
      WHERE project_id = $1 AND (target ILIKE ANY($2::text[]) OR detail::text ILIKE ANY($2::text[])
                                 OR actor ILIKE ANY($2::text[]))`,
    [projectId, likes],
  )
  for (const line of audit) {
    const detail = typeof line.detail === 'string' ? JSON.parse(line.detail) : line.detail
    await tx.query('UPDATE audit_log SET actor = $2, target = $3, detail = $4 WHERE id = $1', [
      line.id,
      line.member ? line.actor : withoutErasedWords(line.actor, pattern).value,
      withoutErasedWords(line.target, pattern).value,
      detail === null ? null : JSON.stringify(withoutErasedWords(detail, pattern).value),
    ])
  }
  const jobs = await tx.query<{ id: number | string; payload: unknown }>(
    `SELECT id, payload FROM jobs
      WHERE project_id = $1 AND status <> 'done' AND payload::text ILIKE ANY($2::text[])`,
    [projectId, likes],
  )
  for (const job of jobs) {
    const payload = typeof job.payload === 'string' ? JSON.parse(job.payload) : job.payload
    await tx.query('UPDATE jobs SET payload = $2 WHERE id = $1', [
      job.id,
      JSON.stringify(withoutErasedWords(payload, pattern).value),
    ])
  }
  const deliveries = await tx.query<{ id: string; body: string }>(
    'SELECT id, body FROM webhook_deliveries WHERE project_id = $1 AND body ILIKE ANY($2::text[])',
    [projectId, likes],
  )
  for (const delivery of deliveries) {
    const scrubbed = withoutErasedWords(JSON.parse(delivery.body), pattern)
    if (scrubbed.changed) {
      await tx.query('UPDATE webhook_deliveries SET body = $2 WHERE id = $1', [
        delivery.id,
        JSON.stringify(scrubbed.value),
      ])
    }
  }
}
