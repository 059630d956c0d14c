import { useState } from 'preact/hooks'
import type { AdminProject } from '../../shared/api'
import type { TeamClient } from '../api/team-client'
import { WhyNot } from '../auth/why-not'

/** Project settings: name, requireIdentity, allowAnonymousComments (PATCH /v1/admin/projects/{id}). */
export function SettingsPage({
  team,
  project,
  allowed,
  onSaved,
}: {
  team: TeamClient
  project: AdminProject
  /** False below admin: the form shows the values, read only, and says why. */
  allowed: boolean
  onSaved: (project: AdminProject) => void
}) {
  const [name, setName] = useState(project.name)
  const [requireIdentity, setRequireIdentity] = useState(project.settings.requireIdentity)
  const [allowAnonymousComments, setAllowAnonymousComments] = useState(
    project.settings.allowAnonymousComments,
  )
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)

  async function save(event: Event) {
    event.preventDefault()
    const result = await team.updateProject(project.id, {
      ...(name.trim() !== project.name ? { name: name.trim() } : {}),
      settings: { requireIdentity, allowAnonymousComments },
    })
    if (result.ok) {
      setMessage({ ok: true, text: 'Saved.' })
      onSaved(result.data.project)
    } else setMessage({ ok: false, text: result.message })
  }

  return (
    <form class="settings" onSubmit={save}>
      <h3>Project settings</h3>
      <fieldset disabled={!allowed}>
        <label for="settings-name">Name</label>
        <input
          id="settings-name"
          value={name}
          onInput={(event) => setName(event.currentTarget.value)}
        />
        <label class="check">
          <input
            type="checkbox"
            checked={requireIdentity}
            onChange={(event) => setRequireIdentity(event.currentTarget.checked)}
          />{' '}
          Require identity: only identified users may vote, submit and comment (reads stay public)
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={allowAnonymousComments}
            onChange={(event) => setAllowAnonymousComments(event.currentTarget.checked)}
          />{' '}
          Allow anonymous comments
        </label>
        <button type="submit" class="primary" disabled={!name.trim()}>
          Save settings
        </button>
      </fieldset>
      {allowed ? null : <WhyNot permission="configure" doing="change settings" />}
      {message ? <p role={message.ok ? 'status' : 'alert'}>{message.text}</p> : null}
    </form>
  )
}
