// Identity token verifications per second: fresh tokens through jose (raw secret and
// pre-imported key), and repeated tokens through the server's cache.
import { jwtVerify } from 'jose'
import { systemClock } from '../../src/server/clock'
import { IdentityVerifier } from '../../src/server/identity/identity-verifier'
import type { ProjectRecord } from '../../src/server/store'
import { DEFAULT_PROJECT_SETTINGS } from '../../src/shared/api'
import { audienceFor } from '../../src/shared/identity'
import { mintToken } from '../helpers/tokens'

const FRESH_TOKENS = 20_000
const CACHED_VERIFICATIONS = 1_000_000

const project: ProjectRecord = {
  id: 'bench',
  name: 'Bench',
  createdAt: new Date().toISOString(),
  secret: 'bench-secret-0123456789abcdefghijklmnopqrstuv',
  secretGeneration: 1,
  previousSecret: null,
  previousValidUntil: null,
  settings: DEFAULT_PROJECT_SETTINGS,
}

function perSecond(count: number, startedNs: bigint): number {
  return Math.round(count / (Number(process.hrtime.bigint() - startedNs) / 1e9))
}

export async function benchServerTokens(): Promise<void> {
  const aud = audienceFor(project.id)
  const tokens = await Promise.all(
    Array.from({ length: FRESH_TOKENS }, (_, i) =>
      mintToken(project.secret, {
        sub: `user-${i}`,
        aud,
        traits: { plan: 'pro', amount: 4900, interval: 'month' },
      }),
    ),
  )

  const rawKey = new TextEncoder().encode(project.secret)
  let started = process.hrtime.bigint()
  for (const token of tokens)
    await jwtVerify(token, rawKey, { algorithms: ['HS256'], audience: aud })
  const joseRaw = perSecond(tokens.length, started)

  // Our verifier: pre-imported CryptoKey plus our claim checks; every token is new to it.
  const verifier = new IdentityVerifier({
    clock: systemClock,
    audienceBase: 'https://reqio.app',
    cacheSize: FRESH_TOKENS,
  })
  await verifier.verify(project, tokens[0] as string)
  started = process.hrtime.bigint()
  for (const token of tokens.slice(1)) await verifier.verify(project, token)
  const fresh = perSecond(tokens.length - 1, started)

  const repeated = tokens.slice(0, 1000)
  started = process.hrtime.bigint()
  for (let i = 0; i < CACHED_VERIFICATIONS; i++)
    await verifier.verify(project, repeated[i % repeated.length] as string)
  const cached = perSecond(CACHED_VERIFICATIONS, started)

  console.log('\n## identity token verification (one core)')
  console.table([
    { path: 'jose jwtVerify, raw secret bytes', perSecond: joseRaw },
    { path: 'server verifier, fresh tokens (pre-imported key + claim checks)', perSecond: fresh },
    { path: 'server verifier, repeated tokens (cache)', perSecond: cached },
  ])
}
