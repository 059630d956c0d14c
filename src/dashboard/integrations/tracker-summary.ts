import type { IntegrationsOverview } from './integrations-client'

/** Whether a tracker's set-up holds a token (false: issues can be linked, not created). */
export function hasToken(
  summary: IntegrationsOverview['github'] | IntegrationsOverview['linear'],
): boolean {
  return summary?.tokenSet === true
}
