import type { ApiKeyInfo } from '../../shared/api/api-keys'
import { formatDate, formatDateTime } from '../format/dates'
import { AskFirstButton } from '../ui/ask-first-button'

const SCOPE_WORDS = { read: 'Read', write: 'Write', admin: 'Admin' } as const

/** One live key in the list: never the key, only its first characters; Revoke asks first. */
export function ApiKeyRow({
  apiKey,
  onRevoke,
}: {
  apiKey: ApiKeyInfo
  onRevoke: () => Promise<void>
}) {
  return (
    <li class="api-key">
      <p class="api-key-name">
        <strong>{apiKey.name}</strong> <code>{apiKey.prefix}…</code>
      </p>
      <dl class="api-key-facts">
        <div>
          <dt>Scope</dt>
          <dd>{apiKey.scopes.map((scope) => SCOPE_WORDS[scope]).join(', ')}</dd>
        </div>
        <div>
          <dt>Created</dt>
          <dd>{formatDate(apiKey.createdAt)}</dd>
        </div>
        <div>
          <dt>Last used</dt>
          <dd>{apiKey.lastUsedAt ? formatDateTime(apiKey.lastUsedAt) : 'Never'}</dd>
        </div>
      </dl>
      <AskFirstButton
        label="Revoke"
        name={`Revoke ${apiKey.name}`}
        question={
          <>
            Revoke <strong>{apiKey.name}</strong>? Everything using it is refused at once, and this
            cannot be undone.
          </>
        }
        confirmLabel="Revoke key"
        danger
        onConfirm={onRevoke}
      />
    </li>
  )
}
