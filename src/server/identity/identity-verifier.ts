import { audienceFor } from '../../shared/identity'
import type { Clock } from '../clock'
import type { ProjectRecord } from '../store'
import { TokenCache } from './token-cache'
import { CLOCK_LEEWAY_SECONDS, type VerifiedToken, verifyIdentityToken } from './verify-token'

export interface VerifierOptions {
  clock: Clock
  audienceBase: string
  /** Verified tokens remembered per process. */
  cacheSize?: number
}

export interface Verification extends VerifiedToken {
  /** Came from the cache: the token was already verified (and its person recorded). */
  cached: boolean
}

/**
 * Verifies identity tokens for projects, remembering successes. The cache key includes the
 * project's secret generation, so a rotation (which bumps it) makes every cached token miss.
 */
export class IdentityVerifier {
  private readonly cache: TokenCache<VerifiedToken>
  private readonly keys = new Map<string, Promise<CryptoKey>>()

  constructor(private readonly options: VerifierOptions) {
    this.cache = new TokenCache(options.cacheSize ?? 10_000)
  }

  audienceOf(projectId: string): string {
    return audienceFor(projectId, this.options.audienceBase)
  }

  async verify(project: ProjectRecord, token: string): Promise<Verification> {
    const nowMs = this.options.clock.now()
    const cacheKey = `${project.id}\u0000${project.secretGeneration}\u0000${token}`
    const hit = this.cache.get(cacheKey, nowMs)
    if (hit) return { ...hit, cached: true }

    const previousValidUntil = project.previousValidUntil
    const verified = await verifyIdentityToken(
      token,
      {
        current: await this.keyFor(project.secret),
        previous:
          project.previousSecret && previousValidUntil !== null
            ? { key: await this.keyFor(project.previousSecret), validUntilMs: previousValidUntil }
            : undefined,
      },
      { audience: this.audienceOf(project.id), nowMs },
    )
    const expiresMs = (verified.exp + CLOCK_LEEWAY_SECONDS) * 1000
    this.cache.set(
      cacheKey,
      verified,
      Math.min(expiresMs, verified.previousValidUntilMs ?? expiresMs),
    )
    return { ...verified, cached: false }
  }

  /** Called on rotation; the generation in the key already guarantees misses, this frees memory. */
  forgetProject(projectId: string): void {
    this.cache.deleteByPrefix(`${projectId}\u0000`)
    this.keys.clear()
  }

  /** Importing the HMAC key once per secret saves a third of a fresh verification. */
  private keyFor(secret: string): Promise<CryptoKey> {
    let key = this.keys.get(secret)
    if (!key) {
      if (this.keys.size >= 1000) this.keys.clear()
      key = crypto.subtle.importKey(
        'raw',
        new TextEncoder().encode(secret),
        { name: 'HMAC', hash: 'SHA-256' },
        false,
        ['verify'],
      )
      this.keys.set(secret, key)
    }
    return key
  }
}
