import { jwtDecode } from 'jwt-decode'
import type { AnonymousIdStore } from './anonymous-id'
import type { Emitter } from './events'
import { describeError, logErrorOnce, warnOnce } from './log'
import type { ApiFailure, IdentifyOptions } from './types'
import { unfilledTokenReason } from './unfilled-token'

/** A token expiring sooner than this is renewed before use: requests take time to arrive. */
export const REFRESH_MARGIN_SECONDS = 30

export type RefreshProvider = NonNullable<IdentifyOptions['refresh']>

/** What a request may carry: a token, nothing (anonymous), or a reason not to be sent at all. */
export type Authorization = { ok: true; token?: string } | { ok: false; error: ApiFailure }

type TokenStatus = 'fresh' | 'expiring' | 'expired' | 'malformed'

// Held back, never sent anonymously: the messages say what unblocks them.
const MALFORMED_MESSAGE =
  'The token (data-identity-token or identify()) is not a JWT with exp: the board stays readable, votes and requests wait for identify() or reset().'
const EXPIRED_MESSAGE =
  'Token has expired; votes and requests wait for identify() (or its refresh).'

/**
 * Reads `sub` and `exp` without verifying anything: the server verifies; the widget only
 * needs to know when to renew a token and whose cached state to show.
 */
export function inspectToken(token: string): { status: TokenStatus; sub?: string } {
  let claims: { sub?: unknown; exp?: unknown }
  try {
    claims = jwtDecode(token)
  } catch {
    return { status: 'malformed' }
  }
  const sub = typeof claims.sub === 'string' && claims.sub ? claims.sub : undefined
  if (typeof claims.exp !== 'number') return { status: 'malformed', sub }
  const secondsLeft = claims.exp - Date.now() / 1000
  if (secondsLeft <= 0) return { status: 'expired', sub }
  return { status: secondsLeft <= REFRESH_MARGIN_SECONDS ? 'expiring' : 'fresh', sub }
}

export interface Identity {
  /** Returns whether the token changed (a repeated identify() with the same token is a no-op). */
  identify(token: unknown, refresh?: unknown): boolean
  reset(): void
  anonymousId(): string
  /** The token's `sub`, decoded but unverified; undefined when anonymous. */
  subject(): string | undefined
  /** Who is using the widget now: `user:<sub>` or `anon:<anonymous id>`. */
  key(): string
  onChange(listener: () => void): () => void
  /** What the next request may carry, renewing an expired or expiring token first. */
  authorize(): Promise<Authorization>
  /** After the server answered 401 token_expired for `rejectedToken`: renew once. */
  authorizeAfterRejection(rejectedToken: string): Promise<Authorization>
}

