import { useState } from 'preact/hooks'
import {
  API_KEY_NAME_MAX_LENGTH,
  API_KEY_SCOPE_SENTENCES,
  API_KEY_SCOPES,
  type ApiKeyScope,
  type NewApiKeyBody,
} from '../../shared/api/api-keys'

/**
 * A new key's name and what it may do. The scopes nest (write holds read, admin holds write),
 * so one choice says it all; read is chosen first, the least a key can do. `onCreate` answers
 * true when the key was made, and the form empties.
 */
export function NewApiKeyForm({
  onCreate,
  nameField,
}: {
  onCreate: (body: NewApiKeyBody) => Promise<boolean>
  nameField: { current: HTMLInputElement | null }
}) {
  const [name, setName] = useState('')
  const [scope, setScope] = useState<ApiKeyScope>('read')
  const [busy, setBusy] = useState(false)

  async function submit(event: Event) {
    event.preventDefault()
    setBusy(true)
    const created = await onCreate({ name: name.trim(), scopes: [scope] })
    setBusy(false)
    if (!created) return
    setName('')
    setScope('read')
  }

  return (
    <form class="new-api-key" onSubmit={submit}>
      <h3>Create a key</h3>
      <label class="api-key-name-field">
        Name
        <input
          ref={nameField}
          required
          maxLength={API_KEY_NAME_MAX_LENGTH}
          value={name}
          placeholder="CRM sync"
          aria-describedby="api-key-name-hint"
          onInput={(event) => setName(event.currentTarget.value)}
        />
      </label>
      <p id="api-key-name-hint" class="hint">
        Say where it is used: the audit log shows what it does as <code>api-key:{'{name}'}</code>.
      </p>
      <fieldset>
        <legend>What it may do</legend>
        {API_KEY_SCOPES.map((choice) => (
          <label key={choice} class="check">
            <input
              type="radio"
              name="api-key-scope"
              value={choice}
              checked={scope === choice}
              onChange={() => setScope(choice)}
            />{' '}
            {API_KEY_SCOPE_SENTENCES[choice]}
          </label>
        ))}
      </fieldset>
      <button type="submit" class="primary" disabled={busy || !name.trim()}>
        Create key
      </button>
    </form>
  )
}
