import { accountAtRiskSql, atRiskShare, joinAccount, lockRequests } from './account-revenue'
import { linkAnonymousComments } from './comments-store'
import type { Db, SqlExecutor } from './db'
import { ensurePerson, type PersonRef, personForVote } from './people-store'
import { REQUEST_COLUMNS, type RequestRow, toRequestRecord } from './rows'
import {
  type Actor,
  anonymousVoter,
  type PersonFacts,
  personVoter,
  type RequestRecord,
} from './types'

/**
 * The request a vote on `requestId` counts for (itself, or the one it was merged into), locked
 * before anything else the vote statement touches (votes, request_accounts): the same order as
 * every other path that moves a request's counters. As the first CTE of the statement.
 * v3 moderation: a deleted request has no target, nor has a pending one but for its author.
 */
const LOCKED_TARGET = (projectIdParam: string, requestIdParam: string, voterParam: string) =>
  `SELECT t.id FROM requests s JOIN requests t ON t.id = coalesce(s.merged_into, s.id)
    WHERE s.project_id = ${projectIdParam} AND s.id = ${requestIdParam}
      AND t.deleted_at IS NULL AND (t.status <> 'pending' OR t.author_voter = ${voterParam})
      FOR UPDATE OF t`

/**
 * Inserts the vote if the voter has none on the request (the primary key decides), and moves
 * the counters by what was really inserted, in one statement that also locks the request: votes
 * by one, and, when the voter's account is new to the request, accounts by one and mrr_cents by
 * the account's MRR. A vote on a merged request counts for the request it was merged into. For
 * an identified voter the caller's transaction must hold the person (personForVote). The one
 * way a vote is cast: every path that adds a vote (the widget, identify, the author's own vote)
 * goes through it.
 */
export async function castVote(
  sql: SqlExecutor,
  projectId: string,
  requestId: string,
  voter: string,
  person: PersonRef | null,
  now: number,
): Promise<{ request: RequestRecord; changed: boolean } | null> {
  const [row] = await sql.query<RequestRow & { changed: number }>(
    `WITH target AS (${LOCKED_TARGET('$3', '$1', '$2')}
     ), inserted AS (
       INSERT INTO votes (request_id, voter, project_id, person_id, created_at, voter_mrr_cents,
                          account)
       SELECT target.id, $2, $3, $4, $5, $6, $7 FROM target
       ON CONFLICT (request_id, voter) DO NOTHING
       RETURNING request_id, account
     ), joined AS (
       INSERT INTO request_accounts (request_id, account, voters, mrr_cents, at_risk)
       SELECT request_id, account, 1, $8, ${accountAtRiskSql('account')}
         FROM inserted WHERE account IS NOT NULL
       ON CONFLICT (request_id, account) DO UPDATE SET voters = request_accounts.voters + 1
       RETURNING voters = 1 AS created, at_risk
     )
     UPDATE requests r SET votes = r.votes + (SELECT count(*) FROM inserted),
                           accounts = r.accounts + (SELECT count(*) FROM joined WHERE created),
                           mrr_cents = r.mrr_cents + $8 * (SELECT count(*) FROM joined WHERE created),
                           at_risk_mrr_cents = r.at_risk_mrr_cents
                             + $8 * (SELECT count(*) FROM joined WHERE created AND at_risk)
       FROM target WHERE r.id = target.id
     RETURNING ${REQUEST_COLUMNS}, (SELECT count(*) FROM inserted) AS changed`,
    [
      requestId,
      voter,
      projectId,
      person?.id ?? null,
      new Date(now),
      person?.mrrCents ?? 0,
      person?.account ?? null,
      person?.accountMrrCents ?? 0,
    ],
  )
  return row ? { request: toRequestRecord(row, true), changed: Number(row.changed) > 0 } : null
}

/** A vote's outcome: the request as the voter now sees it; `changed` is false for a repeat. */
export interface VoteChange {
  request: RequestRecord
  changed: boolean
}

/**
 * Links the anonymous id to the person unless it already belongs to someone: true when it is
 * (now) this person's. The primary key (project, anonymous id) decides races.
 */
