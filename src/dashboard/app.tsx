import { useEffect, useMemo, useRef, useState } from 'preact/hooks'
import type { CreatedProjectResponse } from '../shared/api'
import type { TeamMemberInfo } from '../shared/team-api'
import { createAdminClient } from './api/admin-client'
import { createAuthClient, createTeamClient } from './api/team-client'
import { AcceptInvitePage, inviteCodeFromLocation } from './auth/accept-invite-page'
import { AccountPage } from './auth/account-page'
import {
  type AuthState,
  allows,
  type DashboardSession,
  discoverAuth,
} from './auth/dashboard-session'
import { PasswordResetPage, resetCodeFromLocation } from './auth/password-reset-page'
import { SetupPage } from './auth/setup-page'
import { SignInPage } from './auth/sign-in-page'
import { confirmLeave } from './leave-guard'
import { MembersPage } from './pages/members-page'
import { ProjectPage } from './pages/project-page'
import { ProjectsPage } from './pages/projects-page'
import { currentRouteUrl, dashboardRoot, PROJECT_HOME, parseLocation, type Route } from './router'
import { forgetAdminToken, storeAdminToken } from './session'
import { TopBar } from './ui/top-bar'

export interface AppProps {
  /** Origin of the API; empty when the dashboard is served by the Reqio server itself. */
  apiBase?: string
  /** Where customers load the widget from; defaults to this server's /widget.js. */
  widgetUrl?: string
}

