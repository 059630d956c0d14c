import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks'
import type { ApiKeyInfo, NewApiKeyBody } from '../../shared/api/api-keys'
import type { AdminClient } from '../api/admin-client'
import { setLeaveGuard } from '../leave-guard'
import { ApiKeyRow } from './api-key-row'
import { CreatedApiKey } from './created-api-key'
import { NewApiKeyForm } from './new-api-key-form'
import './api-keys.css'

const UNCOPIED_KEY_WARNING =
  'The API key on this page was never copied, and it is shown only once. Leave anyway?'

/**
 * Settings › API keys (owners and admins): create a key for a script, an integration or an
 * agent, see it once, list the live ones and revoke them.
 */
export function ApiKeysPage({ client, projectId }: { client: AdminClient; projectId: string }) {
  const [apiKeys, setApiKeys] = useState<ApiKeyInfo[] | null>(null)
  const [created, setCreated] = useState<{ apiKey: ApiKeyInfo; key: string } | null>(null)
  const [copied, setCopied] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [status, setStatus] = useState('')
  const nameField = useRef<HTMLInputElement>(null)

  const reload = useCallback(async () => {
    const result = await client.listApiKeys(projectId)
    if (result.ok) setApiKeys(result.data.apiKeys)
    setError(result.ok ? null : `The keys could not be loaded: ${result.message}`)
  }, [client, projectId])
  useEffect(() => {
    reload()
  }, [reload])

  const uncopied = created !== null && !copied
  useLayoutEffect(() => {
    setLeaveGuard(uncopied ? UNCOPIED_KEY_WARNING : null)
    return () => setLeaveGuard(null)
  }, [uncopied])

  async function create(body: NewApiKeyBody): Promise<boolean> {
    const result = await client.createApiKey(projectId, body)
    setError(result.ok ? null : `The key was not created: ${result.message}`)
    if (!result.ok) return false
    setCreated(result.data)
    setCopied(false)
    setStatus('')
    await reload()
    return true
  }

  async function revoke(apiKey: ApiKeyInfo) {
    const result = await client.revokeApiKey(projectId, apiKey.id)
    setError(result.ok ? null : `The key was not revoked: ${result.message}`)
    if (!result.ok) return
    if (created?.apiKey.id === apiKey.id) setCreated(null)
    setStatus(`${apiKey.name} was revoked: it is refused from now on.`)
    await reload()
    // Its row and buttons are gone: focus goes where the next key starts.
    nameField.current?.focus()
  }

  return (
    <section class="api-keys" aria-labelledby="api-keys-intro">
      <p id="api-keys-intro" class="hint">
        Keys let your own servers, integrations and AI agents use this project's admin API (and the
        MCP server) without a team member's password. Each key works on this project only, with the
        scope it was given, and can be revoked at any moment.
      </p>
      <NewApiKeyForm onCreate={create} nameField={nameField} />
      {created ? (
        <CreatedApiKey
          apiKey={created.apiKey}
          secret={created.key}
          onCopied={() => setCopied(true)}
          onHide={() => {
            setCreated(null)
            nameField.current?.focus()
          }}
        />
      ) : null}
      {error ? <p role="alert">{error}</p> : null}
      <p role="status" class="api-keys-status">
        {status}
      </p>
      <h3>Keys in use</h3>
      {apiKeys === null ? null : apiKeys.length === 0 ? (
        <p class="hint">No key yet.</p>
      ) : (
        <ul class="api-keys-list" aria-label="Keys in use">
          {apiKeys.map((apiKey) => (
            <ApiKeyRow key={apiKey.id} apiKey={apiKey} onRevoke={() => revoke(apiKey)} />
          ))}
        </ul>
      )}
    </section>
  )
}
