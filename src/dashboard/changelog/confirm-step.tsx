import type { ComponentChildren } from 'preact'
import { useEffect, useId, useRef } from 'preact/hooks'

interface Props {
  /** The question, and the step's accessible name: "Publish “Spring release”?" */
  question: string
  /** What will happen, read out with the question ("3 people will be emailed"). */
  children: ComponentChildren
  confirmLabel: string
  /** `danger` for what cannot be undone: focus then starts on Cancel, not on the act. */
  tone?: 'primary' | 'danger'
  busy?: boolean
  onConfirm(): void
  onCancel(): void
}

/**
 * An in-page confirmation under the button that asked for it (never window.confirm): focus
 * moves into it, Escape or Cancel closes it and gives focus back to that button.
 */
export function ConfirmStep({
  question,
  children,
  confirmLabel,
  tone = 'primary',
  busy = false,
  onConfirm,
  onCancel,
}: Props) {
  const id = useId()
  const confirmRef = useRef<HTMLButtonElement>(null)
  const cancelRef = useRef<HTMLButtonElement>(null)
  // The button that opened the step, focused again when it closes without acting.
  const opener = useRef(document.activeElement as HTMLElement | null)

  const stepRef = useRef<HTMLDivElement>(null)

  // Focus goes to the step's first choice, or to the step itself while that choice waits
  // (counting who will hear); once it is ready, from the step itself on to the choice.
  useEffect(() => {
    const step = stepRef.current
    const target = (tone === 'danger' ? cancelRef : confirmRef).current
    if (!step || !target) return
    const active = document.activeElement
    if (active !== step && step.contains(active)) return
    if (target.disabled) step.focus()
    else target.focus()
  }, [tone, busy])

  const cancel = () => {
    onCancel()
    const back = opener.current
    if (back?.isConnected) back.focus()
  }

  return (
    <div
      ref={stepRef}
      tabIndex={-1}
      class={`confirm-step ${tone}`}
      role="alertdialog"
      aria-labelledby={`${id}-question`}
      aria-describedby={`${id}-detail`}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return
        event.preventDefault()
        event.stopPropagation()
        cancel()
      }}
    >
      <p id={`${id}-question`} class="confirm-question">
        {question}
      </p>
      <div id={`${id}-detail`} class="confirm-detail">
        {children}
      </div>
      <div class="actions">
        <button
          ref={confirmRef}
          type="button"
          class={tone === 'danger' ? 'danger' : 'primary'}
          disabled={busy}
          onClick={onConfirm}
        >
          {confirmLabel}
        </button>
        <button ref={cancelRef} type="button" onClick={cancel}>
          Cancel
        </button>
      </div>
    </div>
  )
}
