import type { AccountRevenueFacts } from '../../shared/api/revenue'
import { formatDate } from '../format/dates'
import './revenue.css'

/** Where an account's MRR comes from, as the dashboard says it. */
export const MRR_SOURCE_LABELS: Record<AccountRevenueFacts['mrrSource'], string> = {
  token: 'token',
  stripe: 'Stripe',
}

/**
 * An account as an answer carries it: its MRR, and the ledger's facts beside it. The facts
 * are optional so that an answer from a server before the revenue ledger still renders.
 */
export type AccountMrrOf = Partial<AccountRevenueFacts> & { mrrCents: number }

/**
 * "from Stripe, as of 3 Dec 2026" under an account's MRR.
 */
export function MrrSourceLine({ facts }: { facts: AccountMrrOf }) {
  if (!facts.mrrSource) return null
  return (
    <span class="mrr-source">
      from {MRR_SOURCE_LABELS[facts.mrrSource]}
      {facts.mrrAsOf ? `, as of ${formatDate(facts.mrrAsOf)}` : ''}
    </span>
  )
}

/** The "At risk" badge beside an at-risk account's name; nothing otherwise. */
export function AtRiskBadge({ facts }: { facts: AccountMrrOf }) {
  if (!facts.atRisk) return null
  return (
    <span
      class="at-risk-badge"
      title="Its Stripe subscription is past due or set to cancel at the end of the period"
    >
      At risk
    </span>
  )
}
