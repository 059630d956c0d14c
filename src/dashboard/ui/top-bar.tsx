import type { DashboardSession } from '../auth/dashboard-session'
import type { Route } from '../router'

/**
 * The bar on every signed-in page: where to go across projects, who is signed in, Sign out.
 * It wraps onto a second row on a phone rather than pushing the page sideways.
 */
export function TopBar({
  session,
  canManageMembers,
  onNavigate,
  onSignOut,
}: {
  session: DashboardSession
  canManageMembers: boolean
  onNavigate: (route: Route) => void
  onSignOut: () => void
}) {
  return (
    <header class="topbar">
      <strong class="brand">Reqio</strong>
      <nav class="topnav" aria-label="Dashboard">
        <button type="button" class="link" onClick={() => onNavigate({ page: 'projects' })}>
          Projects
        </button>
        {canManageMembers ? (
          <button type="button" class="link" onClick={() => onNavigate({ page: 'members' })}>
            Members
          </button>
        ) : null}
        {session.via === 'cookie' ? (
          <button type="button" class="link" onClick={() => onNavigate({ page: 'account' })}>
            {session.member.name} ({session.member.role})
          </button>
        ) : (
          <span class="hint">Signed in with the admin token</span>
        )}
      </nav>
      <button type="button" onClick={onSignOut}>
        Sign out
      </button>
    </header>
  )
}
