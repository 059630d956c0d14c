import { useEffect, useState } from 'preact/hooks'
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
import { NotificationsPage } from '../notifications/notifications-page'
import type { ProjectTab } from '../router'
import { AuditPage } from './audit-page'
import { SettingsPage } from './settings-page'

const TAB_LABELS: Record<ProjectTab, string> = {
  backlog: 'Backlog',
  companies: 'Companies',
  changelog: 'Changelog',
  roadmap: 'Roadmap',
  identity: 'Settings › Identity',
  settings: 'Settings › Project',
  audit: 'Audit log',
  notifications: 'Webhooks & mail',
}

/** One project: Backlog, Settings › Identity, Settings › Project and the Audit log. */
export function ProjectPage({
  client,
  team,
  can = () => true,
  projectId,
  tab,
  initialSecret,
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
  initialSecret?: string
  widgetUrl: string
  onTab: (tab: ProjectTab) => void
  onBack: () => void
}) {
  const [project, setProject] = useState<AdminProject | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    client.listProjects().then((result) => {
      if (!result.ok) return setError(`The project could not be loaded: ${result.message}`)
      const found = result.data.projects.find((candidate) => candidate.id === projectId)
      if (found) setProject(found)
      else setError(`There is no project "${projectId}".`)
    })
  }, [client, projectId])

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
  // Identity holds the signing secret: only roles that may configure see it.
  const visibleTabs = (Object.keys(TAB_LABELS) as ProjectTab[]).filter(
    (name) => (name !== 'identity' && name !== 'notifications') || can('configure'),
  )
  const shownTab = visibleTabs.includes(tab) ? tab : 'backlog'
  return (
    <main class="project">
      <nav class="breadcrumbs">
        <button type="button" class="link" onClick={onBack}>
          Projects
        </button>{' '}
        / <strong>{project.name}</strong>
      </nav>
      <div class="tabs" role="tablist" aria-label="Project sections">
        {visibleTabs.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={shownTab === name}
            onClick={() => onTab(name)}
          >
            {TAB_LABELS[name]}
          </button>
        ))}
      </div>
      {can('configure') ? null : (
        <WhyNot permission="configure" doing="see the identity settings or rotate the secret" />
      )}
      <div role="tabpanel">
        {shownTab === 'backlog' ? <BacklogPage client={client} projectId={project.id} /> : null}
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
      </div>
    </main>
  )
}
