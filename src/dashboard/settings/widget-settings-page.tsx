import type { AdminProject } from '../../shared/api'
import type { AdminClient } from '../api/admin-client'
import type { TeamClient } from '../api/team-client'

/** What the Settings area hands the Widget page (settings/settings-area.tsx). */
export interface WidgetSettingsPageProps {
  client: AdminClient
  team: TeamClient
  project: AdminProject
  /** False below admin: the page shows the values, read only, and says why. */
  allowed: boolean
  /** The project as the server answered a save, so every page shows the new settings. */
  onSaved: (project: AdminProject) => void
}

/**
 * Settings › Widget: accent, position, launcher text and which tabs show. A placeholder while
 * the page is built (issue 26); the slot, route and props are fixed.
 */
export function WidgetSettingsPage(_props: WidgetSettingsPageProps) {
  return (
    <p class="empty">
      The widget's look (accent colour, position, launcher text, which tabs show) will be set here.
    </p>
  )
}
