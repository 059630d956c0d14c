/**
 * Where the dashboard is. Pages are hash routes under the dashboard's root
 * (/dashboard/#/projects/{id}/install), so the admin token never has to appear in a URL and a
 * tab change never reloads. A request opened in the backlog's drawer has a path instead,
 * /dashboard/p/{id}/requests/{rid}: that is the link a teammate is sent, and the server answers
 * index.html for every /dashboard/* path that is not an asset. The older hash form of that link
 * (#/projects/{id}/requests/{rid}) still opens the drawer. Invite links are the other path
 * route: /dashboard/accept?code=…, see auth/accept-invite-page.tsx.
 */
export const PROJECT_TABS = [
  'install',
  'backlog',
  'companies',
  'changelog',
  'roadmap',
  'identity',
  'settings',
  'audit',
  'notifications',
  'widget',
] as const
export type ProjectTab = (typeof PROJECT_TABS)[number]
export type Route =
  | { page: 'projects' }
  | { page: 'members' }
  | { page: 'account' }
  | { page: 'project'; projectId: string; tab: ProjectTab; requestId?: string }

/** Where a project opens when no tab is named: Install, with its first-hour checklist. */
export const PROJECT_HOME: ProjectTab = 'install'

const TEAM_PAGES = ['members', 'account'] as const

/**
 * The dashboard's root path, ending in a slash. The build serves it under /dashboard/ (vite
 * `base`), so the root is everything up to that segment, whatever path is open below it.
 */
export function dashboardRoot(pathname: string): string {
  const match = /^(.*?\/dashboard)(?:\/|$)/.exec(pathname)
  return match ? `${match[1]}/` : '/'
}

function requestRoute(projectId: string, requestId: string): Route {
  return {
    page: 'project',
    projectId: decodeURIComponent(projectId),
    tab: 'backlog',
    requestId: decodeURIComponent(requestId),
  }
}

/** The route of a hash alone (`#/projects/{id}/backlog`). */
export function parseRoute(hash: string): Route {
  for (const page of TEAM_PAGES) if (hash === `#/${page}`) return { page }
  const opened = /^#\/projects\/([^/]+)\/requests\/([^/]+)$/.exec(hash)
  if (opened?.[1] && opened[2]) return requestRoute(opened[1], opened[2])
  // Settings › Widget already has the address the grouped Settings area gives it.
  const match = /^#\/projects\/([^/]+)(?:\/(?:settings\/(?=widget$))?([a-z]+))?$/.exec(hash)
  if (!match?.[1]) return { page: 'projects' }
  const tab = PROJECT_TABS.find((candidate) => candidate === match[2]) ?? PROJECT_HOME
  return { page: 'project', projectId: decodeURIComponent(match[1]), tab }
}

/**
 * The route of the address bar: the hash when there is one (a hash typed over a request's
 * path is the newer intent), else a request's path, else the project list.
 */
export function parseLocation(where: { pathname: string; hash: string }): Route {
  try {
    if (where.hash.length > 1) return parseRoute(where.hash)
    const below = where.pathname.slice(dashboardRoot(where.pathname).length)
    const opened = /^p\/([^/]+)\/requests\/([^/]+)\/?$/.exec(below)
    if (opened?.[1] && opened[2]) return requestRoute(opened[1], opened[2])
    return { page: 'projects' }
  } catch {
    // Not valid percent-encoding (a hand-typed URL): the project list, not a blank page.
    return { page: 'projects' }
  }
}

function routeHash(route: Route): string {
  if (route.page === 'projects') return '#/'
  if (route.page === 'project') {
    const tab = route.tab === 'widget' ? 'settings/widget' : route.tab
    return `#/projects/${encodeURIComponent(route.projectId)}/${tab}`
  }
  return `#/${route.page}`
}

/** The URL (path and hash) that shows `route`, under the dashboard's root. */
export function routeUrl(route: Route, root: string): string {
  if (route.page === 'project' && route.requestId)
    return `${root}p/${encodeURIComponent(route.projectId)}/requests/${encodeURIComponent(route.requestId)}`
  return `${root}${routeHash(route)}`
}

/** The URL of `route` in this window's dashboard. */
export function currentRouteUrl(route: Route): string {
  return routeUrl(route, dashboardRoot(location.pathname))
}

/** The absolute link to a request in the drawer, as a teammate is sent it. */
export function requestLink(projectId: string, requestId: string): string {
  const route: Route = { page: 'project', projectId, tab: 'backlog', requestId }
  return `${location.origin}${currentRouteUrl(route)}`
}