export function createIdentity(deps: {
  anonymousIds: AnonymousIdStore
  emit: Emitter['emit']
}): Identity {
  const changeListeners = new Set<() => void>()
  let token: string | undefined
  let refresh: RefreshProvider | undefined
  let anonymousId: string | undefined
  /** Bumped by identify() and reset(), so a refresh that finishes late cannot undo them. */
  let generation = 0
  let inflightRefresh: Promise<string | undefined> | undefined
  let lastSurfacedToken: string | undefined

  const subject = () => (token ? (inspectToken(token).sub ?? '') : undefined)
  const currentAnonymousId = () => (anonymousId ??= deps.anonymousIds.get())
  const key = () => {
    const sub = subject()
    return sub === undefined ? `anon:${currentAnonymousId()}` : `user:${sub}`
  }

  /** Runs `change`, then tells listeners when it changed who is using the widget. */
  function changeIdentity(change: () => void, alwaysNotify = false): void {
    const before = key()
    change()
    if (!alwaysNotify && key() === before) return
    for (const listener of [...changeListeners]) {
      try {
        listener()
      } catch (error) {
        logErrorOnce(`Identity listener threw: ${describeError(error)}`)
      }
    }
  }

  /** Holds the request back and says why, once per token: event, warning and failure result. */
  function holdBack(staleToken: string, status: TokenStatus): Authorization {
    const code = status === 'malformed' ? 'token_malformed' : 'token_expired'
    const message = status === 'malformed' ? MALFORMED_MESSAGE : EXPIRED_MESSAGE
    if (lastSurfacedToken !== staleToken) {
      lastSurfacedToken = staleToken
      warnOnce(message)
      if (code === 'token_expired') deps.emit('token_expired', { message })
      else deps.emit('error', { code, message })
    }
    return { ok: false, error: { code, message, status: 0 } }
  }

  /** Asks the provider for a token; resolves it once accepted as the current token. */
  async function runRefresh(provider: RefreshProvider): Promise<string | undefined> {
    const startedIn = generation
    let fresh: unknown
    try {
      fresh = await provider()
    } catch (error) {
      fresh = describeError(error)
    }
    // identify() or reset() ran meanwhile: their token (or anonymity) wins over this answer.
    if (startedIn !== generation) return undefined
    const status = typeof fresh === 'string' ? inspectToken(fresh).status : 'malformed'
    if (status === 'malformed' || status === 'expired') {
      // A thrown error arrives here as its message: one warning for every way a refresh fails.
      warnOnce(`refresh gave no valid token: ${fresh}`)
      return undefined
    }
    changeIdentity(() => {
      token = fresh as string
    })
    return fresh as string
  }

  /** Concurrent requests share one call to the provider. */
  function refreshOnce(provider: RefreshProvider): Promise<string | undefined> {
    if (!inflightRefresh) {
      const pending = runRefresh(provider).finally(() => {
        if (inflightRefresh === pending) inflightRefresh = undefined
      })
      inflightRefresh = pending
    }
    return inflightRefresh
  }

  /**
   * The token changed while a request waited: it may go with the new token of the same
   * person, never as somebody else or anonymously.
   */
  function authorizeForSamePerson(staleToken: string): Authorization {
    const staleSub = inspectToken(staleToken).sub
    if (token && staleSub !== undefined && inspectToken(token).sub === staleSub) {
      return { ok: true, token }
    }
    const message = 'User changed before sending.'
    return { ok: false, error: { code: 'identity_changed', message, status: 0 } }
  }

  /**
   * Renews `staleToken` through the provider. `serverRejected`: the server already refused it,
   * so it is not sent again even if our clock thinks it is still valid.
   */
  async function authorizeRenewing(
    staleToken: string,
    serverRejected: boolean,
  ): Promise<Authorization> {
    const fresh = refresh ? await refreshOnce(refresh) : undefined
    if (fresh) return { ok: true, token: fresh }
    if (token !== staleToken) return authorizeForSamePerson(staleToken)
    const status = inspectToken(staleToken).status
    // Close to expiry but still valid: better sent than held back.
    if (status === 'expiring' && !serverRejected) return { ok: true, token: staleToken }
    return holdBack(staleToken, status === 'malformed' ? 'malformed' : 'expired')
  }

  return {
    identify(newToken, newRefresh) {
      if (typeof newToken !== 'string' || !newToken.trim()) {
        warnOnce('identify() needs a token string; to log out, call reset().')
        return false
      }
      const unfilled = unfilledTokenReason(newToken)
      if (unfilled) {
        warnOnce(unfilled)
        return false
      }
      const { status, sub } = inspectToken(newToken)
      if (status === 'malformed') warnOnce(MALFORMED_MESSAGE)
      // Without a new provider the current one stays, but only for the same person.
      const keepProvider = newRefresh === undefined && sub !== undefined && sub === subject()
      refresh =
        typeof newRefresh === 'function'
          ? (newRefresh as RefreshProvider)
          : keepProvider
            ? refresh
            : undefined
      if (newToken === token) return false
      generation++
      inflightRefresh = undefined
      changeIdentity(() => {
        token = newToken
      })
      return true
    },
    reset() {
      generation++
      inflightRefresh = undefined
      lastSurfacedToken = undefined
      changeIdentity(() => {
        token = undefined
        refresh = undefined
        anonymousId = deps.anonymousIds.renew()
      }, true)
    },
    anonymousId: currentAnonymousId,
    subject,
    key,
    onChange(listener) {
      changeListeners.add(listener)
      return () => changeListeners.delete(listener)
    },
    async authorize() {
      if (!token) return { ok: true }
      if (inspectToken(token).status === 'fresh') return { ok: true, token }
      return authorizeRenewing(token, false)
    },
    async authorizeAfterRejection(rejectedToken) {
      // Already renewed (or dropped) meanwhile: no need to ask the provider again.
      if (token !== rejectedToken) return authorizeForSamePerson(rejectedToken)
      return authorizeRenewing(rejectedToken, true)
    },
  }
}
