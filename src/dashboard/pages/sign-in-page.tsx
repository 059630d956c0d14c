import { useState } from 'preact/hooks'
import { createAdminClient } from '../api/admin-client'

/** Asks for the admin token and accepts it only once the server does. */
export function SignInPage({
  apiBase,
  onSignedIn,
}: {
  apiBase: string
  onSignedIn: (adminToken: string) => void
}) {
  const [token, setToken] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function signIn(event: Event) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    const candidate = token.trim()
    const result = await createAdminClient(candidate, apiBase).listProjects()
    setBusy(false)
    if (result.ok) onSignedIn(candidate)
    else if (result.status === 401 || result.status === 403)
      setError('That admin token was not accepted. Check REQIO_ADMIN_TOKEN on the server.')
    else setError(`Could not sign in: ${result.message}`)
  }

  return (
    <main class="sign-in">
      <h1>Reqio dashboard</h1>
      <form onSubmit={signIn}>
        <label for="admin-token">Admin token</label>
        <input
          id="admin-token"
          type="password"
          autocomplete="current-password"
          value={token}
          onInput={(event) => setToken(event.currentTarget.value)}
        />
        <p class="hint">
          The server printed it on first start (or set it with <code>REQIO_ADMIN_TOKEN</code>). It
          is kept for this browser tab only.
        </p>
        <button type="submit" class="primary" disabled={busy || token.trim() === ''}>
          Sign in
        </button>
        {error ? <p role="alert">{error}</p> : null}
      </form>
    </main>
  )
}
