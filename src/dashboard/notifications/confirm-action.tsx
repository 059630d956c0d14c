import type { ComponentChildren } from 'preact'
import { useEffect, useId, useRef, useState } from 'preact/hooks'

/**
 * A button that asks before it acts, in the page (never window.confirm): the button gives way
 * to the question with the action and Cancel. Focus goes to Cancel, the safe choice; Escape or
 * Cancel puts it back on the button. Nothing happens before the second press.
 */
export function ConfirmAction({
  label,
  name,
  question,
  confirmLabel,
  danger = false,
  onConfirm,
}: {
  /** The button's visible words ("Delete"). */
  label: string
  /** Its accessible name when the words alone are ambiguous in a list ("Delete https://…"). */
  name?: string
  /** What will happen, as a question, with its consequence. */
  question: ComponentChildren
  /** The confirming button's words ("Delete endpoint"). */
  confirmLabel: string
  danger?: boolean
  onConfirm: () => Promise<void> | void
}) {
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)
  const questionId = useId()
  const trigger = useRef<HTMLButtonElement>(null)
  const cancel = useRef<HTMLButtonElement>(null)
  // Where focus goes on the next render: into the question, or back to the button.
  const focusNext = useRef<'cancel' | 'trigger' | null>(null)

  useEffect(() => {
    if (focusNext.current === 'cancel') cancel.current?.focus()
    if (focusNext.current === 'trigger') trigger.current?.focus()
    focusNext.current = null
  })

  const close = () => {
    focusNext.current = 'trigger'
    setAsking(false)
  }

  if (!asking)
    return (
      <button
        type="button"
        ref={trigger}
        aria-label={name}
        class={danger ? 'danger-quiet' : undefined}
        onClick={() => {
          focusNext.current = 'cancel'
          setAsking(true)
        }}
      >
        {label}
      </button>
    )
  return (
    <div
      class="confirm-action"
      role="group"
      aria-labelledby={questionId}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return
        event.preventDefault()
        event.stopPropagation()
        close()
      }}
    >
      <p id={questionId}>{question}</p>
      <div class="confirm-action-buttons">
        <button
          type="button"
          class={danger ? 'danger' : 'primary'}
          disabled={busy}
          onClick={async () => {
            setBusy(true)
            try {
              await onConfirm()
            } finally {
              focusNext.current = 'trigger'
              setBusy(false)
              setAsking(false)
            }
          }}
        >
          {confirmLabel}
        </button>
        <button type="button" ref={cancel} onClick={close}>
          Cancel
        </button>
      </div>
    </div>
  )
}
