import type { ApiKeyInfo } from '../../shared/api/api-keys'
import { SecretLine } from '../ui/secret-line'

/**
 * The key just created, the one time the server shows it: copy it now, Reqio keeps only a hash.
 * It stays until hidden, so leaving the page before copying it is warned about (api-keys-page).
 */
export function CreatedApiKey({
  apiKey,
  secret,
  onCopied,
  onHide,
}: {
  apiKey: ApiKeyInfo
  secret: string
  onCopied: () => void
  onHide: () => void
}) {
  return (
    <div class="created-api-key" role="region" aria-label={`New API key ${apiKey.name}`}>
      <p class="warning">
        Copy this key now: it is shown only once. Reqio keeps only a hash of it, so nobody can show
        it again; if it is lost, create another and revoke this one.
      </p>
      <SecretLine secret={secret} label={`API key ${apiKey.name}`} onCopied={onCopied} />
      <p class="hint">
        Send it as <code>Authorization: Bearer {apiKey.prefix}…</code> to{' '}
        <code>/v1/admin/projects/…</code>, from a server or an agent, never from a web page.
      </p>
      <button type="button" class="link" onClick={onHide}>
        I stored it, hide the key
      </button>
    </div>
  )
}
