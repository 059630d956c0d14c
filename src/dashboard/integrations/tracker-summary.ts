import type { IntegrationsOverview } from './integrations-client'

/**
 * Whether a tracker's set-up holds a token (false: issues can be linked, not created), or
 * undefined when the overview does not say.
 */
export function hasToken(
  summary: IntegrationsOverview['github'] | IntegrationsOverview['linear'],
): boolean | undefined {
  if (!summary) return undefined
  const said = summary.hasToken ?? summary.tokenSet
  return typeof said === 'boolean' ? said : undefined
}
