import { useEffect, useMemo, useState } from 'preact/hooks'
import type { CreatedProjectResponse } from '../shared/api'
import { createAdminClient } from './api/admin-client'
import { ProjectPage } from './pages/project-page'
import { ProjectsPage } from './pages/projects-page'
import { SignInPage } from './pages/sign-in-page'
import { parseRoute, type Route, routeHash } from './router'
import { forgetAdminToken, readAdminToken, storeAdminToken } from './session'

export interface AppProps {
  /** Origin of the API; empty when the dashboard is served by the Reqio server itself. */
  apiBase?: string
  /** Where customers load the widget from; defaults to this server's /widget.js. */
  widgetUrl?: string
}

export function App({ apiBase = '', widgetUrl }: AppProps) {
  const [adminToken, setAdminToken] = useState<string | null>(readAdminToken)
  const [route, setRoute] = useState<Route>(() => parseRoute(location.hash))
  // A just-created project's secret, handed to its Identity page once and then dropped.
  const [createdSecret, setCreatedSecret] = useState<{ projectId: string; secret: string } | null>(
    null,
  )
  const client = useMemo(
    () => (adminToken ? createAdminClient(adminToken, apiBase) : null),
    [adminToken, apiBase],
  )

  useEffect(() => {
    const onHashChange = () => setRoute(parseRoute(location.hash))
    addEventListener('hashchange', onHashChange)
    return () => removeEventListener('hashchange', onHashChange)
  }, [])

  function navigate(next: Route) {
    // Any navigation ends the one showing of a created project's secret.
    setCreatedSecret(null)
    history.pushState(null, '', routeHash(next))
    setRoute(next)
  }

  function signIn(token: string) {
    storeAdminToken(token)
    setAdminToken(token)
  }

  function signOut() {
    forgetAdminToken()
    setAdminToken(null)
  }

  function onCreated(created: CreatedProjectResponse) {
    setCreatedSecret({ projectId: created.project.id, secret: created.secret })
    history.pushState(
      null,
      '',
      routeHash({ page: 'project', projectId: created.project.id, tab: 'identity' }),
    )
    setRoute({ page: 'project', projectId: created.project.id, tab: 'identity' })
  }

  if (!client) return <SignInPage apiBase={apiBase} onSignedIn={signIn} />
  const resolvedWidgetUrl = widgetUrl ?? `${apiBase || location.origin}/widget.js`
  return (
    <div class="app">
      <header class="topbar">
        <strong class="brand">Reqio</strong>
        <button type="button" onClick={signOut}>
          Sign out
        </button>
      </header>
      {route.page === 'projects' ? (
        <ProjectsPage
          client={client}
          onOpen={(projectId) => navigate({ page: 'project', projectId, tab: 'backlog' })}
          onCreated={onCreated}
        />
      ) : (
        <ProjectPage
          key={route.projectId}
          client={client}
          projectId={route.projectId}
          tab={route.tab}
          initialSecret={
            createdSecret?.projectId === route.projectId ? createdSecret.secret : undefined
          }
          widgetUrl={resolvedWidgetUrl}
          onTab={(tab) => navigate({ page: 'project', projectId: route.projectId, tab })}
          onBack={() => navigate({ page: 'projects' })}
        />
      )}
    </div>
  )
}