export function App({ apiBase = '', widgetUrl }: AppProps) {
  const auth = useMemo(() => createAuthClient(apiBase), [apiBase])
  const [authState, setAuthState] = useState<AuthState>({ kind: 'loading' })
  const [inviteCode, setInviteCode] = useState<string | null>(inviteCodeFromLocation)
  const [resetCode, setResetCode] = useState<string | null>(resetCodeFromLocation)
  const [route, setRoute] = useState<Route>(() => parseLocation(location))
  const routeRef = useRef(route)
  routeRef.current = route
  /** The URL of the page on screen, to put back when the owner chooses to stay. */
  const shownUrl = useRef(addressBar())
  // A just-created project's secret: it waits for that project's Identity page, is shown there
  // once, and is dropped when the owner leaves that page or the project.
  const [createdSecret, setCreatedSecret] = useState<{ projectId: string; secret: string } | null>(
    null,
  )

  /** Puts `next` on screen; the URL is already the one that shows it. */
  function show(next: Route) {
    const from = routeRef.current
    const shownOnIdentity =
      from.page === 'project' && from.tab === 'settings' && from.section === 'identity'
    setCreatedSecret((held) =>
      held && !shownOnIdentity && next.page === 'project' && next.projectId === held.projectId
        ? held
        : null,
    )
    setRoute(next)
  }

  /**
   * The address bar says what is shown: the older hash form of a request's link becomes the
   * path a teammate is sent, a hash typed over a request's path drops that path, and a link
   * to a settings page from before the Settings area (#/projects/{id}/identity) becomes its
   * grouped form (#/projects/{id}/settings/identity).
   */
  function canonicalise(shown: Route) {
    const opened = shown.page === 'project' && (shown.requestId || shown.tab === 'settings')
    const belowRoot = location.pathname.length > dashboardRoot(location.pathname).length
    if (!opened && !belowRoot) return
    const url = currentRouteUrl(shown)
    if (url !== addressBar()) history.replaceState(null, '', url)
  }

  useEffect(() => {
    // An invite or reset link keeps its ?code= until it is used.
    if (!inviteCode && !resetCode) canonicalise(route)
    shownUrl.current = addressBar()
  }, [])

  useEffect(() => {
    void discoverAuth(auth).then(setAuthState)
  }, [auth])

  useEffect(() => {
    const onAddressChange = () => {
      // A typed hash fires popstate and then hashchange: the second finds the URL shown already.
      if (addressBar() === shownUrl.current) return
      // Back, forward or a typed URL: the once-shown secret asks first; staying puts the URL back.
      if (!confirmLeave()) {
        history.replaceState(null, '', shownUrl.current)
        return
      }
      const next = parseLocation(location)
      canonicalise(next)
      shownUrl.current = addressBar()
      show(next)
    }
    addEventListener('popstate', onAddressChange)
    addEventListener('hashchange', onAddressChange)
    return () => {
      removeEventListener('popstate', onAddressChange)
      removeEventListener('hashchange', onAddressChange)
    }
  }, [])

  const session = authState.kind === 'signed-in' ? authState.session : null
  const token = session?.via === 'token' ? session.token : null
  const client = useMemo(
    () => (session ? createAdminClient(token, apiBase) : null),
    [session, token, apiBase],
  )
  const team = useMemo(() => createTeamClient(token, apiBase), [token, apiBase])

  function navigate(next: Route) {
    if (!confirmLeave()) return
    history.pushState(null, '', currentRouteUrl(next))
    shownUrl.current = addressBar()
    show(next)
  }

  function signedIn(next: DashboardSession) {
    setAuthState({ kind: 'signed-in', session: next })
  }

  function withMember(member: TeamMemberInfo) {
    signedIn({ via: 'cookie', member })
  }

  function acceptedInvite(member: TeamMemberInfo) {
    // Drop the code from the address bar and history: it is spent.
    history.replaceState(null, '', `${dashboardRoot(location.pathname)}#/`)
    setInviteCode(null)
    setRoute({ page: 'projects' })
    withMember(member)
  }

  async function signOut() {
    if (session?.via === 'token') forgetAdminToken()
    else await auth.logOut()
    setAuthState({ kind: 'signed-out' })
  }

  /** A new project opens on Install: the anonymous tag first; its secret waits in Identity. */
  function onCreated(created: CreatedProjectResponse) {
    navigate({ page: 'project', projectId: created.project.id, tab: PROJECT_HOME })
    setCreatedSecret({ projectId: created.project.id, secret: created.secret })
  }

  if (inviteCode)
    return <AcceptInvitePage auth={auth} code={inviteCode} onAccepted={acceptedInvite} />
  if (resetCode)
    return (
      <PasswordResetPage
        auth={auth}
        apiBase={apiBase}
        code={resetCode}
        onDone={(member) => {
          setResetCode(null)
          acceptedInvite(member)
        }}
      />
    )
  if (authState.kind === 'loading') return <main class="sign-in">Loading…</main>
  if (authState.kind === 'setup') return <SetupPage auth={auth} onCreated={withMember} />
  if (!session || !client)
    return (
      <SignInPage
        auth={auth}
        apiBase={apiBase}
        onSignedIn={withMember}
        onAdminToken={(adminToken) => {
          storeAdminToken(adminToken)
          signedIn({ via: 'token', token: adminToken })
        }}
      />
    )

  const can = (permission: Parameters<typeof allows>[1]) => allows(session, permission)
  const resolvedWidgetUrl = widgetUrl ?? `${apiBase || location.origin}/widget.js`
  return (
    <div class="app">
      <TopBar
        session={session}
        canManageMembers={can('manage_members')}
        onNavigate={navigate}
        onSignOut={signOut}
      />
      {route.page === 'projects' ? (
        <ProjectsPage
          client={client}
          canCreate={can('configure')}
          onOpen={(projectId) => navigate({ page: 'project', projectId, tab: PROJECT_HOME })}
          onCreated={onCreated}
        />
      ) : null}
      {route.page === 'members' ? (
        <MembersPage
          team={team}
          allowed={can('manage_members')}
          selfId={session.via === 'cookie' ? session.member.id : null}
        />
      ) : null}
      {route.page === 'account' ? (
        session.via === 'cookie' ? (
          <AccountPage
            auth={auth}
            apiBase={apiBase}
            member={session.member}
            onSignedOut={() => setAuthState({ kind: 'signed-out' })}
          />
        ) : (
          <main>
            <p>The admin token has no account: sign in with email and password for one.</p>
          </main>
        )
      ) : null}
      {route.page === 'project' ? (
        <ProjectPage
          key={route.projectId}
          client={client}
          team={team}
          can={can}
          projectId={route.projectId}
          tab={route.tab}
          section={route.section}
          requestId={route.requestId}
          initialSecret={
            createdSecret?.projectId === route.projectId ? createdSecret.secret : undefined
          }
          secretWaiting={createdSecret?.projectId === route.projectId}
          widgetUrl={resolvedWidgetUrl}
          onOpen={(tab, section) =>
            navigate({ page: 'project', projectId: route.projectId, tab, section })
          }
          onBack={() => navigate({ page: 'projects' })}
        />
      ) : null}
    </div>
  )
}

/** The address bar as the router reads it: path and hash. */
function addressBar(): string {
  return location.pathname + location.hash
}
