import { useEffect, useState } from 'preact/hooks'
import {
  type BacklogRequest,
  REQUEST_STATUSES,
  type RequestStatus,
  type ShownStatus,
} from '../../shared/api'
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
  onUnsavedChange,
}: {
  request: BacklogRequest
  /** Who a status change reaches; null while loading. */
  audience: AudienceResponse | null
  onChange: (changes: RequestChanges) => Promise<boolean>
  /** Told whether a status or note is chosen but not saved, so closing can ask first. */
  onUnsavedChange?: (unsaved: boolean) => void
}) {
  const savedNote = request.statusNote ?? ''
  const [status, setStatus] = useState<ShownStatus>(request.status)
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

  useEffect(() => {
    onUnsavedChange?.(statusChanged || noteChanged)
  }, [onUnsavedChange, statusChanged, noteChanged])

  const canSave = !busy && !tooLong && (statusChanged || noteChanged)

  async function save() {
    if (!canSave) return
    const changes: RequestChanges = {}
    if (statusChanged) changes.status = status as RequestStatus
    if (noteChanged) changes.statusNote = note.trim() || null
    setBusy(true)
    await onChange(changes)
    setBusy(false)
  }

  return (
    <form
      class="status-editor"
      onSubmit={(event) => {
        event.preventDefault()
        save()
      }}
    >
      <h3>Status and public note</h3>
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
        <textarea
          rows={3}
          value={note}
          aria-describedby="status-note-hint"
          aria-invalid={tooLong}
          onInput={(event) => setNote(event.currentTarget.value)}
        />
      </label>
      <p class="hint" id="status-note-hint">
        Customers read it at the top of the request, and in the email a status change sends.
      </p>
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
        // Not `disabled`: the button that was just pressed keeps focus after the save.
        aria-disabled={!canSave}
      >
        {statusChanged ? 'Save and tell people' : 'Save note'}
      </button>
    </form>
  )
}
