import { useState } from 'preact/hooks'
import type { AdminProject, ModerationMode } from '../../shared/api'
import type { TeamClient } from '../api/team-client'
import { WhyNot } from '../auth/why-not'

const CHOICES: { value: ModerationMode; label: string }[] = [
  { value: 'off', label: 'Off: every new request shows at once' },
  {
    value: 'anonymous',
    label:
      "Anonymous visitors: their new requests wait for your approval (identified customers' do not)",
  },
  { value: 'all', label: 'Everyone: every new request waits for your approval' },
]

/**
 * Settings › Project › Moderation (spec v3 "Spam and deletion"): whose new requests wait in the
 * backlog's "Waiting for approval" before anyone but their author sees them.
 */
export function ModerationSettings({
  team,
  project,
  allowed,
  onSaved,
}: {
  team: TeamClient
  project: AdminProject
  allowed: boolean
  onSaved: (project: AdminProject) => void
}) {
  const [mode, setMode] = useState<ModerationMode>(project.settings.moderation)
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)

  async function save(event: Event) {
    event.preventDefault()
    const result = await team.updateProject(project.id, { settings: { moderation: mode } })
    if (result.ok) {
      setMessage({ ok: true, text: 'Moderation saved.' })
      onSaved(result.data.project)
    } else setMessage({ ok: false, text: result.message })
  }

  return (
    <form class="settings" onSubmit={save}>
      <h3 id="moderation-settings-heading">Moderation</h3>
      <fieldset disabled={!allowed} aria-labelledby="moderation-settings-heading">
        <p class="hint">
          A request waiting for approval is seen only by its author and your team, and nobody is
          told of it until you approve it in the backlog's “Waiting for approval”.
        </p>
        {CHOICES.map((choice) => (
          <label key={choice.value} class="check">
            <input
              type="radio"
              name="moderation"
              value={choice.value}
              checked={mode === choice.value}
              onChange={() => setMode(choice.value)}
            />{' '}
            {choice.label}
          </label>
        ))}
        <button type="submit" class="primary" disabled={mode === project.settings.moderation}>
          Save moderation
        </button>
      </fieldset>
      {allowed ? null : <WhyNot permission="configure" doing="change moderation" />}
      {message ? <p role={message.ok ? 'status' : 'alert'}>{message.text}</p> : null}
    </form>
  )
}
