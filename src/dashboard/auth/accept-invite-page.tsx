import { useEffect, useState } from 'preact/hooks'
import type { InvitePreview, TeamMemberInfo } from '../../shared/team-api'
import type { AuthClient } from '../api/team-client'

/** The `code` of an invite link (/dashboard/accept?code=…), or null on any other page. */
export function inviteCodeFromLocation(): string | null {
  if (!/\/accept\/?$/.test(location.pathname)) return null
  return new URLSearchParams(location.search).get('code')
}

/** An invite link opened: choose a name and password (or a new password, for a reset link). */
export function AcceptInvitePage({
  auth,
  code,
  onAccepted,
}: {
  auth: AuthClient
  code: string
  onAccepted: (member: TeamMemberInfo) => void
}) {
  const [invite, setInvite] = useState<InvitePreview | null>(null)
  const [name, setName] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    auth.previewInvite(code).then((result) => {
      if (result.ok) setInvite(result.data.invite)
      else
        setError('This invite link was used, revoked or has expired. Ask an owner for a new one.')
    })
  }, [auth, code])

  async function accept(event: Event) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    const result = await auth.acceptInvite({
      code,
      password,
      ...(name.trim() ? { name: name.trim() } : {}),
    })
    setBusy(false)
    if (result.ok) onAccepted(result.data.member)
    else setError(result.message)
  }

  return (
    <main class="sign-in">
      <h1>{invite?.reset ? 'Choose a new password' : 'Join the team'}</h1>
      {invite ? (
        <form onSubmit={accept}>
          <p>
            {invite.reset ? 'For ' : 'You are invited as '}
            {invite.reset ? null : <strong>{invite.role}</strong>}
            {invite.reset ? null : ' with '}
            <strong>{invite.email}</strong>.
          </p>
          <label for="accept-name">
            {invite.reset ? 'Name (leave empty to keep it)' : 'Your name'}
          </label>
          <input
            id="accept-name"
            autocomplete="name"
            value={name}
            onInput={(event) => setName(event.currentTarget.value)}
          />
          <label for="accept-password">{invite.reset ? 'New password' : 'Password'}</label>
          <input
            id="accept-password"
            type="password"
            autocomplete="new-password"
            minLength={10}
            value={password}
            onInput={(event) => setPassword(event.currentTarget.value)}
          />
          <p class="hint">At least 10 characters.</p>
          <button
            type="submit"
            class="primary"
            disabled={busy || password.length === 0 || (!invite.reset && !name.trim())}
          >
            {invite.reset ? 'Set the password' : 'Join'}
          </button>
        </form>
      ) : error ? null : (
        <p>Checking the invite…</p>
      )}
      {error ? <p role="alert">{error}</p> : null}
    </main>
  )
}
