import { useState } from 'preact/hooks'
import { type BacklogRequest, REQUEST_STATUSES, type RequestStatus } from '../../shared/api'
import { STATUS_NOTE_MAX_LENGTH } from '../../shared/limits'
import type { RequestChanges } from '../api/admin-client'
import { STATUS_LABELS } from './status-labels'

/** The status, and the team's public note on it that customers read at the top of the request. */
export function StatusEditor({
  request,
  onChange,
}: {
  request: BacklogRequest
  onChange: (changes: RequestChanges) => void
}) {
  const [note, setNote] = useState(request.statusNote ?? '')
  const saved = request.statusNote ?? ''
  const tooLong = note.trim().length > STATUS_NOTE_MAX_LENGTH
  return (
    <>
      <div class="edit-row">
        <label>
          Status{' '}
          <select
            value={request.status}
            onChange={(event) => onChange({ status: event.currentTarget.value as RequestStatus })}
          >
            {REQUEST_STATUSES.map((status) => (
              <option key={status} value={status}>
                {STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <form
        class="edit-row status-note"
        onSubmit={(event) => {
          event.preventDefault()
          onChange({ statusNote: note.trim() || null })
        }}
      >
        <label>
          Status note (public)
          <textarea
            rows={2}
            value={note}
            aria-invalid={tooLong}
            onInput={(event) => setNote(event.currentTarget.value)}
          />
        </label>
        <button type="submit" disabled={tooLong || note.trim() === saved}>
          Save note
        </button>
      </form>
    </>
  )
}
