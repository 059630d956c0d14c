import { useEffect, useRef, useState } from 'preact/hooks'
import type { AdminProject } from '../../shared/api'
import type { Permission } from '../../shared/roles'
import type { AdminClient } from '../api/admin-client'
import type { TeamClient } from '../api/team-client'
import { WhyNot } from '../auth/why-not'
import { BacklogPage } from '../backlog/backlog-page'
import { ChangelogPage } from '../changelog/changelog-page'
import { RoadmapPreview } from '../changelog/roadmap-preview'
import { CompaniesPage } from '../companies/companies-page'
import { IdentitySettings } from '../identity/identity-settings'
import { InstallPage } from '../install/install-page'
import { NotificationsPage } from '../notifications/notifications-page'
import { PROJECT_HOME, type ProjectTab } from '../router'
import { WidgetSettingsPage } from '../settings/widget-settings-page'
import { AuditPage } from './audit-page'
import { SettingsPage } from './settings-page'

const TAB_LABELS: Record<ProjectTab, string> = {
  install: 'Install',
  backlog: 'Backlog',
  companies: 'Companies',
  changelog: 'Changelog',
  roadmap: 'Roadmap',
  identity: 'Settings › Identity',
  settings: 'Settings › Project',
  widget: 'Settings › Widget',
  audit: 'Audit log',
  notifications: 'Webhooks & mail',
}

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

/** One project: its tabs, Install first (the project's home), each in one tab panel. */
export function ProjectPage({
  client,
  team,
  can = () => true,
  projectId,
  tab,
  requestId,
  initialSecret,
  secretWaiting = false,
  widgetUrl,
  onTab,
  onBack,
}: {
  client: AdminClient
  team: TeamClient
  /** What the signed-in role may do; hidden controls explain why (server enforces it anyway). */
  can?: (permission: Permission) => boolean
  projectId: string
  tab: ProjectTab
  /** The request open in the backlog's drawer (#/projects/{id}/requests/{rid}). */
  requestId?: string
  initialSecret?: string
  /** The project was just created: its once-shown secret waits in Settings › Identity. */
  secretWaiting?: boolean
  widgetUrl: string
  onTab: (tab: ProjectTab) => void
  onBack: () => void
}) {
  const [project, setProject] = useState<AdminProject | null>(null)
  const [error, setError] = useState<string | null>(null)
  const title = useRef<HTMLHeadingElement>(null)

  useEffect(() => {
    client.listProjects().then((result) => {
      if (!result.ok) return setError(`The project could not be loaded: ${result.message}`)
      const found = result.data.projects.find((candidate) => candidate.id === projectId)
      if (found) setProject(found)
      else setError(`There is no project "${projectId}".`)
    })
  }, [client, projectId])

  // A project just opened (created, picked, linked): a keyboard starts at its name, not at
  // the top of the document where the button that opened it used to be.
  const loaded = project !== null
  useEffect(() => {
    if (loaded) title.current?.focus()
  }, [loaded])

  /** A tab chosen from outside the tab list: focus follows to it, as with the arrow keys. */
  function showTab(next: ProjectTab) {
    onTab(next)
    setTimeout(() => document.getElementById(`tab-${next}`)?.focus())
  }

  if (error)
    return (
      <main>
        <p role="alert">{error}</p>
        <button type="button" onClick={onBack}>
          All projects
        </button>
      </main>
    )
  if (!project) return <main>Loading…</main>
  // Identity holds the signing secret, and webhook URLs are secrets too: only roles that may
  // configure see them (the server refuses the reads to anyone else).
  const visibleTabs = (Object.keys(TAB_LABELS) as ProjectTab[]).filter(
    (name) => (name !== 'identity' && name !== 'notifications') || can('configure'),
  )
  const shownTab = visibleTabs.includes(tab) ? tab : PROJECT_HOME
  return (
    <main class="project">
      <nav class="breadcrumbs">
        <button type="button" class="link" onClick={onBack}>
          Projects
        </button>{' '}
        / <span aria-current="page">{project.name}</span>
      </nav>
      <h1 class="project-title" ref={title} tabIndex={-1}>
        {project.name}
      </h1>
      <div
        class="tabs"
        role="tablist"
        aria-label="Project sections"
        onKeyDown={(event) => {
          const next = tabAfterKey(visibleTabs, shownTab, event.key)
          if (!next) return
          event.preventDefault()
          showTab(next)
        }}
      >
        {visibleTabs.map((name) => (
          <button
            key={name}
            id={`tab-${name}`}
            type="button"
            role="tab"
            aria-selected={shownTab === name}
            aria-controls="project-tabpanel"
            tabIndex={shownTab === name ? 0 : -1}
            onClick={() => onTab(name)}
          >
            {TAB_LABELS[name]}
          </button>
        ))}
      </div>
      {can('configure') ? null : (
        <WhyNot
          permission="configure"
          doing="see the identity settings, webhooks and mail, or rotate the secret"
        />
      )}
      <div role="tabpanel" id="project-tabpanel" aria-labelledby={`tab-${shownTab}`}>
        {shownTab === 'install' ? (
          <InstallPage
            client={client}
            project={project}
            widgetUrl={widgetUrl}
            secretWaiting={secretWaiting}
            onIdentity={() => showTab(can('configure') ? 'identity' : 'install')}
          />
        ) : null}
        {shownTab === 'backlog' ? (
          <BacklogPage
            client={client}
            projectId={project.id}
            openRequestId={requestId}
            canTriage={can('triage')}
          />
        ) : null}
        {shownTab === 'companies' ? <CompaniesPage client={client} projectId={project.id} /> : null}
        {shownTab === 'changelog' ? <ChangelogPage client={client} projectId={project.id} /> : null}
        {shownTab === 'roadmap' ? <RoadmapPreview client={client} projectId={project.id} /> : null}
        {shownTab === 'notifications' ? (
          <NotificationsPage client={client} projectId={project.id} />
        ) : null}
        {shownTab === 'identity' ? (
          <IdentitySettings
            client={client}
            project={project}
            initialSecret={initialSecret}
            widgetUrl={widgetUrl}
          />
        ) : null}
        {shownTab === 'settings' ? (
          <SettingsPage
            team={team}
            project={project}
            allowed={can('configure')}
            onSaved={setProject}
          />
        ) : null}
        {shownTab === 'audit' ? <AuditPage team={team} projectId={project.id} /> : null}
        {shownTab === 'widget' ? (
          <section aria-labelledby="widget-settings-heading">
            <h2 id="widget-settings-heading">Widget</h2>
            <WidgetSettingsPage
              client={client}
              team={team}
              project={project}
              allowed={can('configure')}
              onSaved={setProject}
            />
          </section>
        ) : null}
      </div>
    </main>
  )
}
