import type { AccountRevenueFacts, MrrSource } from '../../shared/api/revenue'
import { toIso } from './rows'

/** The revenue ledger's columns of a companies or people row, as selected. */
export interface RevenueFactColumns {
  mrr_source: string
  mrr_as_of: Date | string
  at_risk: boolean
}

/** A row's mrr_source, mrr_as_of and at_risk as the wire says them (AccountRevenueFacts). */
export function toRevenueFacts(row: RevenueFactColumns): AccountRevenueFacts {
  return {
    mrrSource: row.mrr_source as MrrSource,
    mrrAsOf: toIso(row.mrr_as_of),
    atRisk: row.at_risk === true,
  }
}

/**
 * The same facts built in SQL as json_build_object arguments, for rows aggregated into JSON
 * (the backlog's voters): `alias` is the companies or people row.
 */
export function revenueFactsJson(alias: string): string {
  return `'mrrSource', ${alias}.mrr_source, 'mrrAsOf', ${alias}.mrr_as_of, 'atRisk', ${alias}.at_risk`
}
