import { useState } from 'preact/hooks'
import type { TestEmailResponse } from '../../shared/mail-setup'
import type { AdminClient } from '../api/admin-client'

type Outcome = { sent: true; to: string } | { sent: false; problem: string }

/**
 * "Send a test email" through the server's real mailer: to the signed-in member, or to an
 * address typed here (the only choice for the admin token, which has no address).
 */
export function TestEmailForm({
  client,
  signedInEmail,
}: {
  client: AdminClient
  signedInEmail: string | null
}) {
  const [toMe, setToMe] = useState(signedInEmail !== null)
  const [address, setAddress] = useState('')
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome | null>(null)

  async function send(event: Event) {
    event.preventDefault()
    setBusy(true)
    setOutcome(null)
    const result = await client.call<TestEmailResponse>(
      'POST',
      '/mail/test',
      toMe ? {} : { to: address.trim() },
    )
    setBusy(false)
    if (!result.ok) setOutcome({ sent: false, problem: result.message })
    else if (result.data.sent) setOutcome({ sent: true, to: result.data.to })
    else setOutcome({ sent: false, problem: result.data.problem ?? 'The email was not sent.' })
  }

  return (
    <form class="test-email" onSubmit={send}>
      <fieldset>
        <legend>Send a test email</legend>
        {signedInEmail ? (
          <label class="check">
            <input type="radio" name="test-to" checked={toMe} onChange={() => setToMe(true)} /> To
            me ({signedInEmail})
          </label>
        ) : null}
        {signedInEmail ? (
          <label class="check">
            <input type="radio" name="test-to" checked={!toMe} onChange={() => setToMe(false)} /> To
            another address
          </label>
        ) : null}
        {toMe ? null : (
          <label class="test-address">
            Address
            <input
              type="email"
              required
              autoComplete="email"
              value={address}
              onInput={(event) => setAddress(event.currentTarget.value)}
            />
          </label>
        )}
      </fieldset>
      <button type="submit" class="primary" disabled={busy || (!toMe && !address.trim())}>
        {busy ? 'Sending…' : 'Send a test email'}
      </button>
      <div role="status">
        {outcome?.sent ? (
          <p class="outcome success">
            Sent to {outcome.to}: the SMTP server accepted it. If it does not arrive, look in spam,
            and check the sender's domain (SPF, DKIM) with your provider.
          </p>
        ) : null}
      </div>
      {outcome && !outcome.sent ? (
        <p role="alert" class="outcome failure">
          Not sent: {outcome.problem}
        </p>
      ) : null}
    </form>
  )
}
