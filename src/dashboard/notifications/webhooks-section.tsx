import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks'
import type { WebhookEndpointInfo } from '../../shared/notifications'
import type { AdminClient } from '../api/admin-client'
import { setLeaveGuard } from '../leave-guard'
import { type NewEndpoint, NewEndpointForm } from './new-endpoint-form'
import { WebhookEndpoint } from './webhook-endpoint'

const UNCOPIED_SECRETS_WARNING =
  'A webhook signing secret on this page was never copied, and it is shown only once. Leave anyway?'

/**
 * The project's webhook endpoints. Each secret the server shows once (on create and rotate)
 * stays on screen beside its own endpoint until hidden, so adding a second endpoint never
 * takes the first one's away.
 */
export function WebhooksSection({ client, base }: { client: AdminClient; base: string }) {
  const [endpoints, setEndpoints] = useState<WebhookEndpointInfo[] | null>(null)
  const [secrets, setSecrets] = useState<Record<string, string>>({})
  const [copied, setCopied] = useState<Record<string, boolean>>({})
  const [error, setError] = useState<string | null>(null)
  const urlField = useRef<HTMLInputElement>(null)
  const webhooksPath = `${base}/webhooks`

  const reload = useCallback(async () => {
    const result = await client.call<{ webhooks: WebhookEndpointInfo[] }>('GET', webhooksPath)
    if (result.ok) setEndpoints(result.data.webhooks)
    setError(result.ok ? null : `The endpoints could not be loaded: ${result.message}`)
  }, [client, webhooksPath])
  useEffect(() => {
    reload()
  }, [reload])

  const uncopied = Object.keys(secrets).some((id) => !copied[id])
  useLayoutEffect(() => {
    setLeaveGuard(uncopied ? UNCOPIED_SECRETS_WARNING : null)
    return () => setLeaveGuard(null)
  }, [uncopied])

  const showSecret = (id: string, secret: string) => {
    setSecrets((shown) => ({ ...shown, [id]: secret }))
    setCopied((done) => ({ ...done, [id]: false }))
  }
  const forget = (id: string) => {
    setSecrets(({ [id]: _gone, ...rest }) => rest)
    setCopied(({ [id]: _gone, ...rest }) => rest)
  }

  async function add(endpoint: NewEndpoint): Promise<boolean> {
    const result = await client.call<{ webhook: WebhookEndpointInfo; secret: string }>(
      'POST',
      webhooksPath,
      endpoint,
    )
    setError(result.ok ? null : `The endpoint was not added: ${result.message}`)
    if (!result.ok) return false
    showSecret(result.data.webhook.id, result.data.secret)
    await reload()
    return true
  }

  return (
    <section class="webhooks" aria-labelledby="webhooks-heading">
      <h3 id="webhooks-heading">Webhooks</h3>
      <p class="hint">
        Reqio posts each event to your endpoints, signed by the Standard Webhooks scheme with the
        endpoint's own secret, and retries for about a day when they do not answer 2xx.
      </p>
      <NewEndpointForm onAdd={add} urlField={urlField} />
      {error ? <p role="alert">{error}</p> : null}
      {endpoints === null ? null : endpoints.length === 0 ? (
        <p class="hint">No endpoint yet.</p>
      ) : (
        <ul class="endpoints" aria-label="Endpoints">
          {endpoints.map((endpoint) => (
            <WebhookEndpoint
              key={endpoint.id}
              client={client}
              base={webhooksPath}
              endpoint={endpoint}
              secret={secrets[endpoint.id]}
              onSecret={(secret) => showSecret(endpoint.id, secret)}
              onSecretCopied={() => setCopied((done) => ({ ...done, [endpoint.id]: true }))}
              onHideSecret={() => forget(endpoint.id)}
              onChanged={reload}
              onDeleted={async () => {
                forget(endpoint.id)
                await reload()
                // The endpoint and its buttons are gone: focus goes where the next one starts.
                urlField.current?.focus()
              }}
            />
          ))}
        </ul>
      )}
    </section>
  )
}
