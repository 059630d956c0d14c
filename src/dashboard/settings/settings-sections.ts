import type { Permission } from '../../shared/roles'
import { SETTINGS_SECTIONS, type SettingsSection } from '../router'

/** What each settings page is called, in the navigation and as its heading. */
export const SETTINGS_LABELS: Record<SettingsSection, string> = {
  identity: 'Identity',
  project: 'Project',
  widget: 'Widget',
  portal: 'Portal',
  tags: 'Tags',
  notifications: 'Webhooks & mail',
  integrations: 'Integrations',
  'api-keys': 'API keys',
  revenue: 'Revenue',
  audit: 'Audit log',
}

/**
 * The permission a page needs to be listed at all. Identity holds the signing secret, and
 * webhook URLs are secrets too: the server refuses their reads below admin, so they are not
 * offered. The other pages read for everyone and say why their controls are disabled.
 */
const NEEDS: Partial<Record<SettingsSection, Permission>> = {
  identity: 'configure',
  notifications: 'configure',
  integrations: 'configure',
  'api-keys': 'configure',
  // The Stripe signing secret, and settings-level facts (GET .../stripe needs configure).
  revenue: 'configure',
}

/** The settings pages this role is offered, in navigation order. */
export function visibleSettingsSections(
  can: (permission: Permission) => boolean,
): SettingsSection[] {
  return SETTINGS_SECTIONS.filter((section) => {
    const needed = NEEDS[section]
    return needed === undefined || can(needed)
  })
}
