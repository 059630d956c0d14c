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
    <tr>
      <th scope="row">{apiKey.name}</th>
      <td>
        <code>{apiKey.prefix}…</code>
      </td>
      <td>{apiKey.scopes.map((scope) => SCOPE_WORDS[scope]).join(', ')}</td>
      <td>{formatDate(apiKey.createdAt)}</td>
      <td>{apiKey.lastUsedAt ? formatDateTime(apiKey.lastUsedAt) : 'Never'}</td>
      <td>
        <AskFirstButton
          label="Revoke"
          name={`Revoke ${apiKey.name}`}
          question={
            <>
              Revoke <strong>{apiKey.name}</strong>? Everything using it is refused at once, and
              this cannot be undone.
            </>
          }
          confirmLabel="Revoke key"
          danger
          onConfirm={onRevoke}
        />
      </td>
    </tr>
  )
}
