import { useState } from 'preact/hooks'
import type { WebhookEventType } from '../../shared/webhook-events'
import { EventChoice, type EventSelection, selectionIsComplete } from './event-choice'

export interface NewEndpoint {
  url: string
  /** Left out: every event, including ones added later (spec "Webhooks": `events` absent = all). */
  events?: WebhookEventType[]
}

/**
 * The URL of a new endpoint and the events it hears: all of them, or the ones ticked. `onAdd`
 * answers true when the endpoint was created, and the form empties.
 */
export function NewEndpointForm({
  onAdd,
  urlField,
}: {
  onAdd: (endpoint: NewEndpoint) => Promise<boolean>
  urlField: { current: HTMLInputElement | null }
}) {
  const [url, setUrl] = useState('')
  const [selection, setSelection] = useState<EventSelection>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: Event) {
    event.preventDefault()
    setBusy(true)
    const added = await onAdd({ url: url.trim(), ...(selection ? { events: selection } : {}) })
    setBusy(false)
    if (!added) return
    setUrl('')
    setSelection(null)
  }

  return (
    <form class="new-endpoint" onSubmit={submit}>
      <label class="endpoint-url-field">
        Endpoint URL
        <input
          ref={urlField}
          type="url"
          required
          value={url}
          placeholder="https://example.com/reqio-webhook"
          onInput={(event) => setUrl(event.currentTarget.value)}
        />
      </label>
      <EventChoice
        group="new-endpoint"
        legend="Events to send"
        selection={selection}
        onChange={setSelection}
      />
      <button
        type="submit"
        class="primary"
        disabled={busy || !url.trim() || !selectionIsComplete(selection)}
      >
        Add endpoint
      </button>
    </form>
  )
}
