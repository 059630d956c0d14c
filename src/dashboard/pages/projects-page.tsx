import { useEffect, useState } from 'preact/hooks'
import type { AdminProject, CreatedProjectResponse } from '../../shared/api'
import type { AdminClient } from '../api/admin-client'
import { WhyNot } from '../auth/why-not'

/** Lists the owner's projects and creates new ones. */
export function ProjectsPage({
  client,
  onOpen,
  onCreated,
  canCreate = true,
}: {
  client: AdminClient
  /** False below admin: the form is hidden and a "why" stands in its place. */
  canCreate?: boolean
  onOpen: (projectId: string) => void
  onCreated: (created: CreatedProjectResponse) => void
}) {
  const [projects, setProjects] = useState<AdminProject[] | null>(null)
  const [name, setName] = useState('')
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    client.listProjects().then((result) => {
      if (result.ok) setProjects(result.data.projects)
      else setError(`Projects could not be loaded: ${result.message}`)
    })
  }, [client])

  async function create(event: Event) {
    event.preventDefault()
    const result = await client.createProject(name.trim())
    if (result.ok) onCreated(result.data)
    else setError(`The project was not created: ${result.message}`)
  }

  return (
    <main class="projects">
      <h1>Projects</h1>
      {projects === null && !error ? <p>Loading projects…</p> : null}
      {projects && projects.length === 0 ? <p class="empty">No projects yet: create one.</p> : null}
      {projects && projects.length > 0 ? (
        <ul class="project-list">
          {projects.map((project) => (
            <li key={project.id}>
              <button type="button" class="link" onClick={() => onOpen(project.id)}>
                {project.name}
              </button>{' '}
              <code>{project.id}</code>
            </li>
          ))}
        </ul>
      ) : null}
      {canCreate ? null : <WhyNot permission="configure" doing="create projects" />}
      {canCreate ? (
        <form class="create-project" onSubmit={create}>
          <label for="project-name">New project name</label>
          <input
            id="project-name"
            value={name}
            onInput={(event) => setName(event.currentTarget.value)}
          />
          <button type="submit" class="primary" disabled={name.trim() === ''}>
            Create project
          </button>
        </form>
      ) : null}
      {error ? <p role="alert">{error}</p> : null}
    </main>
  )
}
