import { useId, useState } from 'preact/hooks'
import type { AdminClient } from '../api/admin-client'
import { type ChosenCustomer, CustomerPicker } from './customer-picker'

/**
 * "Add a vote for a customer", in a request's drawer: a customer who asked for this on a call
 * is counted with their revenue and company, as if they had voted in the widget. Voting again
 * for the same person changes nothing.
 */
export function VoteForCustomer({
  client,
  projectId,
  requestId,
  onVoted,
}: {
  client: AdminClient
  projectId: string
  requestId: string
  /** The request's votes and revenue changed: the backlog reloads. */
  onVoted: () => void
}) {
  const id = useId()
  const [customer, setCustomer] = useState<ChosenCustomer | null>(null)
  const [saving, setSaving] = useState(false)
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null)
  // A fresh picker after each vote: the next customer starts from an empty search.
  const [round, setRound] = useState(0)

  async function vote(event: Event) {
    event.preventDefault()
    if (!customer || saving) return
    setSaving(true)
    setOutcome(null)
    const result = await client.voteOnBehalf(projectId, requestId, customer.onBehalfOf)
    setSaving(false)
    if (!result.ok) {
      setOutcome({ ok: false, text: `The vote was not added: ${result.message}` })
      return
    }
    setOutcome({ ok: true, text: `Vote added for ${customer.label}.` })
    setCustomer(null)
    setRound((n) => n + 1)
    onVoted()
  }

  return (
    <section class="drawer-section" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Add a vote for a customer</h3>
      <form onSubmit={vote}>
        <CustomerPicker
          key={round}
          client={client}
          projectId={projectId}
          value={customer}
          onChange={setCustomer}
        />
        <button type="submit" disabled={!customer || saving}>
          {saving ? 'Adding…' : 'Add vote'}
        </button>
      </form>
      {outcome && !outcome.ok ? <p role="alert">{outcome.text}</p> : null}
      <p class="saved" role="status">
        {outcome?.ok ? outcome.text : null}
      </p>
    </section>
  )
}
