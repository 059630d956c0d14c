import type { Db, SqlExecutor } from './db'
import type { PersonFacts } from './types'

export interface PersonRef {
  id: number
  mrrCents: number
}

interface PersonRow {
  id: number
  email: string | null
  name: string | null
  plan: string | null
  billing_interval: string | null
  amount_cents: number | null
  mrr_cents: number
  token_iat: number
}

/**
 * Finds or creates the person (project, sub) and brings their email and traits up to date from
 * a newer token, inside the caller's transaction. The person row stays locked until that
 * transaction ends, so a vote and a revenue change of the same person never interleave, and a
 * changed MRR is pushed into every request they voted for right here.
 */
export async function ensurePerson(
  tx: SqlExecutor,
  projectId: string,
  facts: PersonFacts,
  now: number,
): Promise<PersonRef> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const [existing] = await tx.query<PersonRow>(
      `SELECT id, email, name, plan, billing_interval, amount_cents, mrr_cents, token_iat
         FROM people WHERE project_id = $1 AND sub = $2 FOR UPDATE`,
      [projectId, facts.sub],
    )
    if (existing) return updateIfNewer(tx, existing, facts, now)
    const [inserted] = await tx.query<{ id: number; mrr_cents: number }>(
      `INSERT INTO people (project_id, sub, email, plan, billing_interval, amount_cents, mrr_cents,
                           token_iat, name, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)
       ON CONFLICT (project_id, sub) DO NOTHING
       RETURNING id, mrr_cents`,
      [projectId, facts.sub, ...factColumns(facts), facts.name ?? null, new Date(now)],
    )
    // Nothing returned: another transaction created the person meanwhile; read it again.
    if (inserted) return { id: inserted.id, mrrCents: inserted.mrr_cents }
  }
  throw new Error('could not create person')
}

/** email, plan, billing_interval, amount_cents, mrr_cents, token_iat: in that order. */
function factColumns(facts: PersonFacts) {
  return [facts.email, facts.plan, facts.interval, facts.amountCents, facts.mrrCents, facts.iat]
}

async function updateIfNewer(
  tx: SqlExecutor,
  row: PersonRow,
  facts: PersonFacts,
  now: number,
): Promise<PersonRef> {
  const current = { id: row.id, mrrCents: row.mrr_cents }
  if (facts.iat < row.token_iat) return current
  const unchanged =
    row.email === facts.email &&
    row.plan === facts.plan &&
    row.billing_interval === facts.interval &&
    row.amount_cents === facts.amountCents &&
    row.mrr_cents === facts.mrrCents &&
    row.name === (facts.name ?? null)
  if (unchanged && facts.iat === row.token_iat) return current
  await tx.query(
    `UPDATE people SET email = $2, plan = $3, billing_interval = $4, amount_cents = $5,
            mrr_cents = $6, token_iat = $7, updated_at = $8, name = $9
      WHERE id = $1`,
    [row.id, ...factColumns(facts), new Date(now), facts.name ?? null],
  )
  const delta = facts.mrrCents - row.mrr_cents
  if (delta !== 0) {
    await tx.query('UPDATE votes SET voter_mrr_cents = $2 WHERE person_id = $1', [
      row.id,
      facts.mrrCents,
    ])
    await tx.query(
      `UPDATE requests r SET mrr_cents = r.mrr_cents + $2
         FROM votes v WHERE v.person_id = $1 AND v.request_id = r.id`,
      [row.id, delta],
    )
  }
  return { id: row.id, mrrCents: facts.mrrCents }
}

export class PeopleStore {
  constructor(private readonly db: Db) {}

  /** Records the facts of a freshly verified token (its own transaction). */
  async remember(projectId: string, facts: PersonFacts, now: number): Promise<PersonRef> {
    return this.db.transaction((tx) => ensurePerson(tx, projectId, facts, now))
  }

  async find(projectId: string, sub: string) {
    const [row] = await this.db.query<PersonRow & { sub: string }>(
      'SELECT * FROM people WHERE project_id = $1 AND sub = $2',
      [projectId, sub],
    )
    return row
      ? {
          id: row.id,
          sub: row.sub,
          email: row.email,
          plan: row.plan,
          interval: row.billing_interval,
          amountCents: row.amount_cents,
          mrrCents: row.mrr_cents,
        }
      : null
  }
}
