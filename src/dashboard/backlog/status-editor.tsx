import { useEffect, useState } from 'preact/hooks'
import { type BacklogRequest, REQUEST_STATUSES, type RequestStatus } from '../../shared/api'
import { STATUS_NOTE_MAX_LENGTH } from '../../shared/limits'
import type { AudienceResponse } from '../../shared/notifications'
import type { RequestChanges } from '../api/admin-client'
import { STATUS_LABELS } from './status-labels'
import { audienceSentence } from './use-audience'

/**
 * The status and the team's public note on it, saved together in one PATCH: the email a status
 * change queues carries the note typed with it. Choosing a status saves nothing; the button
 * says who will hear before anything goes.
 */
export function StatusEditor({
  request,
  audience,
  onChange,
}: {
  request: BacklogRequest
  /** Who a status change reaches; null while loading. */
  audience: AudienceResponse | null
  onChange: (changes: RequestChanges) => Promise<boolean>
}) {
  const savedNote = request.statusNote ?? ''
  const [status, setStatus] = useState<RequestStatus>(request.status)
  const [note, setNote] = useState(savedNote)
  const [busy, setBusy] = useState(false)
  // A save (here or elsewhere) changed the request: start again from what is stored.
  useEffect(() => {
    setStatus(request.status)
    setNote(request.statusNote ?? '')
  }, [request.status, request.statusNote])

  const statusChanged = status !== request.status
  const noteChanged = note.trim() !== savedNote
  const tooLong = note.trim().length > STATUS_NOTE_MAX_LENGTH

  async function save() {
    const changes: RequestChanges = {}
    if (statusChanged) changes.status = status
    if (noteChanged) changes.statusNote = note.trim() || null
    setBusy(true)
    await onChange(changes)
    setBusy(false)
  }

  return (
    <form
      class="status-editor"
      aria-labelledby="status-editor-heading"
      onSubmit={(event) => {
        event.preventDefault()
        save()
      }}
    >
      <h3 id="status-editor-heading">Status</h3>
      <label>
        Status{' '}
        <select
          value={status}
          onChange={(event) => setStatus(event.currentTarget.value as RequestStatus)}
        >
          {REQUEST_STATUSES.map((option) => (
            <option key={option} value={option}>
              {STATUS_LABELS[option]}
            </option>
          ))}
        </select>
      </label>
      <label class="status-note">
        Status note (public)
        <span class="hint">Customers read it at the top of the request, and in the email.</span>
        <textarea
          rows={3}
          value={note}
          aria-invalid={tooLong}
          onInput={(event) => setNote(event.currentTarget.value)}
        />
      </label>
      {tooLong ? <p class="hint">At most {STATUS_NOTE_MAX_LENGTH} characters.</p> : null}
      <p class="hint audience" id="status-audience">
        {statusChanged
          ? audience
            ? audienceSentence(audience)
            : 'Counting who will hear about this…'
          : noteChanged
            ? 'A note alone tells nobody: people hear when the status changes.'
            : null}
      </p>
      <button
        type="submit"
        class="primary"
        aria-describedby="status-audience"
        disabled={busy || tooLong || !(statusChanged || noteChanged)}
      >
        {statusChanged ? 'Save and tell people' : 'Save note'}
      </button>
    </form>
  )
}
