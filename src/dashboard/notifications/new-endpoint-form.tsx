import { useState } from 'preact/hooks'
import { WEBHOOK_EVENT_CHOICES, type WebhookEventType } from '../../shared/webhook-events'

export interface NewEndpoint {
  url: string
  /** Left out: every event, including ones added later (spec "Webhooks": `events` absent = all). */
  events?: WebhookEventType[]
}

/**
 * The URL of a new endpoint and the events it hears: all of them, or the ones ticked. Answers
 * true from `onAdd` when the endpoint was created, and the form empties.
 */
export function NewEndpointForm({
  onAdd,
  urlField,
}: {
  onAdd: (endpoint: NewEndpoint) => Promise<boolean>
  urlField: { current: HTMLInputElement | null }
}) {
  const [url, setUrl] = useState('')
  const [choosing, setChoosing] = useState(false)
  const [chosen, setChosen] = useState<WebhookEventType[]>([])
  const [busy, setBusy] = useState(false)
  const noneChosen = choosing && chosen.length === 0

  async function submit(event: Event) {
    event.preventDefault()
    setBusy(true)
    const added = await onAdd({
      url: url.trim(),
      // In the server's order, whatever order they were ticked in.
      ...(choosing
        ? { events: WEBHOOK_EVENT_CHOICES.map((c) => c.type).filter((t) => chosen.includes(t)) }
        : {}),
    })
    setBusy(false)
    if (!added) return
    setUrl('')
    setChoosing(false)
    setChosen([])
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
      <fieldset class="event-choice">
        <legend>Events to send</legend>
        <label class="check">
          <input
            type="radio"
            name="event-scope"
            checked={!choosing}
            onChange={() => setChoosing(false)}
          />{' '}
          All events, including ones added later
        </label>
        <label class="check">
          <input
            type="radio"
            name="event-scope"
            checked={choosing}
            onChange={() => setChoosing(true)}
          />{' '}
          Only the events I choose
        </label>
        {choosing ? (
          <ul class="event-list">
            {WEBHOOK_EVENT_CHOICES.map((choice) => (
              <li key={choice.type}>
                <label class="check">
                  <input
                    type="checkbox"
                    checked={chosen.includes(choice.type)}
                    onChange={(event) =>
                      setChosen(
                        event.currentTarget.checked
                          ? [...chosen, choice.type]
                          : chosen.filter((type) => type !== choice.type),
                      )
                    }
                  />{' '}
                  {choice.label} <code>{choice.type}</code>
                </label>
              </li>
            ))}
          </ul>
        ) : null}
        {noneChosen ? <p class="hint">Tick at least one event.</p> : null}
      </fieldset>
      <button type="submit" class="primary" disabled={busy || !url.trim() || noneChosen}>
        Add endpoint
      </button>
    </form>
  )
}
