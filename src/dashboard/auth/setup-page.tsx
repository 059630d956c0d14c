import { useState } from 'preact/hooks'
import type { TeamMemberInfo } from '../../shared/team-api'
import type { AuthClient } from '../api/team-client'

/** First start (or an install from before team accounts): the admin token makes the first owner. */
export function SetupPage({
  auth,
  onCreated,
}: {
  auth: AuthClient
  onCreated: (member: TeamMemberInfo) => void
}) {
  const [fields, setFields] = useState({ adminToken: '', email: '', name: '', password: '' })
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const set = (key: keyof typeof fields) => (event: { currentTarget: HTMLInputElement }) =>
    setFields({ ...fields, [key]: event.currentTarget.value })

  async function create(event: Event) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    const result = await auth.setUp({
      adminToken: fields.adminToken.trim(),
      email: fields.email.trim(),
      name: fields.name.trim(),
      password: fields.password,
    })
    setBusy(false)
    if (result.ok) return onCreated(result.data.member)
    if (result.code === 'unauthorized')
      setError(
        'That admin token was not accepted: compare it with the admin-token file (or REQIO_ADMIN_TOKEN) on the server.',
      )
    else setError(result.message)
  }

  const ready =
    fields.adminToken.trim() && fields.email.trim() && fields.name.trim() && fields.password
  return (
    <main class="sign-in">
      <h1>Create the owner account</h1>
      <p>
        Nobody has an account yet. The owner can invite the rest of the team afterwards. Your
        projects and feedback are kept.
      </p>
      <form onSubmit={create}>
        <label for="setup-token">Admin token</label>
        <input
          id="setup-token"
          type="password"
          autocomplete="off"
          aria-describedby="setup-token-where"
          value={fields.adminToken}
          onInput={set('adminToken')}
        />
        <p class="hint" id="setup-token-where">
          Never printed: it is your <code>REQIO_ADMIN_TOKEN</code>, or the one the first start saved
          in <code>$REQIO_DATA_DIR/admin-token</code> (the start message names the file). Read it
          with <code>cat .reqio/admin-token</code>, or in Docker with{' '}
          <code>docker compose exec reqio cat /data/admin-token</code>.
        </p>
        <label for="setup-email">Email</label>
        <input
          id="setup-email"
          type="email"
          autocomplete="username"
          value={fields.email}
          onInput={set('email')}
        />
        <label for="setup-name">Name</label>
        <input id="setup-name" autocomplete="name" value={fields.name} onInput={set('name')} />
        <label for="setup-password">Password</label>
        <input
          id="setup-password"
          type="password"
          autocomplete="new-password"
          minLength={10}
          value={fields.password}
          onInput={set('password')}
        />
        <p class="hint">At least 10 characters.</p>
        <button type="submit" class="primary" disabled={busy || !ready}>
          Create the owner account
        </button>
      </form>
      {error ? <p role="alert">{error}</p> : null}
    </main>
  )
}
