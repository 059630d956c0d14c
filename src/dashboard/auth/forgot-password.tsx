import { useEffect, useMemo, useRef, useState } from 'preact/hooks'
import type { PasswordResetStatus } from '../../shared/team-api'
import { createPasswordResetClient } from './password-reset-client'

/**
 * The sign-in page's "Forgot password?" step: with email set up on the server, a link is sent
 * to the address typed; without, the page says who can make one (an owner, on Members).
 */
export function ForgotPassword({
  apiBase,
  initialEmail,
  onBack,
}: {
  apiBase: string
  initialEmail: string
  onBack: () => void
}) {
  const resets = useMemo(() => createPasswordResetClient(apiBase), [apiBase])
  const [status, setStatus] = useState<PasswordResetStatus | null>(null)
  const [email, setEmail] = useState(initialEmail)
  const [sentTo, setSentTo] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const heading = useRef<HTMLHeadingElement>(null)

  useEffect(() => {
    // The view changed under the keyboard's feet: say where we are now.
    heading.current?.focus()
    void resets.status().then((result) => {
      // A server that cannot answer is treated as one without email: asking an owner always works.
      setStatus(result.ok ? result.data : { byEmail: false })
    })
  }, [resets])

  async function askForLink(event: Event) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    const typed = email.trim()
    const result = await resets.askForLink(typed)
    setBusy(false)
    if (result.ok) setSentTo(typed)
    else if (result.code === 'rate_limited') setError(result.message)
    else setError(`The link could not be asked for: ${result.message}`)
  }

  return (
    <section class="forgot-password" aria-labelledby="forgot-heading">
      <h2 id="forgot-heading" tabIndex={-1} ref={heading}>
        Reset your password
      </h2>
      {status === null ? <p>Checking how this server sends email…</p> : null}
      {status && !status.byEmail ? (
        <div class="notice">
          <p>
            This server does not send email, so it cannot send you a reset link. Ask an owner of
            your team: on the <strong>Members</strong> page, <strong>Reset link</strong> next to
            your name makes one for them to send you.
          </p>
        </div>
      ) : null}
      {status?.byEmail && sentTo === null ? (
        <form onSubmit={askForLink}>
          <label for="forgot-email">Email of your account</label>
          <input
            id="forgot-email"
            type="email"
            autocomplete="username"
            value={email}
            onInput={(event) => setEmail(event.currentTarget.value)}
          />
          <p class="hint">We email a link to choose a new password. It works once, for one hour.</p>
          <button type="submit" class="primary" disabled={busy || !email.trim()}>
            Email me a reset link
          </button>
        </form>
      ) : null}
      {sentTo !== null ? (
        <p role="status" class="outcome success">
          If <strong>{sentTo}</strong> has an account here, a link to choose a new password is on
          its way. It works once, for one hour. Nothing arrived? Check the spam folder, or ask an
          owner for a reset link.
        </p>
      ) : null}
      {error ? <p role="alert">{error}</p> : null}
      <button type="button" class="link" onClick={onBack}>
        Back to sign in
      </button>
    </section>
  )
}
