import { currentRouteUrl, type SettingsSection } from '../router'
import { SETTINGS_LABELS } from './settings-sections'

/** The id of a settings page's link, so focus can be put on it from elsewhere (Install). */
export const settingsLinkId = (section: SettingsSection) => `settings-link-${section}`

/**
 * The Settings area's own navigation: real links (they open in a new tab, and a teammate can
 * be sent one), followed in place on a plain click.
 */
export function SettingsNav({
  projectId,
  sections,
  current,
  onSection,
}: {
  projectId: string
  sections: readonly SettingsSection[]
  current: SettingsSection
  onSection: (section: SettingsSection) => void
}) {
  return (
    <nav class="settings-nav" aria-label="Settings">
      <ul>
        {sections.map((section) => (
          <li key={section}>
            <a
              id={settingsLinkId(section)}
              href={currentRouteUrl({ page: 'project', projectId, tab: 'settings', section })}
              aria-current={section === current ? 'page' : undefined}
              onClick={(event) => {
                // A modified click opens another tab as the browser would; a plain one stays here.
                if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return
                event.preventDefault()
                onSection(section)
              }}
            >
              {SETTINGS_LABELS[section]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
