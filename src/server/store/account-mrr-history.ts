import type { MrrChange, MrrSource } from '../../shared/api/revenue'
import type { Db, SqlExecutor } from './db'
import { toIso } from './rows'

/** The most changes one history answer lists (newest first). */
export const MRR_HISTORY_LIMIT = 200

export interface MrrChangeInput {
  projectId: string
  /** 'c:<id>' or 'p:<id>' (account-revenue.ts). */
  account: string
  fromCents: number
  toCents: number
  source: MrrSource
  at: Date
}

/**
 * Keeps one change of an account's MRR (spec v3 "History"), whichever source made it, in the
 * transaction that made it. A change to the same amount is no change and is not kept.
 */
export async function recordMrrChange(tx: SqlExecutor, change: MrrChangeInput): Promise<void> {
  if (change.fromCents === change.toCents) return
  await tx.query(
    `INSERT INTO account_mrr_changes (project_id, account, from_cents, to_cents, source, at)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [change.projectId, change.account, change.fromCents, change.toCents, change.source, change.at],
  )
}

/**
 * A token changed the MRR stored on a company or person row (the caller wrote mrr_cents and
 * moved the backlog): the row's MRR is now as of `now`, and the change goes into the history.
 */
export async function recordTokenMrrChange(
  tx: SqlExecutor,
  row: { table: 'companies' | 'people'; id: number; projectId: string; account: string },
  fromCents: number,
  toCents: number,
  now: number,
): Promise<void> {
  if (fromCents === toCents) return
  const at = new Date(now)
  await tx.query(`UPDATE ${row.table} SET mrr_as_of = $2 WHERE id = $1`, [row.id, at])
  await recordMrrChange(tx, {
    projectId: row.projectId,
    account: row.account,
    fromCents,
    toCents,
    source: 'token',
    at,
  })
}

interface MrrChangeRow {
  from_cents: number | string
  to_cents: number | string
  source: MrrSource
  at: Date | string
}

export class AccountMrrHistoryStore {
  constructor(private readonly db: Db) {}

  /** The account's MRR changes, newest first. */
  async list(projectId: string, account: string): Promise<MrrChange[]> {
    const rows = await this.db.query<MrrChangeRow>(
      `SELECT from_cents, to_cents, source, at FROM account_mrr_changes
        WHERE project_id = $1 AND account = $2
        ORDER BY at DESC, id DESC LIMIT $3`,
      [projectId, account, MRR_HISTORY_LIMIT],
    )
    return rows.map((row) => ({
      fromCents: Number(row.from_cents),
      toCents: Number(row.to_cents),
      source: row.source,
      at: toIso(row.at),
    }))
  }
}
