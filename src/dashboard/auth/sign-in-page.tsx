import { useState } from 'preact/hooks'
import type { TeamMemberInfo } from '../../shared/team-api'
import { createAdminClient } from '../api/admin-client'
import type { AuthClient } from '../api/team-client'
import { ForgotPassword } from './forgot-password'
import './auth.css'

/** Email and password; the admin token stays possible (scripts' token, or a locked-out owner). */
export function SignInPage({
  auth,
  apiBase,
  onSignedIn,
  onAdminToken,
}: {
  auth: AuthClient
  apiBase: string
  onSignedIn: (member: TeamMemberInfo) => void
  onAdminToken: (adminToken: string) => void
}) {
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [token, setToken] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [forgot, setForgot] = useState(false)

  async function signIn(event: Event) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    const result = await auth.logIn(email.trim(), password)
    setBusy(false)
    if (result.ok) return onSignedIn(result.data.member)
    setPassword('')
    if (result.status === 401) setError('That email and password do not match an account.')
    else if (result.code === 'rate_limited') setError(`${result.message}`)
    else setError(`Could not sign in: ${result.message}`)
  }

  async function useToken(event: Event) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    const candidate = token.trim()
    const result = await createAdminClient(candidate, apiBase).listProjects()
    setBusy(false)
    if (result.ok) onAdminToken(candidate)
    else if (result.status === 401 || result.status === 403)
      setError('That admin token was not accepted. Check REQIO_ADMIN_TOKEN on the server.')
    else setError(`Could not sign in: ${result.message}`)
  }

  return (
    <main class="sign-in">
      <h1>Reqio dashboard</h1>
      {forgot ? (
        <ForgotPassword
          apiBase={apiBase}
          initialEmail={email.trim()}
          onBack={() => setForgot(false)}
        />
      ) : (
        <form onSubmit={signIn}>
          <label for="sign-in-email">Email</label>
          <input
            id="sign-in-email"
            type="email"
            autocomplete="username"
            value={email}
            onInput={(event) => setEmail(event.currentTarget.value)}
          />
          <label for="sign-in-password">Password</label>
          <input
            id="sign-in-password"
            type="password"
            autocomplete="current-password"
            value={password}
            onInput={(event) => setPassword(event.currentTarget.value)}
          />
          <div class="sign-in-extra">
            <button type="submit" class="primary" disabled={busy || !email.trim() || !password}>
              Sign in
            </button>
            <button type="button" class="link" onClick={() => setForgot(true)}>
              Forgot password?
            </button>
          </div>
        </form>
      )}
      {error && !forgot ? <p role="alert">{error}</p> : null}
      <details class="token-sign-in">
        <summary>Use the admin token instead</summary>
        <form onSubmit={useToken}>
          <label for="admin-token">Admin token</label>
          <input
            id="admin-token"
            type="password"
            autocomplete="off"
            value={token}
            onInput={(event) => setToken(event.currentTarget.value)}
          />
          <p class="hint">
            It is <code>REQIO_ADMIN_TOKEN</code> when the server has it set, else the file{' '}
            <code>admin-token</code> in the server's data folder (<code>REQIO_DATA_DIR</code>). It
            is kept for this browser tab only.
          </p>
          <button type="submit" disabled={busy || token.trim() === ''}>
            Sign in with the token
          </button>
        </form>
      </details>
    </main>
  )
}
