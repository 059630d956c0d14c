/**
 * Hash routes, so the dashboard works under /dashboard/ without server rewrites and the
 * admin token never has to appear in a URL.
 */
export type ProjectTab = 'backlog' | 'identity' | 'notifications'
export type Route = { page: 'projects' } | { page: 'project'; projectId: string; tab: ProjectTab }

export function parseRoute(hash: string): Route {
  const match = /^#\/projects\/([^/]+)(?:\/(backlog|identity|notifications))?$/.exec(hash)
  if (!match?.[1]) return { page: 'projects' }
  return {
    page: 'project',
    projectId: decodeURIComponent(match[1]),
    tab: match[2] === 'identity' || match[2] === 'notifications' ? match[2] : 'backlog',
  }
}

export function routeHash(route: Route): string {
  if (route.page === 'projects') return '#/'
  return `#/projects/${encodeURIComponent(route.projectId)}/${route.tab}`
}
