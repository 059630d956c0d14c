import type { BacklogRequest } from '../../shared/api'
import { atRiskLabel } from './at-risk-money'
import './revenue.css'

/** The backlog's "At risk" column header (wide screens; a phone reads AtRiskFact instead). */
export function AtRiskHeader() {
  return (
    <th
      scope="col"
      class="number wide-only"
      title="MRR of the voters' accounts whose Stripe subscription is past due or cancelling"
    >
      At risk
    </th>
  )
}

/** A request's revenue at risk, or a dash when none of its voters' accounts is at risk. */
export function AtRiskCell({ request }: { request: BacklogRequest }) {
  return (
    <td class="number wide-only">
      {request.atRiskMrrCents > 0 ? (
        <span class="at-risk">{atRiskLabel(request.atRiskMrrCents)}</span>
      ) : (
        <span class="hint" aria-label="None at risk">
          —
        </span>
      )}
    </td>
  )
}

/** The same on a phone, in the title's line of facts; nothing when none is at risk. */
export function AtRiskFact({ request }: { request: BacklogRequest }) {
  if (request.atRiskMrrCents <= 0) return null
  return <span class="at-risk">{atRiskLabel(request.atRiskMrrCents)}</span>
}
