import type { ComponentChildren } from 'preact'

/**
 * The one line each tool's card opens with: connected (and to what) or not set up. The words
 * say it, so the dot beside them is decoration only.
 */
export function IntegrationStatus({
  connected,
  children,
}: {
  connected: boolean
  /** What it is connected to ("issues of acme/app"); ignored when not set up. */
  children?: ComponentChildren
}) {
  return (
    <p class={`integration-status ${connected ? 'connected' : 'not-set-up'}`}>
      <span class="integration-dot" aria-hidden="true" />
      <span>
        <strong>{connected ? 'Connected' : 'Not set up'}</strong>
        {connected && children ? <>: {children}</> : null}
      </span>
    </p>
  )
}
