import { useLayoutEffect, useState } from 'preact/hooks'
import type { AdminClient } from '../api/admin-client'
import { formatDateTime } from '../format/dates'
import { setLeaveGuard } from '../leave-guard'
import { CodeBlock } from '../ui/code-block'

export interface RevealedSecret {
  secret: string
  /** Set on rotation: until when the previous secret still verifies. */
  previousValidUntil?: string
}

// Not the secret, only the fact that one was shown here: it turns "Generate" into "Rotate".
const revealedKey = (projectId: string) => `reqio.dashboard.secretShown.${projectId}`

function rememberSecretShown(projectId: string) {
  try {
    localStorage.setItem(revealedKey(projectId), '1')
  } catch {
    // Storage refused: the button says "Generate" again next time, which still rotates safely.
  }
}

function wasSecretShown(projectId: string): boolean {
  try {
    return localStorage.getItem(revealedKey(projectId)) === '1'
  } catch {
    return false
  }
}

const GRACE_CHOICES = [
  { seconds: 3600, label: '1 hour' },
  { seconds: 86_400, label: '24 hours' },
  { seconds: 7 * 86_400, label: '7 days' },
]

export const UNCOPIED_SECRET_WARNING =
  'You have not copied the secret. Leave anyway? It is shown only once: rotating is the only way back.'

/**
 * Step 2. The secret is shown once: it lives only in this component's state, so leaving the
 * page or pressing "Hide" loses it for good; the server never shows it again.
 */
export function SecretStep({
  client,
  projectId,
  initialSecret,
}: {
  client: AdminClient
  projectId: string
  /** The secret the project was created with, when it was created a moment ago. */
  initialSecret?: string
}) {
  const [revealed, setRevealed] = useState<RevealedSecret | null>(
    initialSecret ? { secret: initialSecret } : null,
  )
  const [issued, setIssued] = useState(() => {
    // Recorded at first render, not in an effect: the owner may leave before effects run.
    if (initialSecret) rememberSecretShown(projectId)
    return Boolean(initialSecret) || wasSecretShown(projectId)
  })
  const [confirmingRotation, setConfirmingRotation] = useState(false)
  const [graceSeconds, setGraceSeconds] = useState(86_400)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [copied, setCopied] = useState(false)

  // Leaving with the secret on screen and never copied loses it: ask first.
  useLayoutEffect(() => {
    setLeaveGuard(revealed && !copied ? UNCOPIED_SECRET_WARNING : null)
    return () => setLeaveGuard(null)
  }, [revealed, copied])

  async function issueSecret(rotation: boolean) {
    setBusy(true)
    setError(null)
    const result = await client.rotateSecret(projectId, rotation ? graceSeconds : undefined)
    setBusy(false)
    if (!result.ok) {
      setError(`The secret could not be issued: ${result.message}`)
      return
    }
    setCopied(false)
    setRevealed({
      secret: result.data.secret,
      previousValidUntil: result.data.previousValidUntil,
    })
    setIssued(true)
    rememberSecretShown(projectId)
    setConfirmingRotation(false)
  }

  return (
    <section class="step" aria-labelledby="step-secret">
      <h3 id="step-secret">2. Generate a signing secret</h3>
      <p>
        Your server signs tokens with this per-project secret. Put it in your server environment as{' '}
        <code>REQIO_SECRET</code>.
      </p>
      {revealed ? (
        <div class="secret-reveal" role="region" aria-label="New signing secret">
          <p class="notice">
            <strong>Copy it now: this secret is shown only once.</strong> Reqio keeps no readable
            copy, so rotating is the only way back if you lose it.
          </p>
          <CodeBlock
            title="Signing secret"
            code={revealed.secret}
            onCopied={() => setCopied(true)}
          />
          <CodeBlock
            title="Server environment line"
            code={`REQIO_SECRET=${revealed.secret}`}
            onCopied={() => setCopied(true)}
          />
          <p class="warning" role="note">
            Never send this secret to the browser: keep it out of client bundles, public env vars
            (NEXT_PUBLIC_, VITE_), HTML, logs and URLs.
          </p>
          {revealed.previousValidUntil ? (
            <p class="notice">
              The previous secret still verifies until{' '}
              <strong>{formatDateTime(revealed.previousValidUntil)}</strong>. Deploy the new one
              before then.
            </p>
          ) : null}
          <button type="button" onClick={() => setRevealed(null)}>
            I stored it, hide the secret
          </button>
        </div>
      ) : null}
      {!revealed && !issued ? (
        <button type="button" class="primary" disabled={busy} onClick={() => issueSecret(false)}>
          Generate secret
        </button>
      ) : null}
      {!revealed && issued && !confirmingRotation ? (
        <button type="button" onClick={() => setConfirmingRotation(true)}>
          Rotate secret
        </button>
      ) : null}
      {!revealed && confirmingRotation ? (
        <div class="confirm">
          <label>
            Keep the previous secret valid for{' '}
            <select
              value={graceSeconds}
              onChange={(event) => setGraceSeconds(Number(event.currentTarget.value))}
            >
              {GRACE_CHOICES.map((choice) => (
                <option key={choice.seconds} value={choice.seconds}>
                  {choice.label}
                </option>
              ))}
            </select>
          </label>
          <button type="button" class="primary" disabled={busy} onClick={() => issueSecret(true)}>
            Rotate now
          </button>
          <button type="button" onClick={() => setConfirmingRotation(false)}>
            Cancel
          </button>
        </div>
      ) : null}
      {!issued ? null : (
        <p class="hint">
          Lost the secret, or it leaked? Rotate: the new one signs from now on, the old one keeps
          verifying for the grace period you choose.
        </p>
      )}
      {error ? <p role="alert">{error}</p> : null}
    </section>
  )
}
