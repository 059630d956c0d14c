import type { ComponentChildren } from 'preact'
import { useEffect, useId, useRef } from 'preact/hooks'
import './confirm-step.css'

interface Props {
  /** The question, and the step's accessible name: "Publish “Spring release”?" */
  question: ComponentChildren
  /** What will happen, read out with the question ("3 people will be emailed"). */
  children?: ComponentChildren
  confirmLabel: string
  /** The safe answer's words: "Cancel", or "Keep" where that says it better. */
  cancelLabel?: string
  /** `danger` for what cannot be undone: focus then starts on the safe answer, not on the act. */
  tone?: 'primary' | 'danger'
  /** Where focus starts; by default the safe answer for `danger`, else the act. */
  focusFirst?: 'confirm' | 'cancel'
  /**
   * `alertdialog` when the step opens beside the button that asked (focus jumps to a new
   * region); `group` when it takes that button's place and the page puts focus back itself.
   */
  role?: 'alertdialog' | 'group'
  busy?: boolean
  onConfirm(): void
  onCancel(): void
}

/**
 * The dashboard's one in-page confirmation (never window.confirm): focus moves into it, Escape
 * or the safe answer closes it and gives focus back to the button that opened it when that
 * button is still on the page.
 */
export function ConfirmStep({
  question,
  children,
  confirmLabel,
  cancelLabel = 'Cancel',
  tone = 'primary',
  focusFirst = tone === 'danger' ? 'cancel' : 'confirm',
  role = 'alertdialog',
  busy = false,
  onConfirm,
  onCancel,
}: Props) {
  const id = useId()
  const confirmRef = useRef<HTMLButtonElement>(null)
  const cancelRef = useRef<HTMLButtonElement>(null)
  const stepRef = useRef<HTMLDivElement>(null)
  // The button that opened the step, focused again when it closes without acting.
  const opener = useRef(document.activeElement as HTMLElement | null)

  // Focus goes to the step's first choice, or to the step itself while that choice waits
  // (counting who will hear); once it is ready, from the step itself on to the choice.
  useEffect(() => {
    const step = stepRef.current
    const target = (focusFirst === 'cancel' ? cancelRef : confirmRef).current
    if (!step || !target) return
    const active = document.activeElement
    if (active !== step && step.contains(active)) return
    if (target.disabled) step.focus()
    else target.focus()
  }, [focusFirst, busy])

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
      role={role}
      aria-labelledby={`${id}-question`}
      aria-describedby={children ? `${id}-detail` : undefined}
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
      {children ? (
        <div id={`${id}-detail`} class="confirm-detail">
          {children}
        </div>
      ) : null}
      <div class="confirm-choices">
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
          {cancelLabel}
        </button>
      </div>
    </div>
  )
}
