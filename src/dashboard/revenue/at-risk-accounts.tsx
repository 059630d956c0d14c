import type { AtRiskAccount } from '../../shared/api'
import { formatMoney } from '../format/money'
import { atRiskLabel } from './at-risk-money'
import './revenue.css'

/**
 * The drawer's "Accounts at risk" section: which at-risk accounts (Stripe past due, or set to
 * cancel at the period's end) asked for the request, with the MRR each would take along.
 * Nothing when none did.
 */
export function AtRiskAccounts({
  atRiskMrrCents,
  accounts,
}: {
  atRiskMrrCents: number
  /** From the request's detail; undefined while it loads. */
  accounts: AtRiskAccount[] | undefined
}) {
  if (atRiskMrrCents <= 0 && (accounts?.length ?? 0) === 0) return null
  return (
    <section class="drawer-section at-risk-accounts" aria-labelledby="at-risk-heading">
      <h3 id="at-risk-heading">Accounts at risk: {atRiskLabel(atRiskMrrCents)}</h3>
      <p class="hint">
        Their Stripe subscription is past due or set to cancel at the end of the period.
      </p>
      {accounts ? (
        <ul>
          {accounts.map((account) => (
            <li key={`${account.kind}:${account.id}`}>
              <span class="at-risk-badge">At risk</span>{' '}
              <strong>{account.name ?? account.id}</strong>{' '}
              <span class="hint">
                ({account.kind === 'company' ? 'company' : 'person'}
                {account.name ? `, ${account.id}` : ''})
              </span>{' '}
              {formatMoney(account.mrrCents)}/mo
            </li>
          ))}
        </ul>
      ) : (
        <p>Loading the accounts…</p>
      )}
    </section>
  )
}
