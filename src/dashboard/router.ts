/**
 * Where the dashboard is. Pages are hash routes under the dashboard's root
 * (/dashboard/#/projects/{id}/install), so the admin token never has to appear in a URL and a
 * tab change never reloads. A project's settings are one tab with its own navigation:
 * #/projects/{id}/settings/{section}. The links from before that grouping
 * (#/projects/{id}/identity, /settings, /audit, /notifications) open the same page, and the
 * address bar is rewritten to the grouped form (see LEGACY_SETTINGS_TABS).
 * A request opened in the backlog's drawer has a path instead,
 * /dashboard/p/{id}/requests/{rid}: that is the link a teammate is sent, and the server answers
 * index.html for every /dashboard/* path that is not an asset. The older hash form of that link
 * (#/projects/{id}/requests/{rid}) still opens the drawer. Invite links are the other path
 * route: /dashboard/accept?code=…, see auth/accept-invite-page.tsx.
 */
export const PROJECT_TABS = [
  'install',
  'backlog',
  'companies',
  'people',
  'changelog',
  'roadmap',
  'settings',
] as const
export type ProjectTab = (typeof PROJECT_TABS)[number]

/** The pages of a project's Settings area, in the order its navigation lists them. */
export const SETTINGS_SECTIONS = [
  'identity',
  'project',
  'widget',
  'portal',
  'tags',
  'notifications',
  'integrations',
  'api-keys',
  'revenue',
  'audit',
] as const
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number]

export type Route =
  | { page: 'projects' }
  | { page: 'members' }
  | { page: 'account' }
  | {
      page: 'project'
      projectId: string
      tab: ProjectTab
      /** Which settings page, when `tab` is 'settings'. */
      section?: SettingsSection
      requestId?: string
    }

/** Where a project opens when no tab is named: Install, with its first-hour checklist. */
export const PROJECT_HOME: ProjectTab = 'install'

/**
 * The settings page `#/projects/{id}/settings` opens: before the grouping that link was the
 * project's own settings, and Project is the one page every role may read.
 */
export const SETTINGS_HOME: SettingsSection = 'project'

/** The tabs that became settings pages, and the page each one is now. */
const LEGACY_SETTINGS_TABS: Record<string, SettingsSection> = {
  identity: 'identity',
  settings: 'project',
  audit: 'audit',
  notifications: 'notifications',
}

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

function settingsRoute(projectId: string, section: SettingsSection): Route {
  return { page: 'project', projectId, tab: 'settings', section }
}

/** The route of a hash alone (`#/projects/{id}/backlog`). */
export function parseRoute(hash: string): Route {
  for (const page of TEAM_PAGES) if (hash === `#/${page}`) return { page }
  const opened = /^#\/projects\/([^/]+)\/requests\/([^/]+)$/.exec(hash)
  if (opened?.[1] && opened[2]) return requestRoute(opened[1], opened[2])
  const inSettings = /^#\/projects\/([^/]+)\/settings\/([a-z-]+)$/.exec(hash)
  if (inSettings?.[1]) {
    const section = SETTINGS_SECTIONS.find((candidate) => candidate === inSettings[2])
    return settingsRoute(decodeURIComponent(inSettings[1]), section ?? SETTINGS_HOME)
  }
  const match = /^#\/projects\/([^/]+)(?:\/([a-z]+))?$/.exec(hash)
  if (!match?.[1]) return { page: 'projects' }
  const projectId = decodeURIComponent(match[1])
  const legacy = match[2] ? LEGACY_SETTINGS_TABS[match[2]] : undefined
  if (legacy) return settingsRoute(projectId, legacy)
  const tab = PROJECT_TABS.find((candidate) => candidate === match[2]) ?? PROJECT_HOME
  return { page: 'project', projectId, tab }
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
  if (route.page !== 'project') return `#/${route.page}`
  const project = `#/projects/${encodeURIComponent(route.projectId)}`
  if (route.tab === 'settings') return `${project}/settings/${route.section ?? SETTINGS_HOME}`
  return `${project}/${route.tab}`
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
