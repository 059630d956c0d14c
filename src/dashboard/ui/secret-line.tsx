import { CopyButton } from './copy-button'
import './secret-line.css'

/**
 * A secret the server shows only once (an API key, a webhook signing secret), in full with its
 * copy button; `label` names what is copied ("Copy {label}").
 */
export function SecretLine({
  secret,
  label,
  onCopied,
}: {
  secret: string
  label: string
  onCopied?: () => void
}) {
  return (
    <div class="secret-line">
      <code>{secret}</code>
      <CopyButton text={secret} label={label} onCopied={onCopied} />
    </div>
  )
}
