import { useEffect, useRef, useState } from 'preact/hooks'
import type { WebhookEndpointInfo } from '../../shared/notifications'
import { WEBHOOK_EVENT_CHOICES } from '../../shared/webhook-events'
import type { AdminClient } from '../api/admin-client'
import { formatDate } from '../format/dates'
import { AskFirstButton } from '../ui/ask-first-button'
import { SecretLine } from '../ui/secret-line'
import { DeliveryLog } from './delivery-log'
import { EndpointEventsEditor } from './endpoint-events-editor'

/** "All events", or the chosen ones in the words the form offered them. */
export function describeEvents(events: string[] | null): string {
  if (!events) return 'all events, including ones added later'
  return events
    .map((type) => WEBHOOK_EVENT_CHOICES.find((choice) => choice.type === type)?.label ?? type)
    .join('; ')
}

/**
 * One endpoint: its URL and events, its signing secret while this page still holds it (each
 * endpoint its own, named after it), and what can be done to it. Delete and Rotate ask first.
 */
export function WebhookEndpoint({
  client,
  base,
  endpoint,
  secret,
  onSecret,
  onSecretCopied,
  onHideSecret,
  onDeleted,
  onChanged,
}: {
  client: AdminClient
  /** /projects/{id}/webhooks under /v1/admin. */
  base: string
  endpoint: WebhookEndpointInfo
  /** The once-shown secret, when it was created or rotated on this page. */
  secret: string | undefined
  onSecret: (secret: string) => void
  onSecretCopied: () => void
  onHideSecret: () => void
  onDeleted: () => void
  /** The events changed: the list reloads. */
  onChanged: () => void
}) {
  const path = `${base}/${encodeURIComponent(endpoint.id)}`
  const [logOpen, setLogOpen] = useState(false)
  const [sentTests, setSentTests] = useState(0)
  const [message, setMessage] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [editingEvents, setEditingEvents] = useState(false)
  const changeEvents = useRef<HTMLButtonElement>(null)
  const refocusChange = useRef(false)
  useEffect(() => {
    if (!editingEvents && refocusChange.current) changeEvents.current?.focus()
    refocusChange.current = false
  }, [editingEvents])
  const logId = `delivery-log-${endpoint.id}`

  async function sendTest() {
    const result = await client.call('POST', `${path}/test`)
    setError(result.ok ? null : `The test event could not be queued: ${result.message}`)
    if (!result.ok) return
    setMessage('Test event queued: it is in the delivery log.')
    setSentTests((count) => count + 1)
    setLogOpen(true)
  }

  async function rotate() {
    const result = await client.call<{ secret: string }>('POST', `${path}/secret`)
    setError(result.ok ? null : `The secret could not be rotated: ${result.message}`)
    if (result.ok) onSecret(result.data.secret)
  }

  async function remove() {
    const result = await client.call('DELETE', path)
    setError(result.ok ? null : `The endpoint could not be deleted: ${result.message}`)
    if (result.ok) onDeleted()
  }

  return (
    <li class="endpoint">
      <p class="endpoint-url">
        <code>{endpoint.url}</code>
      </p>
      <p class="endpoint-facts">
        <span>Events: {describeEvents(endpoint.events)}</span>
        <span class="hint">Added {formatDate(endpoint.createdAt)}</span>
      </p>
      {secret ? (
        <div class="endpoint-secret" role="region" aria-label={`Signing secret of ${endpoint.url}`}>
          <p class="notice">
            <strong>Copy it now: shown only once.</strong> Your endpoint verifies each delivery's{' '}
            <code>webhook-signature</code> with it.
          </p>
          <SecretLine
            secret={secret}
            label={`signing secret of ${endpoint.url}`}
            onCopied={onSecretCopied}
          />
          <button type="button" class="link" onClick={onHideSecret}>
            I stored it, hide the secret
          </button>
        </div>
      ) : null}
      {editingEvents ? (
        <EndpointEventsEditor
          client={client}
          path={path}
          endpoint={endpoint}
          onDone={(changed) => {
            refocusChange.current = true
            setEditingEvents(false)
            if (!changed) return
            setMessage('Events saved: the endpoint hears these from now on.')
            onChanged()
          }}
        />
      ) : null}
      <div class="endpoint-actions">
        <button type="button" aria-label={`Send test event to ${endpoint.url}`} onClick={sendTest}>
          Send test event
        </button>
        <button
          type="button"
          aria-expanded={logOpen}
          aria-controls={logId}
          aria-label={`Delivery log of ${endpoint.url}`}
          onClick={() => setLogOpen(!logOpen)}
        >
          Delivery log
        </button>
        <button
          type="button"
          ref={changeEvents}
          aria-expanded={editingEvents}
          aria-label={`Change events of ${endpoint.url}`}
          onClick={() => setEditingEvents(!editingEvents)}
        >
          Change events
        </button>
        <AskFirstButton
          label="Rotate secret"
          name={`Rotate secret of ${endpoint.url}`}
          question={
            <>
              Rotate the signing secret of <code>{endpoint.url}</code>? The old one stops verifying
              at once: deliveries fail there until the endpoint has the new one.
            </>
          }
          confirmLabel="Rotate secret"
          onConfirm={rotate}
        />
        <AskFirstButton
          label="Delete"
          name={`Delete ${endpoint.url}`}
          question={
            <>
              Delete the endpoint <code>{endpoint.url}</code>? It gets no more events, and its
              delivery log goes with it.
            </>
          }
          confirmLabel="Delete endpoint"
          danger
          onConfirm={remove}
        />
      </div>
      <div role="status" class="endpoint-status">
        {message}
      </div>
      {error ? <p role="alert">{error}</p> : null}
      <div id={logId} hidden={!logOpen}>
        {logOpen ? (
          <DeliveryLog
            client={client}
            path={`${path}/deliveries`}
            endpointUrl={endpoint.url}
            refreshKey={sentTests}
          />
        ) : null}
      </div>
    </li>
  )
}
