import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { ServerConfig } from '../config'
import { clientAddress } from '../http/client-address'
import type { RouteDeps } from '../http/env'
import type { SqlExecutor } from '../store/db'
import type { SessionWithMember } from '../store/sessions-store'
import { hashSecretCode, newSecretCode } from './secret-codes'

export const SESSION_COOKIE = 'reqio_session'
/** A session nobody used for this long is dead (idle expiry); using it pushes the end back. */
export const SESSION_IDLE_MS = 14 * 24 * 60 * 60 * 1000
/** last_seen_at is written at most this often, not on every dashboard call. */
const TOUCH_EVERY_MS = 60 * 60 * 1000

/**
 * Secure whenever people reach us over https (REQIO_PUBLIC_URL), or this request came over it
 * (behind a trusted proxy: its X-Forwarded-Proto).
 */
export function cookieIsSecure(c: Context, config: ServerConfig): boolean {
  if (config.publicUrl?.startsWith('https:')) return true
  return clientAddress(c).scheme === 'https'
}

function writeSessionCookie(c: Context, config: ServerConfig, sessionId: string): void {
  setCookie(c, SESSION_COOKIE, sessionId, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: cookieIsSecure(c, config),
    maxAge: Math.floor(SESSION_IDLE_MS / 1000),
  })
}

export function clearSessionCookie(c: Context, config: ServerConfig): void {
  deleteCookie(c, SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: cookieIsSecure(c, config),
  })
}

/** A new random session for the member: its hash goes to the database, the id to the cookie only. */
export async function startSession(
  c: Context,
  deps: RouteDeps,
  memberId: string,
  executor?: SqlExecutor,
): Promise<void> {
  const sessionId = newSecretCode()
  await deps.store.sessions.create(
    { idHash: hashSecretCode(sessionId), memberId, now: deps.clock.now() },
    executor,
  )
  writeSessionCookie(c, deps.config, sessionId)
}

/** The live session the cookie names, with its member; refreshes idle expiry now and then. */
export async function readSession(c: Context, deps: RouteDeps): Promise<SessionWithMember | null> {
  const sessionId = getCookie(c, SESSION_COOKIE)
  if (!sessionId) return null
  const now = deps.clock.now()
  const session = await deps.store.sessions.findActive(
    hashSecretCode(sessionId),
    now - SESSION_IDLE_MS,
  )
  if (!session) return null
  if (now - session.lastSeenAt >= TOUCH_EVERY_MS) {
    await deps.store.sessions.touch(session.idHash, now)
    writeSessionCookie(c, deps.config, sessionId)
  }
  return session
}
