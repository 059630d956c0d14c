/**
 * Hash routes, so the dashboard works under /dashboard/ without server rewrites and the
 * admin token never has to appear in a URL. (Invite links are the one path route:
 * /dashboard/accept?code=…, see auth/accept-invite-page.tsx.)
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
] as const
export type ProjectTab = (typeof PROJECT_TABS)[number]
export type Route =
  | { page: 'projects' }
  | { page: 'members' }
  | { page: 'account' }
  | { page: 'project'; projectId: string; tab: ProjectTab; requestId?: string }

const TEAM_PAGES = ['members', 'account'] as const

export function parseRoute(hash: string): Route {
  for (const page of TEAM_PAGES) if (hash === `#/${page}`) return { page }
  // A request opened in the backlog's drawer: a link a teammate can open.
  const opened = /^#\/projects\/([^/]+)\/requests\/([^/]+)$/.exec(hash)
  if (opened?.[1] && opened[2]) {
    return {
      page: 'project',
      projectId: decodeURIComponent(opened[1]),
      tab: 'backlog',
      requestId: decodeURIComponent(opened[2]),
    }
  }
  const match = /^#\/projects\/([^/]+)(?:\/([a-z]+))?$/.exec(hash)
  if (!match?.[1]) return { page: 'projects' }
  const tab = PROJECT_TABS.find((candidate) => candidate === match[2]) ?? 'backlog'
  return { page: 'project', projectId: decodeURIComponent(match[1]), tab }
}

export function routeHash(route: Route): string {
  if (route.page === 'projects') return '#/'
  if (route.page === 'project' && route.requestId)
    return `#/projects/${encodeURIComponent(route.projectId)}/requests/${encodeURIComponent(route.requestId)}`
  if (route.page === 'project')
    return `#/projects/${encodeURIComponent(route.projectId)}/${route.tab}`
  return `#/${route.page}`
}
