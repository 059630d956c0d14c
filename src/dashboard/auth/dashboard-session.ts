import { type Permission, roleMay } from '../../shared/roles'
import type { TeamMemberInfo } from '../../shared/team-api'
import type { AuthClient } from '../api/team-client'
import { readAdminToken } from '../session'

/** Who is using the dashboard: a signed-in member (cookie), or the admin token (this tab only). */
export type DashboardSession =
  | { via: 'cookie'; member: TeamMemberInfo }
  | { via: 'token'; token: string }

export type AuthState =
  | { kind: 'loading' }
  | { kind: 'setup' }
  | { kind: 'signed-out' }
  | { kind: 'signed-in'; session: DashboardSession }

/** At start: a token kept in this tab, else the cookie's session, else setup or the sign-in form. */
export async function discoverAuth(auth: AuthClient): Promise<AuthState> {
  const token = readAdminToken()
  if (token) return { kind: 'signed-in', session: { via: 'token', token } }
  const status = await auth.session()
  if (!status.ok) return { kind: 'signed-out' }
  const { member, setupNeeded } = status.data
  if (member) return { kind: 'signed-in', session: { via: 'cookie', member } }
  return setupNeeded ? { kind: 'setup' } : { kind: 'signed-out' }
}

/** What the UI shows; the server decides (the admin token may do everything). */
export function allows(session: DashboardSession, permission: Permission): boolean {
  return session.via === 'token' || roleMay(session.member.role, permission)
}
