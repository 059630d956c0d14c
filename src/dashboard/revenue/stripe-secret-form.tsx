import { useState } from 'preact/hooks'
import type { RevenueClient } from './revenue-client'

/**
 * Stripe's whsec_ signing secret: write-only. The page says whether one is set, never shows
 * it; saving replaces it, and removing turns the endpoint off.
 */
export function StripeSecretForm({
  revenue,
  projectId,
  isSet,
  onSaved,
}: {
  revenue: RevenueClient
  projectId: string
  isSet: boolean
  onSaved: () => void
}) {
  const [secret, setSecret] = useState('')
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)

  async function save(webhookSecret: string | null) {
    const result = await revenue.saveStripeSecret(projectId, webhookSecret)
    if (!result.ok) return setMessage({ ok: false, text: result.message })
    setSecret('')
    setMessage({
      ok: true,
      text: webhookSecret
        ? 'Signing secret saved: Stripe events are accepted.'
        : 'Signing secret removed: Stripe events are refused.',
    })
    onSaved()
  }

  return (
    <form
      class="settings stripe-secret"
      onSubmit={(event) => {
        event.preventDefault()
        save(secret.trim())
      }}
    >
      <p>
        {isSet ? (
          <>
            <strong>A signing secret is set.</strong> It is never shown again; paste a new one to
            replace it.
          </>
        ) : (
          <>
            <strong>No signing secret yet:</strong> Stripe's events are refused until you paste the
            endpoint's secret (it starts with <code>whsec_</code>).
          </>
        )}
      </p>
      <label for="stripe-secret">Signing secret</label>
      <input
        id="stripe-secret"
        type="password"
        autoComplete="off"
        spellcheck={false}
        placeholder="whsec_…"
        value={secret}
        onInput={(event) => setSecret(event.currentTarget.value)}
      />
      <div class="confirm">
        <button type="submit" class="primary" disabled={!secret.trim().startsWith('whsec_')}>
          {isSet ? 'Replace secret' : 'Save secret'}
        </button>
        {isSet ? (
          <button type="button" onClick={() => save(null)}>
            Remove secret
          </button>
        ) : null}
      </div>
      {message ? <p role={message.ok ? 'status' : 'alert'}>{message.text}</p> : null}
    </form>
  )
}
