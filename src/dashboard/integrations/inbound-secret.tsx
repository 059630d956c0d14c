import type { ComponentChildren } from 'preact'
import { useLayoutEffect, useState } from 'preact/hooks'
import { setLeaveGuard } from '../leave-guard'
import { SecretLine } from '../ui/secret-line'

/**
 * Where a tracker sends its events, and the secret that signs them, the one time the server
 * shows it: both with copy buttons, and what to set in the tracker (`children`). Leaving the
 * page before the secret is copied asks first; "I set it up" hides it.
 */
export function InboundSecret({
  trackerName,
  url,
  secret,
  onHide,
  children,
}: {
  /** "GitHub", "Linear": names the region and the copy buttons. */
  trackerName: string
  url: string
  secret: string
  onHide: () => void
  children: ComponentChildren
}) {
  const [copied, setCopied] = useState(false)
  useLayoutEffect(() => {
    setLeaveGuard(
      copied
        ? null
        : `The ${trackerName} webhook secret on this page was never copied, and it is shown only once. Leave anyway?`,
    )
    return () => setLeaveGuard(null)
  }, [copied, trackerName])

  return (
    <div class="inbound-secret" role="region" aria-label={`${trackerName} webhook set-up`}>
      <p class="warning">
        Copy the secret now: it is shown only once. If it is lost, rotate it and paste the new one
        in {trackerName}.
      </p>
      <p class="inbound-label">Webhook URL</p>
      <SecretLine secret={url} label={`${trackerName} webhook URL`} />
      <p class="inbound-label">Secret</p>
      <SecretLine
        secret={secret}
        label={`${trackerName} webhook secret`}
        onCopied={() => setCopied(true)}
      />
      <div class="inbound-steps">{children}</div>
      <button type="button" class="link" onClick={onHide}>
        I set it up in {trackerName}, hide the secret
      </button>
    </div>
  )
}
