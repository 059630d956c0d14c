/**
 * Where team email points: into the dashboard (served under /dashboard/ of the public URL),
 * not the public portal, since a member acts on the request there.
 */
const base = (publicUrl: string) => `${publicUrl.replace(/\/+$/, '')}/dashboard/`

/** The request open in the backlog's drawer (the link the dashboard's router reads: router.ts). */
export function dashboardRequestUrl(publicUrl: string, projectId: string, requestId: string) {
  return `${base(publicUrl)}p/${encodeURIComponent(projectId)}/requests/${encodeURIComponent(requestId)}`
}

/** The Account page, where a member chooses what they are emailed about. */
export function dashboardAccountUrl(publicUrl: string) {
  return `${base(publicUrl)}#/account`
}
