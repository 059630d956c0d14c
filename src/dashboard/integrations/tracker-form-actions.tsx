import { AskFirstButton } from '../ui/ask-first-button'
import { RemoveIntegration } from './remove-integration'

/**
 * The end of a tracker's set-up form (GitHub, Linear): Save, and once connected, Rotate secret
 * and Remove, each asking in the page first. Every save makes a new webhook secret too, so the
 * form says so.
 */
export function TrackerFormActions({
  trackerName,
  connected,
  busy,
  rotateQuestion,
  onRotate,
  onRemove,
}: {
  trackerName: string
  connected: boolean
  busy: boolean
  /** What a new secret means for the tracker's webhook, asked before rotating. */
  rotateQuestion: string
  onRotate: () => Promise<void>
  onRemove: () => Promise<void>
}) {
  return (
    <>
      <div class="integration-actions">
        <button type="submit" class="primary" disabled={busy}>
          {connected ? 'Save changes' : 'Save and connect'}
        </button>
        {connected ? (
          <>
            <AskFirstButton
              label="Rotate secret"
              name={`Rotate secret of the ${trackerName} webhook`}
              question={rotateQuestion}
              confirmLabel="Rotate secret"
              onConfirm={onRotate}
            />
            <RemoveIntegration
              toolName={trackerName}
              consequence="Its token and secret are forgotten and its events refused; linked issues stay listed on their requests."
              onRemove={onRemove}
            />
          </>
        ) : null}
      </div>
      {connected ? <p class="hint">Saving changes makes a new webhook secret too.</p> : null}
    </>
  )
}
