import { useCallback, useEffect, useState } from 'preact/hooks'
import type {
  FailedJobInfo,
  KeptMailInfo,
  MailMode,
  WebhookDeliveryInfo,
  WebhookEndpointInfo,
} from '../../shared/notifications'
import type { AdminClient } from '../api/admin-client'

/** Webhook endpoints with their delivery log, jobs that failed for good, and (demo) Sent mail. */
export function NotificationsPage({
  client,
  projectId,
}: {
  client: AdminClient
  projectId: string
}) {
  const base = `/projects/${encodeURIComponent(projectId)}`
  const [endpoints, setEndpoints] = useState<WebhookEndpointInfo[]>([])
  const [failed, setFailed] = useState<FailedJobInfo[]>([])
  const [mail, setMail] = useState<{ mail: MailMode; messages: KeptMailInfo[] } | null>(null)
  const [secret, setSecret] = useState<string | null>(null)
  const [url, setUrl] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [openLog, setOpenLog] = useState<string | null>(null)

  const reload = useCallback(async () => {
    const [hooks, jobs, kept] = await Promise.all([
      client.call<{ webhooks: WebhookEndpointInfo[] }>('GET', `${base}/webhooks`),
      client.call<{ failed: FailedJobInfo[] }>('GET', `${base}/jobs`),
      client.call<{ mail: MailMode; messages: KeptMailInfo[] }>('GET', `${base}/mail`),
    ])
    if (hooks.ok) setEndpoints(hooks.data.webhooks)
    if (jobs.ok) setFailed(jobs.data.failed)
    if (kept.ok) setMail(kept.data)
  }, [client, base])
  useEffect(() => {
    reload()
  }, [reload])

  const act = async (method: string, path: string, body?: unknown) => {
    const result = await client.call<{ secret?: string }>(method, path, body)
    setError(result.ok ? null : result.message)
    if (result.ok && result.data?.secret) setSecret(result.data.secret)
    await reload()
  }

  return (
    <section class="notifications">
      <h3>Webhooks</h3>
      <form
        class="edit-row"
        onSubmit={(event) => {
          event.preventDefault()
          act('POST', `${base}/webhooks`, { url: url.trim() }).then(() => setUrl(''))
        }}
      >
        <label>
          Endpoint URL{' '}
          <input
            type="url"
            value={url}
            placeholder="https://example.com/reqio-webhook"
            onInput={(event) => setUrl(event.currentTarget.value)}
          />
        </label>
        <button type="submit" disabled={!url.trim()}>
          Add endpoint (all events)
        </button>
      </form>
      {secret ? (
        <p role="status" class="secret">
          Signing secret, shown only now: <code>{secret}</code>
        </p>
      ) : null}
      {error ? <p role="alert">{error}</p> : null}
      <ul class="endpoints">
        {endpoints.map((endpoint) => (
          <li key={endpoint.id}>
            <code>{endpoint.url}</code> ·{' '}
            {endpoint.events ? endpoint.events.join(', ') : 'all events'}{' '}
            <button
              type="button"
              onClick={() => act('POST', `${base}/webhooks/${endpoint.id}/test`)}
            >
              Send test event
            </button>{' '}
            <button
              type="button"
              onClick={() => act('POST', `${base}/webhooks/${endpoint.id}/secret`)}
            >
              Rotate secret
            </button>{' '}
            <button type="button" onClick={() => act('DELETE', `${base}/webhooks/${endpoint.id}`)}>
              Delete
            </button>{' '}
            <button
              type="button"
              class="link"
              onClick={() => setOpenLog(openLog === endpoint.id ? null : endpoint.id)}
            >
              Delivery log
            </button>
            {openLog === endpoint.id ? (
              <DeliveryLog client={client} path={`${base}/webhooks/${endpoint.id}/deliveries`} />
            ) : null}
          </li>
        ))}
      </ul>

      <h3>Failed jobs</h3>
      {failed.length === 0 ? (
        <p class="hint">No job has failed for good.</p>
      ) : (
        <ul>
          {failed.map((job) => (
            <li key={job.id}>
              {job.kind} job {job.id}: {job.attempts} attempts,{' '}
              {job.lastError ?? 'no error recorded'}{' '}
              <button type="button" onClick={() => act('POST', `${base}/jobs/${job.id}/retry`)}>
                Retry now
              </button>
            </li>
          ))}
        </ul>
      )}

      <h3>Sent mail</h3>
      {mail?.mail === 'off' ? (
        <p class="hint">
          Email is off: set REQIO_SMTP_URL (and REQIO_MAIL_FROM, REQIO_PUBLIC_URL) to send.
        </p>
      ) : mail?.mail === 'smtp' ? (
        <p class="hint">Emails go out through REQIO_SMTP_URL.</p>
      ) : (
        <>
          <p class="hint">Demo mode without SMTP: these emails would have gone out.</p>
          {mail?.messages.map((message) => (
            <article key={message.id} class="kept-mail">
              <p>
                <strong>To:</strong> {message.to} · <strong>Subject:</strong> {message.subject}
              </p>
              <pre>{message.text}</pre>
            </article>
          ))}
        </>
      )}
    </section>
  )
}

function DeliveryLog({ client, path }: { client: AdminClient; path: string }) {
  const [deliveries, setDeliveries] = useState<WebhookDeliveryInfo[]>([])
  const load = useCallback(async () => {
    const result = await client.call<{ deliveries: WebhookDeliveryInfo[] }>('GET', path)
    if (result.ok) setDeliveries(result.data.deliveries)
  }, [client, path])
  useEffect(() => {
    load()
  }, [load])
  if (deliveries.length === 0) return <p class="hint">No deliveries yet.</p>
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Event</th>
          <th scope="col">Status</th>
          <th scope="col">Attempts</th>
          <th scope="col">Last HTTP code</th>
          <th scope="col">Next attempt</th>
          <th scope="col" />
        </tr>
      </thead>
      <tbody>
        {deliveries.map((d) => (
          <tr key={d.id}>
            <td>{d.event}</td>
            <td>{d.status}</td>
            <td>{d.attempts}</td>
            <td>{d.lastStatusCode ?? '—'}</td>
            <td>{d.nextAttemptAt ?? '—'}</td>
            <td>
              <button
                type="button"
                onClick={() => client.call('POST', `${path}/${d.id}/retry`).then(load)}
              >
                Retry now
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
