/**
 * What the Stripe webhook does to an account's at-risk flag, without sending Stripe events (so
 * the account keeps its token MRR): the company's or person's row, then, through the store's own
 * step (flagAccountAtRisk), the revenue at risk of every request the account counts for.
 */
import { flagAccountAtRisk } from '../../src/server/store/account-revenue'
import type { Db } from '../../src/server/store/db'

export async function flagAtRisk(
  db: Db,
  projectId: string,
  account: { company: string } | { sub: string },
  atRisk = true,
): Promise<void> {
  const [table, column, key, prefix] =
    'company' in account
      ? (['companies', 'external_id', account.company, 'c'] as const)
      : (['people', 'sub', account.sub, 'p'] as const)
  await db.transaction(async (tx) => {
    const [row] = await tx.query<{ id: number }>(
      `UPDATE ${table} SET at_risk = $3 WHERE project_id = $1 AND ${column} = $2 RETURNING id`,
      [projectId, key, atRisk],
    )
    if (!row) throw new Error(`no ${table} row ${key} in ${projectId}`)
    await flagAccountAtRisk(tx, `${prefix}:${row.id}`, atRisk)
  })
}
