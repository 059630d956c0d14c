import { useEffect, useState } from 'preact/hooks'
import type { AdminProject } from '../../shared/api'
import type { AdminClient } from '../api/admin-client'
import { BacklogPage } from '../backlog/backlog-page'
import { IdentitySettings } from '../identity/identity-settings'
import { NotificationsPage } from '../notifications/notifications-page'
import type { ProjectTab } from '../router'

/** One project: the Backlog tab and Settings > Identity. */
export function ProjectPage({
  client,
  projectId,
  tab,
  initialSecret,
  widgetUrl,
  onTab,
  onBack,
}: {
  client: AdminClient
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
  return (
    <main class="project">
      <nav class="breadcrumbs">
        <button type="button" class="link" onClick={onBack}>
          Projects
        </button>{' '}
        / <strong>{project.name}</strong>
      </nav>
      <div class="tabs" role="tablist" aria-label="Project sections">
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'backlog'}
          onClick={() => onTab('backlog')}
        >
          Backlog
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'identity'}
          onClick={() => onTab('identity')}
        >
          Settings › Identity
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'notifications'}
          onClick={() => onTab('notifications')}
        >
          Webhooks & mail
        </button>
      </div>
      <div role="tabpanel">
        {tab === 'backlog' ? (
          <BacklogPage client={client} projectId={project.id} />
        ) : tab === 'notifications' ? (
          <NotificationsPage client={client} projectId={project.id} />
        ) : (
          <IdentitySettings
            client={client}
            project={project}
            initialSecret={initialSecret}
            widgetUrl={widgetUrl}
          />
        )}
      </div>
    </main>
  )
}
