/**
 * Puts the happy-dom page on the real test server's origin, the way the dashboard is served
 * in production (same origin as the API, so relative URLs and no CORS), and talks to the
 * server's API directly for setting the scene.
 */
import { SignJWT } from 'jose'
import type { DashboardTestServer } from './server-process'

export function openDashboardOrigin(server: { url: string }): void {
  const happyDOM = (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM
  happyDOM.setURL(`${server.url}/dashboard/`)
  sessionStorage.clear()
  localStorage.clear()
}

export interface TokenOptions {
  secret: string
  audience: string
  sub: string
  email?: string
  traits?: { plan: string; amount: number; interval: 'month' | 'year' }
  iat?: number
  lifetimeSeconds?: number
}

/** What a customer's server would mint (the snippets' payload), with knobs to break it. */
export async function mintToken(options: TokenOptions): Promise<string> {
  const iat = options.iat ?? Math.floor(Date.now() / 1000)
  return new SignJWT({ email: options.email, traits: options.traits })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(options.sub)
    .setAudience(options.audience)
    .setIssuedAt(iat)
    .setExpirationTime(iat + (options.lifetimeSeconds ?? 300))
    .sign(new TextEncoder().encode(options.secret))
}
