import { useCallback, useEffect, useState } from 'preact/hooks'
import type { WebhookDeliveryInfo } from '../../shared/notifications'
import type { AdminClient } from '../api/admin-client'
import { formatDateTime } from '../format/dates'

const PENDING_REFRESH_MS = 2000

const when = (iso: string | null) => (iso ? formatDateTime(iso) : '—')

/**
 * One endpoint's recent deliveries, newest first, with Retry now. `refreshKey` changes when a
 * test event was just sent, so the log shows it without a reload.
 */
export function DeliveryLog({
  client,
  path,
  endpointUrl,
  refreshKey,
}: {
  client: AdminClient
  /** …/webhooks/{wid}/deliveries under /v1/admin. */
  path: string
  endpointUrl: string
  refreshKey: number
}) {
  const [deliveries, setDeliveries] = useState<WebhookDeliveryInfo[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const load = useCallback(async () => {
    const result = await client.call<{ deliveries: WebhookDeliveryInfo[] }>('GET', path)
    if (result.ok) setDeliveries(result.data.deliveries)
    setError(result.ok ? null : `The log could not be loaded: ${result.message}`)
  }, [client, path])
  useEffect(() => {
    void refreshKey
    load()
  }, [load, refreshKey])
  // A delivery still on its way (a test event just sent, a retry): look again shortly.
  const waiting = deliveries?.some((d) => d.status === 'pending') ?? false
  useEffect(() => {
    if (!waiting) return
    const timer = setTimeout(load, PENDING_REFRESH_MS)
    return () => clearTimeout(timer)
  }, [waiting, deliveries, load])

  if (error) return <p role="alert">{error}</p>
  if (!deliveries) return <p class="hint">Loading the log…</p>
  if (deliveries.length === 0) return <p class="hint">Nothing was sent to this endpoint yet.</p>
  return (
    // Six columns do not fit a phone: the table scrolls in its own box, the page does not.
    <div class="scroll-x" role="region" aria-label={`Delivery log of ${endpointUrl}`} tabIndex={0}>
      <table class="delivery-log" aria-label={`Deliveries to ${endpointUrl}`}>
        <thead>
          <tr>
            <th scope="col">Event</th>
            <th scope="col">Status</th>
            <th scope="col">Attempts</th>
            <th scope="col">Last answer</th>
            <th scope="col">Queued</th>
            <th scope="col">Delivered or next try</th>
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {deliveries.map((d) => (
            <tr key={d.id}>
              <td>
                <code>{d.event}</code>
              </td>
              <td>{d.status}</td>
              <td class="number">{d.attempts}</td>
              <td title={d.lastError ?? undefined}>{d.lastStatusCode ?? d.lastError ?? '—'}</td>
              <td>{when(d.createdAt)}</td>
              <td>{d.deliveredAt ? when(d.deliveredAt) : when(d.nextAttemptAt)}</td>
              <td>
                <button
                  type="button"
                  onClick={() => client.call('POST', `${path}/${d.id}/retry`).then(load)}
                >
                  {d.status === 'delivered' ? 'Send again' : 'Retry now'}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
