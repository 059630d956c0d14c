import { useEffect, useRef } from 'preact/hooks'

/**
 * The in-page "Remove Sam from the team?" step that replaces a row's buttons: focus moves to
 * "Keep" (the safe answer), Escape keeps, and the page puts focus back on Remove afterwards.
 */
export function ConfirmRemoval({
  who,
  onRemove,
  onKeep,
}: {
  who: string
  onRemove: () => void
  onKeep: () => void
}) {
  const keep = useRef<HTMLButtonElement>(null)
  useEffect(() => keep.current?.focus(), [])
  const question = `Remove ${who} from the team?`
  return (
    <div
      class="confirm"
      role="group"
      aria-label={question}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onKeep()
      }}
    >
      <span>{question} Their sessions end at once.</span>
      <button type="button" class="danger" onClick={onRemove}>
        Remove
      </button>
      <button type="button" ref={keep} onClick={onKeep}>
        Keep
      </button>
    </div>
  )
}
