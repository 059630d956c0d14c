import { useState } from 'preact/hooks'
import type { AdminResult } from '../api/admin-client'
import type { IntegrationsClient, TrackerKind } from './integrations-client'
import { TRACKER_LABELS } from './issue-label'

/**
 * What the GitHub and Linear cards share: save (which answers a new inbound secret, shown once),
 * rotate that secret, remove; each says what happened. `onChanged` reloads the overview, so the
 * status line follows.
 */
export function useTrackerSetUp<Body extends object>({
  api,
  projectId,
  kind,
  send,
  onChanged,
}: {
  api: IntegrationsClient
  projectId: string
  kind: TrackerKind
  /** POST …/integrations/{kind}: every call answers a new secret. */
  send: (body: Body) => Promise<AdminResult<{ secret: string }>>
  onChanged: () => Promise<void> | void
}) {
  const name = TRACKER_LABELS[kind]
  const [secret, setSecret] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [saved, setSaved] = useState('')
  const [error, setError] = useState<string | null>(null)

  async function setUp(body: Body, done: string, failure: string): Promise<boolean> {
    setBusy(true)
    setSaved('')
    const result = await send(body)
    setBusy(false)
    setError(result.ok ? null : `${failure}: ${result.message}`)
    if (!result.ok) return false
    setSecret(result.data.secret)
    setSaved(done)
    await onChanged()
    return true
  }

  return {
    secret,
    busy,
    saved,
    error,
    hideSecret: () => setSecret(null),
    save: (body: Body, connected: boolean) =>
      setUp(
        body,
        // A secret the tracker made itself (Linear's form) is already in the tracker.
        'webhookSecret' in body
          ? `${name} settings saved: Reqio checks ${name}'s events with the signing secret you pasted.`
          : connected
            ? `${name} settings saved, with a new webhook secret: paste it in ${name}.`
            : `${name} is connected. Now add the webhook in ${name}, as below.`,
        `${name} was not saved`,
      ),
    /** The same call with nothing changed: only the secret is new. */
    rotate: () =>
      setUp(
        {} as Body,
        `New webhook secret made: paste it in ${name}; the old one is refused from now on.`,
        'The secret was not rotated',
      ),
    async remove() {
      const result = await api.remove(projectId, kind)
      setError(result.ok ? null : `${name} was not removed: ${result.message}`)
      if (!result.ok) return
      setSecret(null)
      setSaved(`${name} removed: its token and secret are forgotten, and its events are refused.`)
      await onChanged()
    },
  }
}
