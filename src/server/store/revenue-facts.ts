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
