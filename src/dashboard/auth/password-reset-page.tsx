import { useEffect, useMemo, useState } from 'preact/hooks'
import type { InvitePreview, TeamMemberInfo } from '../../shared/team-api'
import type { AuthClient } from '../api/team-client'
import { dashboardRoot } from '../router'
import { createPasswordResetClient } from './password-reset-client'
import './auth.css'

/** The `code` of an emailed reset link (/dashboard/reset?code=…), or null on any other page. */
export function resetCodeFromLocation(): string | null {
  if (!/\/dashboard\/reset\/?$/.test(location.pathname)) return null
  return new URLSearchParams(location.search).get('code')
}

const SPENT =
  'This link was used already, has expired (a link works for one hour) or was replaced by a newer one.'

/** An emailed reset link opened: choose a new password, and be signed in with it. */
export function PasswordResetPage({
  auth,
  apiBase = '',
  code,
  onDone,
}: {
  auth: AuthClient
  apiBase?: string
  code: string
  onDone: (member: TeamMemberInfo) => void
}) {
  const resets = useMemo(() => createPasswordResetClient(apiBase), [apiBase])
  const [link, setLink] = useState<InvitePreview | null>(null)
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [spent, setSpent] = useState(false)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    void auth.previewInvite(code).then((result) => {
      if (result.ok && result.data.invite.reset) setLink(result.data.invite)
      else setSpent(true)
    })
  }, [auth, code])

  async function setNewPassword(event: Event) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    const result = await resets.confirm(code, password)
    setBusy(false)
    if (result.ok) return onDone(result.data.member)
    if (result.status === 404) setSpent(true)
    else setError(result.message)
  }

  return (
    <main class="sign-in password-reset">
      <h1>Choose a new password</h1>
      {link && !spent ? (
        <form onSubmit={setNewPassword}>
          <p>
            For <strong>{link.email}</strong>.
          </p>
          <label for="reset-password">New password</label>
          <input
            id="reset-password"
            type="password"
            autocomplete="new-password"
            minLength={10}
            aria-describedby="reset-password-hint"
            value={password}
            onInput={(event) => setPassword(event.currentTarget.value)}
          />
          <p class="hint" id="reset-password-hint">
            At least 10 characters. Every other device signed in to this account is signed out.
          </p>
          <button type="submit" class="primary" disabled={busy || password.length === 0}>
            Set the new password
          </button>
        </form>
      ) : null}
      {!link && !spent ? <p>Checking the link…</p> : null}
      {spent ? (
        <div role="alert" class="notice">
          <p>{SPENT}</p>
          <p>
            <a href={dashboardRoot(location.pathname)}>Ask for a new link</a> from the sign-in page
            (Forgot password?).
          </p>
        </div>
      ) : null}
      {error ? <p role="alert">{error}</p> : null}
    </main>
  )
}
