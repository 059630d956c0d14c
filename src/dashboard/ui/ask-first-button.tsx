import type { ComponentChildren } from 'preact'
import { useEffect, useRef, useState } from 'preact/hooks'
import { ConfirmStep } from './confirm-step'

/**
 * A button that asks before it acts: pressed, it gives way to a ConfirmStep in its place, with
 * focus on Cancel (the safe choice); Escape or Cancel puts focus back on the button. Nothing
 * happens before the second press.
 */
export function AskFirstButton({
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
  const trigger = useRef<HTMLButtonElement>(null)
  // The step is gone when focus must return: the button takes it on the render after.
  const focusTriggerNext = useRef(false)

  useEffect(() => {
    if (focusTriggerNext.current) trigger.current?.focus()
    focusTriggerNext.current = false
  })

  const close = () => {
    focusTriggerNext.current = true
    setAsking(false)
  }

  if (!asking)
    return (
      <button
        type="button"
        ref={trigger}
        aria-label={name}
        class={danger ? 'danger-quiet' : undefined}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    )
  return (
    <ConfirmStep
      role="group"
      question={question}
      confirmLabel={confirmLabel}
      tone={danger ? 'danger' : 'primary'}
      focusFirst="cancel"
      busy={busy}
      onCancel={close}
      onConfirm={async () => {
        setBusy(true)
        try {
          await onConfirm()
        } finally {
          setBusy(false)
          close()
        }
      }}
    />
  )
}
