import { useEffect, useRef, useState } from 'preact/hooks'
import type { WebhookEndpointInfo } from '../../shared/notifications'
import type { AdminClient } from '../api/admin-client'
import {
  EventChoice,
  type EventSelection,
  inServerOrder,
  selectionIsComplete,
} from './event-choice'

/**
 * Changes which events an existing endpoint hears (PATCH …/webhooks/{wid} `{events}`); its
 * secret stays. Focus starts in the choice and goes back to "Change events" when done.
 */
export function EndpointEventsEditor({
  client,
  path,
  endpoint,
  onDone,
}: {
  client: AdminClient
  /** …/webhooks/{wid} under /v1/admin. */
  path: string
  endpoint: WebhookEndpointInfo
  onDone: (changed: WebhookEndpointInfo | null) => void
}) {
  const [selection, setSelection] = useState<EventSelection>(
    endpoint.events ? inServerOrder(endpoint.events) : null,
  )
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const form = useRef<HTMLFormElement>(null)
  useEffect(() => {
    form.current?.querySelector<HTMLInputElement>('input:checked')?.focus()
  }, [])

  async function save(event: Event) {
    event.preventDefault()
    setBusy(true)
    const result = await client.call<{ webhook: WebhookEndpointInfo }>('PATCH', path, {
      events: selection,
    })
    setBusy(false)
    if (!result.ok) return setError(`The events were not changed: ${result.message}`)
    onDone(result.data.webhook)
  }

  return (
    <form
      ref={form}
      class="endpoint-events-editor"
      onSubmit={save}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return
        event.preventDefault()
        onDone(null)
      }}
    >
      <EventChoice
        group={`events-${endpoint.id}`}
        legend={`Events to send to ${endpoint.url}`}
        selection={selection}
        onChange={setSelection}
      />
      <div class="confirm-action-buttons">
        <button type="submit" class="primary" disabled={busy || !selectionIsComplete(selection)}>
          Save events
        </button>
        <button type="button" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
      {error ? <p role="alert">{error}</p> : null}
    </form>
  )
}
