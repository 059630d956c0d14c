import type { IntegrationsOverview, TrackerKind } from './integrations-client'

/**
 * Whether "Create … issue" can work: the tracker is set up with a token and knows where issues
 * go (GitHub's repository, Linear's team), as the server asks before it calls the tracker.
 */
export function canCreateIssues(overview: IntegrationsOverview, kind: TrackerKind): boolean {
  if (kind === 'github') return Boolean(overview.github?.tokenSet && overview.github.repository)
  return Boolean(overview.linear?.tokenSet && overview.linear.teamId)
}
