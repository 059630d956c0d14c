import type { Db, SqlExecutor } from './db'
import { ensurePerson, type PersonRef } from './people-store'
import { type RequestRow, toRequestRecord } from './rows'
import {
  type Actor,
  anonymousVoter,
  type PersonFacts,
  personVoter,
  type RequestRecord,
} from './types'

/**
 * Inserts the vote if the voter has none on the request (the primary key decides), and moves
 * the counters by what was really inserted, in one statement. A vote on a merged request
 * counts for the request it was merged into.
 */
async function castVote(
  sql: SqlExecutor,
  projectId: string,
  requestId: string,
  voter: string,
  person: PersonRef | null,
  now: number,
): Promise<{ request: RequestRecord; changed: boolean } | null> {
  const [row] = await sql.query<RequestRow & { changed: number }>(
    `WITH target AS (
       SELECT coalesce(merged_into, id) AS id FROM requests WHERE project_id = $3 AND id = $1
     ), inserted AS (
       INSERT INTO votes (request_id, voter, project_id, person_id, created_at, voter_mrr_cents)
       SELECT target.id, $2, $3, $4, $5, $6 FROM target
       ON CONFLICT (request_id, voter) DO NOTHING
       RETURNING 1
     )
     UPDATE requests r SET votes = r.votes + (SELECT count(*) FROM inserted),
                           mrr_cents = r.mrr_cents + $6 * (SELECT count(*) FROM inserted)
       FROM target WHERE r.id = target.id
     RETURNING r.*, (SELECT count(*) FROM inserted) AS changed`,
    [requestId, voter, projectId, person?.id ?? null, new Date(now), person?.mrrCents ?? 0],
  )
  return row ? { request: toRequestRecord(row, true), changed: row.changed > 0 } : null
}

/**
 * Runs in the vote's transaction when the vote really changed (not for a repeat), e.g. to
 * queue the vote.created event so it commits with the vote.
 */
export type AfterVoteChange = (tx: SqlExecutor, request: RequestRecord) => Promise<void>

/** A vote on a merged request counts for the request it was merged into. */
async function resolveTarget(
  tx: SqlExecutor,
  projectId: string,
  requestId: string,
): Promise<string | null> {
  const [row] = await tx.query<{ target: string }>(
    'SELECT coalesce(merged_into, id) AS target FROM requests WHERE project_id = $1 AND id = $2',
    [projectId, requestId],
  )
  return row?.target ?? null
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
    after?: AfterVoteChange,
  ): Promise<RequestRecord | null> {
    // Anonymous and nothing to do after: one statement is atomic on its own.
    if (!actor.person && !after) {
      const result = await castVote(this.db, projectId, requestId, actor.voter, null, now)
      return result?.request ?? null
    }
    const facts = actor.person
    return this.db.transaction(async (tx) => {
      const person = facts ? await ensurePerson(tx, projectId, facts, now) : null
      const result = await castVote(tx, projectId, requestId, actor.voter, person, now)
      if (result?.changed && after) await after(tx, result.request)
      return result?.request ?? null
    })
  }

  async retract(
    projectId: string,
    requestId: string,
    actor: Actor,
    now: number,
    after?: AfterVoteChange,
  ): Promise<RequestRecord | null> {
    return this.db.transaction(async (tx) => {
      // Locks the person so their MRR cannot change between removing the vote and its revenue.
      if (actor.person) await ensurePerson(tx, projectId, actor.person, now)
      const target = await resolveTarget(tx, projectId, requestId)
      if (!target) return null
      const [row] = await tx.query<RequestRow & { changed: number }>(
        `WITH removed AS (
           DELETE FROM votes WHERE request_id = $1 AND voter = $2 RETURNING voter_mrr_cents
         )
         UPDATE requests SET
            votes = votes - (SELECT count(*) FROM removed),
            mrr_cents = mrr_cents - (SELECT coalesce(sum(voter_mrr_cents), 0) FROM removed)
          WHERE id = $1
          RETURNING *, (SELECT count(*) FROM removed) AS changed`,
        [target, actor.voter],
      )
      if (!row) return null
      const request = toRequestRecord(row, false)
      if (row.changed > 0 && after) await after(tx, request)
      return request
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
      await tx.query(
        `INSERT INTO anonymous_links (project_id, anonymous_id, person_id, linked_at)
         VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
        [projectId, anonymousId, person.id, new Date(now)],
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
      const moved = await tx.query<{ id: string }>(
        `WITH moved AS (
           UPDATE votes SET voter = $3, person_id = $4, voter_mrr_cents = $5
            WHERE project_id = $1 AND voter = $2
            RETURNING request_id
         )
         UPDATE requests r SET mrr_cents = r.mrr_cents + $5 FROM moved m
          WHERE r.id = m.request_id RETURNING r.id`,
        [projectId, fromVoter, toVoter, person.id, person.mrrCents],
      )
      const requests = await tx.query(
        `UPDATE requests SET author_voter = $3, author_person_id = $4
          WHERE project_id = $1 AND author_voter = $2 RETURNING id`,
        [projectId, fromVoter, toVoter, person.id],
      )
      return { personId: person.id, movedVotes: moved.length, movedRequests: requests.length }
    })
  }
}
