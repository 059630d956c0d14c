import { PROJECT_TABS, type ProjectTab } from '../router'

const TAB_LABELS: Record<ProjectTab, string> = {
  install: 'Install',
  backlog: 'Backlog',
  companies: 'Companies',
  people: 'People',
  changelog: 'Changelog',
  roadmap: 'Roadmap',
  settings: 'Settings',
}

/** The id of a tab, which its panel is labelled by and focus can be put on. */
export const projectTabId = (tab: ProjectTab) => `tab-${tab}`

/** Arrow keys, Home and End move between tabs (WAI-ARIA tabs pattern, automatic activation). */
export function tabAfterKey(
  tabs: readonly ProjectTab[],
  current: ProjectTab,
  key: string,
): ProjectTab | null {
  const index = tabs.indexOf(current)
  if (key === 'ArrowRight') return tabs[(index + 1) % tabs.length] ?? null
  if (key === 'ArrowLeft') return tabs[(index - 1 + tabs.length) % tabs.length] ?? null
  if (key === 'Home') return tabs[0] ?? null
  if (key === 'End') return tabs[tabs.length - 1] ?? null
  return null
}

/**
 * A project's sections as one tab list, one Tab stop. Seven short names fit one row at 1280 px
 * and wrap, never scroll sideways, on a phone (styles/navigation.css).
 */
export function ProjectTabs({
  shown,
  panelId,
  onTab,
}: {
  shown: ProjectTab
  panelId: string
  /** `focus`: the key that chose it moves focus along, as the tabs pattern asks. */
  onTab: (tab: ProjectTab, focus: boolean) => void
}) {
  return (
    <div
      class="tabs"
      role="tablist"
      aria-label="Project sections"
      onKeyDown={(event) => {
        const next = tabAfterKey(PROJECT_TABS, shown, event.key)
        if (!next) return
        event.preventDefault()
        onTab(next, true)
      }}
    >
      {PROJECT_TABS.map((name) => (
        <button
          key={name}
          id={projectTabId(name)}
          type="button"
          role="tab"
          aria-selected={shown === name}
          aria-controls={panelId}
          tabIndex={shown === name ? 0 : -1}
          onClick={() => onTab(name, false)}
        >
          {TAB_LABELS[name]}
        </button>
      ))}
    </div>
  )
}
