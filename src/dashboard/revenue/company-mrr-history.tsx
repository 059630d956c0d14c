import { useEffect, useMemo, useState } from 'preact/hooks'
import type { MrrChange } from '../../shared/api/revenue'
import type { AdminClient } from '../api/admin-client'
import { formatDate } from '../format/dates'
import { formatMoney } from '../format/money'
import { MRR_SOURCE_LABELS } from './account-mrr-facts'
import { revenueClient } from './revenue-client'
import './revenue.css'

/** "$490.00 → $990.00 on 3 Dec 2026, from Stripe": one change of an account's MRR. */
export function mrrChangeSentence(change: MrrChange): string {
  return `${formatMoney(change.fromCents)} → ${formatMoney(change.toCents)} on ${formatDate(change.at)}, from ${MRR_SOURCE_LABELS[change.source]}`
}

/** A company's MRR history in its panel (companies page), newest change first. */
export function CompanyMrrHistory({
  client,
  projectId,
  companyId,
}: {
  client: AdminClient
  projectId: string
  companyId: string
}) {
  const revenue = useMemo(() => revenueClient(client), [client])
  const [changes, setChanges] = useState<MrrChange[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    revenue.companyMrrHistory(projectId, companyId).then((result) => {
      if (result.ok) setChanges(result.data.changes)
      else setError(`The MRR history could not be loaded: ${result.message}`)
    })
  }, [revenue, projectId, companyId])

  return (
    <section class="mrr-history" aria-labelledby="mrr-history-heading">
      <h4 id="mrr-history-heading">MRR history</h4>
      {error ? <p role="alert">{error}</p> : null}
      {changes === null && !error ? <p>Loading the history…</p> : null}
      {changes && changes.length === 0 ? (
        <p class="hint">No change of its MRR recorded yet.</p>
      ) : null}
      {changes && changes.length > 0 ? (
        <ol aria-label="MRR changes, newest first">
          {changes.map((change, i) => (
            <li key={`${change.at}-${i}`}>{mrrChangeSentence(change)}</li>
          ))}
        </ol>
      ) : null}
    </section>
  )
}
