import { useCallback, useEffect, useMemo, useState } from 'preact/hooks'
import {
  STRIPE_COMPANY_KEY,
  STRIPE_SUB_KEY,
  type StripeSettingsView,
} from '../../shared/api/revenue'
import type { AdminClient } from '../api/admin-client'
import { formatDateTime } from '../format/dates'
import { SecretLine } from '../ui/secret-line'
import { revenueClient } from './revenue-client'
import { StripeSecretForm } from './stripe-secret-form'
import './revenue.css'

/**
 * Settings › Revenue (owners and admins): connect Stripe so each account's MRR comes from its
 * subscriptions. Where Stripe sends events, its signing secret (write-only), what to put in
 * Stripe's metadata, and the last event received.
 */
export function RevenueSettingsPage({
  client,
  projectId,
}: {
  client: AdminClient
  projectId: string
}) {
  const revenue = useMemo(() => revenueClient(client), [client])
  const [stripe, setStripe] = useState<StripeSettingsView | null>(null)
  const [error, setError] = useState<string | null>(null)

  const reload = useCallback(async () => {
    const result = await revenue.stripeSettings(projectId)
    if (result.ok) setStripe(result.data.stripe)
    setError(result.ok ? null : `The Stripe settings could not be loaded: ${result.message}`)
  }, [revenue, projectId])
  useEffect(() => {
    reload()
  }, [reload])

  return (
    <div class="revenue-settings">
      <p>
        Reqio reads each account's MRR from the identity tokens your server signs. Connect Stripe
        and the accounts it knows take their MRR from their subscriptions instead, the moment they
        change; accounts whose payment is past due or who set their subscription to cancel are
        flagged <span class="at-risk-badge">At risk</span> in the backlog. Reqio never calls Stripe:
        it only listens.
      </p>
      {error ? <p role="alert">{error}</p> : null}
      {stripe === null && !error ? <p>Loading…</p> : null}
      {stripe ? (
        <>
          <section aria-labelledby="stripe-endpoint-heading">
            <h3 id="stripe-endpoint-heading">1. Add the endpoint in Stripe</h3>
            <p>
              In Stripe, under Developers › Webhooks, add an endpoint with this URL and the events{' '}
              <code>customer.created</code>, <code>customer.updated</code>,{' '}
              <code>customer.subscription.created</code>, <code>customer.subscription.updated</code>{' '}
              and <code>customer.subscription.deleted</code>.
            </p>
            <SecretLine secret={stripe.endpointUrl} label="Stripe endpoint URL" />
          </section>
          <section aria-labelledby="stripe-secret-heading">
            <h3 id="stripe-secret-heading">2. Paste its signing secret</h3>
            <StripeSecretForm
              revenue={revenue}
              projectId={projectId}
              isSet={stripe.webhookSecretSet}
              onSaved={reload}
            />
          </section>
          <section aria-labelledby="stripe-metadata-heading">
            <h3 id="stripe-metadata-heading">3. Name the account in Stripe's metadata</h3>
            <p>
              On each subscription (or on its customer), add one metadata key so Reqio knows whose
              MRR it is:
            </p>
            <dl class="stripe-metadata">
              <dt>
                <code>{STRIPE_COMPANY_KEY}</code>
              </dt>
              <dd>
                the company's id, the same <code>company.id</code> your identity tokens send;
              </dd>
              <dt>
                <code>{STRIPE_SUB_KEY}</code>
              </dt>
              <dd>
                or, for a customer without a company, the person's <code>sub</code>.
              </dd>
            </dl>
            <p class="hint">
              MRR is the subscription's items per month (yearly ÷ 12, weekly × 52 ÷ 12); canceled,
              unpaid and expired subscriptions count 0. Tokens no longer change an account Stripe
              knows.
            </p>
          </section>
          <section aria-labelledby="stripe-last-event-heading">
            <h3 id="stripe-last-event-heading">Last event received</h3>
            <p role="status">
              {stripe.lastEvent ? (
                <>
                  <code>{stripe.lastEvent.type}</code> on{' '}
                  {formatDateTime(stripe.lastEvent.receivedAt)}
                </>
              ) : (
                'None yet. Once Stripe sends one, it shows here.'
              )}
            </p>
            <button type="button" onClick={reload}>
              Check again
            </button>
          </section>
        </>
      ) : null}
    </div>
  )
}
