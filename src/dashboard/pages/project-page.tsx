import { useEffect, useRef } from 'preact/hooks'
import type { AdminProject } from '../../shared/api'
import { publicRequestLink } from '../../shared/request-link'
import type { Permission } from '../../shared/roles'
import type { AdminClient } from '../api/admin-client'
import type { TeamClient } from '../api/team-client'
import { BacklogPage } from '../backlog/backlog-page'
import { ChangelogPage } from '../changelog/changelog-page'
import { RoadmapPreview } from '../changelog/roadmap-preview'
import { CompaniesPage } from '../companies/companies-page'
import { InstallPage } from '../install/install-page'
import { PeoplePage } from '../people/people-page'
import type { ProjectTab, SettingsSection } from '../router'
import { reqioBaseOf } from '../settings/portal-address'
import { SettingsArea } from '../settings/settings-area'
import { settingsLinkId } from '../settings/settings-nav'
import { visibleSettingsSections } from '../settings/settings-sections'
import { useLoad } from '../ui/use-load'
import { ProjectTabs, projectTabId } from './project-tabs'

export { tabAfterKey } from './project-tabs'

const PANEL_ID = 'project-tabpanel'

/** One project: its sections as tabs, Install first (the project's home), Settings last. */
export function ProjectPage({
  client,
  team,
  can = () => true,
  projectId,
  tab,
  section,
  requestId,
  initialSecret,
  secretWaiting = false,
  widgetUrl,
  onOpen,
  onBack,
}: {
  client: AdminClient
  team: TeamClient
  /** What the signed-in role may do; hidden controls explain why (server enforces it anyway). */
  can?: (permission: Permission) => boolean
  projectId: string
  tab: ProjectTab
  /** The settings page shown when `tab` is 'settings'. */
  section?: SettingsSection
  /** The request open in the backlog's drawer (#/projects/{id}/requests/{rid}). */
  requestId?: string
  initialSecret?: string
  /** The project was just created: its once-shown secret waits in Settings › Identity. */
  secretWaiting?: boolean
  widgetUrl: string
  /** Puts a tab (and, for Settings, one of its pages) on screen and in the address bar. */
  onOpen: (tab: ProjectTab, section?: SettingsSection) => void
  onBack: () => void
}) {
  const loaded = useLoad<AdminProject>(
    async () => {
      const result = await client.listProjects()
      if (!result.ok) return result
      const found = result.data.projects.find((candidate) => candidate.id === projectId)
      return found ? { ok: true, data: found } : { ok: false, message: 'there is no such project.' }
    },
    [client, projectId],
    { failure: `The project "${projectId}" could not be loaded` },
  )
  const project = loaded.data
  const title = useRef<HTMLHeadingElement>(null)
  const offered = visibleSettingsSections(can)
  const firstSection = offered[0] ?? 'project'
  /** The settings page last seen here, which the Settings tab opens again. */
  const lastSection = useRef<SettingsSection | null>(null)
  if (tab === 'settings' && section) lastSection.current = section

  // A project just opened (created, picked, linked): a keyboard starts at its name, not at
  // the top of the document where the button that opened it used to be.
  const ready = project !== null
  useEffect(() => {
    if (ready) title.current?.focus()
  }, [ready])

  function openTab(next: ProjectTab, focus: boolean) {
    if (next === 'settings') onOpen(next, lastSection.current ?? firstSection)
    else onOpen(next)
    if (focus) setTimeout(() => document.getElementById(projectTabId(next))?.focus())
  }

  /** From Install: Identity's page, focus on its link so the keyboard goes on from there. */
  function openIdentity() {
    onOpen('settings', 'identity')
    setTimeout(() => document.getElementById(settingsLinkId('identity'))?.focus())
  }

  if (loaded.error && !project)
    return (
      <main>
        <p role="alert">{loaded.error}</p>
        <button type="button" class="link" onClick={onBack}>
          All projects
        </button>
      </main>
    )
  if (!project) return <main>Loading…</main>
  return (
    <main class="project">
      <nav class="breadcrumbs" aria-label="Breadcrumb">
        <button type="button" class="link" onClick={onBack}>
          Projects
        </button>{' '}
        / <span aria-current="page">{project.name}</span>
      </nav>
      <h1 class="project-title" ref={title} tabIndex={-1}>
        {project.name}
      </h1>
      <ProjectTabs shown={tab} panelId={PANEL_ID} onTab={openTab} />
      <div role="tabpanel" id={PANEL_ID} aria-labelledby={projectTabId(tab)}>
        {tab === 'install' ? (
          <InstallPage
            client={client}
            project={project}
            widgetUrl={widgetUrl}
            secretWaiting={secretWaiting}
            onIdentity={can('configure') ? openIdentity : undefined}
          />
        ) : null}
        {tab === 'backlog' ? (
          <BacklogPage
            client={client}
            projectId={project.id}
            publicLink={(requestId) =>
              publicRequestLink({
                siteUrl: project.settings.siteUrl,
                publicUrl: reqioBaseOf(widgetUrl),
                projectId: project.id,
                requestId,
              })
            }
            openRequestId={requestId}
            canTriage={can('triage')}
          />
        ) : null}
        {tab === 'companies' ? <CompaniesPage client={client} projectId={project.id} /> : null}
        {tab === 'people' ? (
          <PeoplePage client={client} projectId={project.id} canDelete={can('triage')} />
        ) : null}
        {tab === 'changelog' ? <ChangelogPage client={client} projectId={project.id} /> : null}
        {tab === 'roadmap' ? <RoadmapPreview client={client} projectId={project.id} /> : null}
        {tab === 'settings' ? (
          <SettingsArea
            client={client}
            team={team}
            project={project}
            can={can}
            section={section ?? firstSection}
            initialSecret={initialSecret}
            widgetUrl={widgetUrl}
            onSection={(next) => onOpen('settings', next)}
            onSaved={loaded.setData}
          />
        ) : null}
      </div>
    </main>
  )
}
