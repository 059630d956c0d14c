import { useState } from 'preact/hooks'
import type { TokenCheckResponse } from '../../shared/api'
import type { AdminClient } from '../api/admin-client'
import { formatMoney } from '../format/money'
import { otherProjectNamed, unverifiedAudience } from './token-audience'
import { explainForeignAudience, explainTokenFailure } from './token-check-explanations'

/** The token names another project's audience: the explanation names that project. */
type ForeignAudience = ReturnType<typeof otherProjectNamed>

type Outcome =
  | { kind: 'result'; response: TokenCheckResponse; foreign: ForeignAudience }
  | { kind: 'unreachable'; message: string }

/** Step 5: paste a token your server minted and see whether Reqio accepts it, and why not. */
export function TokenCheckStep({
  client,
  projectId,
  audience,
}: {
  client: AdminClient
  projectId: string
  audience: string
}) {
  const [token, setToken] = useState('')
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const [busy, setBusy] = useState(false)

  async function check(event: Event) {
    event.preventDefault()
    setBusy(true)
    const result = await client.checkToken(projectId, token.trim())
    let foreign: ForeignAudience = null
    if (result.ok && !result.data.valid) {
      const aud = unverifiedAudience(token.trim())
      if (aud !== null && aud !== audience) {
        const projects = await client.listProjects()
        foreign = otherProjectNamed(aud, audience, projects.ok ? projects.data.projects : [])
      }
    }
    setBusy(false)
    setOutcome(
      result.ok
        ? { kind: 'result', response: result.data, foreign }
        : { kind: 'unreachable', message: result.message },
    )
  }

  return (
    <section class="step" aria-labelledby="step-check">
      <h3 id="step-check">5. Check a token</h3>
      <p>
        Paste a token your server minted. Reqio verifies it against this project exactly as the
        widget's requests are verified, so you know it works before you ship.
      </p>
      <form onSubmit={check}>
        <label for="token-to-check">Token</label>
        <textarea
          id="token-to-check"
          rows={3}
          spellcheck={false}
          value={token}
          onInput={(event) => setToken(event.currentTarget.value)}
        />
        <button type="submit" class="primary" disabled={busy || token.trim() === ''}>
          Check token
        </button>
      </form>
      {outcome ? <TokenCheckOutcome outcome={outcome} audience={audience} /> : null}
    </section>
  )
}

function TokenCheckOutcome({ outcome, audience }: { outcome: Outcome; audience: string }) {
  if (outcome.kind === 'unreachable') {
    return (
      <div class="outcome failure" role="status">
        <p>The check did not run: {outcome.message}</p>
      </div>
    )
  }
  const { response } = outcome
  if (!response.valid) {
    const explanation = outcome.foreign
      ? explainForeignAudience(outcome.foreign, audience)
      : explainTokenFailure(response.error.code, audience)
    return (
      <div class="outcome failure" role="status">
        <p>
          <strong>Not accepted: {explanation.problem}</strong>
        </p>
        <p>Fix: {explanation.fix}</p>
        <p class="hint">
          Server says ({response.error.code}): {response.error.message}
        </p>
      </div>
    )
  }
  const { claims } = response
  return (
    <div class="outcome success" role="status">
      <p>
        <strong>Verified.</strong> This token is accepted for this project.
      </p>
      <dl>
        <dt>sub</dt>
        <dd>{claims.sub}</dd>
        <dt>email</dt>
        <dd>{claims.email ?? 'none'}</dd>
        <dt>plan</dt>
        <dd>{claims.plan ?? 'none'}</dd>
        <dt>monthly revenue</dt>
        <dd>{claims.mrrCents === null ? 'none' : formatMoney(claims.mrrCents)}</dd>
      </dl>
    </div>
  )
}