async function linkOnce(
  tx: SqlExecutor,
  projectId: string,
  anonymousId: string,
  personId: number,
  now: number,
): Promise<boolean> {
  await tx.query(
    `INSERT INTO anonymous_links (project_id, anonymous_id, person_id, linked_at)
     VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
    [projectId, anonymousId, personId, new Date(now)],
  )
  const [link] = await tx.query<{ person_id: number }>(
    'SELECT person_id FROM anonymous_links WHERE project_id = $1 AND anonymous_id = $2',
    [projectId, anonymousId],
  )
  return link?.person_id === personId
}

export class VotesStore {
  constructor(private readonly db: Db) {}

  /** The requests this voter voted for in the project (index votes_by_voter). */
  async votedRequestIds(projectId: string, voter: string): Promise<Set<string>> {
    const rows = await this.db.query<{ request_id: string }>(
      'SELECT request_id FROM votes WHERE project_id = $1 AND voter = $2',
      [projectId, voter],
    )
    return new Set(rows.map((row) => row.request_id))
  }

  /**
   * Idempotent: the (request, voter) primary key turns a repeated vote into a no-op, and the
   * counters move only when a row was really inserted, in the same statement.
   */
  async cast(
    projectId: string,
    requestId: string,
    actor: Actor,
    now: number,
  ): Promise<VoteChange | null> {
    // Anonymous: one statement is atomic on its own.
    if (!actor.person) return castVote(this.db, projectId, requestId, actor.voter, null, now)
    const facts = actor.person
    return this.db.transaction(async (tx) => {
      const person = await personForVote(tx, projectId, facts, now)
      return castVote(tx, projectId, requestId, actor.voter, person, now)
    })
  }

  async retract(
    projectId: string,
    requestId: string,
    actor: Actor,
    now: number,
  ): Promise<VoteChange | null> {
    return this.db.transaction(async (tx) => {
      // Locks the person so their MRR cannot change between removing the vote and its revenue.
      if (actor.person) await personForVote(tx, projectId, actor.person, now)
      // The voter's account loses one voter on the request; the last one takes its MRR along
      // (gone and fewer touch disjoint rows). No target: no row, and null.
      const [row] = await tx.query<RequestRow & { changed: number }>(
        `WITH target AS (${LOCKED_TARGET('$1', '$2', '$3')}
         ), removed AS (
           DELETE FROM votes v USING target WHERE v.request_id = target.id AND v.voter = $3
           RETURNING v.request_id, v.account
         ), gone AS (
           DELETE FROM request_accounts ra USING removed
            WHERE ra.request_id = removed.request_id AND ra.account = removed.account
              AND ra.voters = 1
           RETURNING ra.mrr_cents, ra.at_risk
         ), fewer AS (
           UPDATE request_accounts ra SET voters = ra.voters - 1 FROM removed
            WHERE ra.request_id = removed.request_id AND ra.account = removed.account
              AND ra.voters > 1
         )
         UPDATE requests r SET
            votes = r.votes - (SELECT count(*) FROM removed),
            accounts = r.accounts - (SELECT count(*) FROM gone),
            mrr_cents = r.mrr_cents - (SELECT coalesce(sum(mrr_cents), 0) FROM gone),
            at_risk_mrr_cents = r.at_risk_mrr_cents
              - (SELECT coalesce(sum(${atRiskShare('gone')}), 0) FROM gone)
           FROM target WHERE r.id = target.id
          RETURNING ${REQUEST_COLUMNS}, (SELECT count(*) FROM removed) AS changed`,
        [projectId, requestId, actor.voter],
      )
      if (!row) return null
      return { request: toRequestRecord(row, false), changed: Number(row.changed) > 0 }
    })
  }

  /**
   * identify: the anonymous id's votes and requests become the person's. Running it again
   * finds nothing left to move; a request both had voted for keeps one vote.
   */
  async linkAnonymous(
    projectId: string,
    anonymousId: string,
    facts: PersonFacts,
    now: number,
  ): Promise<{ personId: number; movedVotes: number; movedRequests: number }> {
    const fromVoter = anonymousVoter(anonymousId)
    const toVoter = personVoter(facts.sub)
    return this.db.transaction(async (tx) => {
      const person = await ensurePerson(tx, projectId, facts, now)
      const linked = await linkOnce(tx, projectId, anonymousId, person.id, now)
      // Someone else already identified with this anonymous id: their votes stay theirs, and
      // this person starts clean (a shared computer, or an id that leaked).
      if (!linked) return { personId: person.id, movedVotes: 0, movedRequests: 0 }
      const anonymousVotes = await tx.query<{ request_id: string }>(
        'SELECT request_id FROM votes WHERE project_id = $1 AND voter = $2',
        [projectId, fromVoter],
      )
      await lockRequests(
        tx,
        anonymousVotes.map((vote) => vote.request_id),
      )
      await tx.query(
        `WITH duplicates AS (
           DELETE FROM votes a
            WHERE a.project_id = $1 AND a.voter = $2
              AND EXISTS (SELECT 1 FROM votes b WHERE b.request_id = a.request_id AND b.voter = $3)
           RETURNING a.request_id
         )
         UPDATE requests r SET votes = r.votes - 1 FROM duplicates d WHERE r.id = d.request_id`,
        [projectId, fromVoter, toVoter],
      )
      const moved = await tx.query<{ request_id: string }>(
        `UPDATE votes SET voter = $3, person_id = $4, voter_mrr_cents = $5, account = $6
          WHERE project_id = $1 AND voter = $2
          RETURNING request_id`,
        [projectId, fromVoter, toVoter, person.id, person.mrrCents, person.account],
      )
      await joinAccount(
        tx,
        moved.map((vote) => vote.request_id),
        person.account,
        person.accountMrrCents,
      )
      // Keys are unique per author: one the person already used stops being a replay key here.
      await tx.query(
        `UPDATE requests a SET idempotency_key = NULL
          WHERE a.project_id = $1 AND a.author_voter = $2 AND a.idempotency_key IN (
            SELECT b.idempotency_key FROM requests b WHERE b.project_id = $1 AND b.author_voter = $3)`,
        [projectId, fromVoter, toVoter],
      )
      const requests = await tx.query(
        `UPDATE requests SET author_voter = $3, author_person_id = $4
          WHERE project_id = $1 AND author_voter = $2 RETURNING id`,
        [projectId, fromVoter, toVoter, person.id],
      )
      await linkAnonymousComments(tx, projectId, fromVoter, toVoter, person.id)
      return { personId: person.id, movedVotes: moved.length, movedRequests: requests.length }
    })
  }
}
