const FOCUSABLE = 'button:not([disabled]),input,textarea,[href]'

/** The focused element, looking inside shadow roots (ours included). */
export function deepActiveElement(): Element | null {
  let active = document.activeElement
  while (active && active.shadowRoot && active.shadowRoot.activeElement) {
    active = active.shadowRoot.activeElement
  }
  return active
}

/** Focuses the view's preferred control (data-autofocus), else its first control. */
export function focusFirst(container: Element): void {
  const target =
    container.querySelector<HTMLElement>('[data-autofocus]') ||
    container.querySelector<HTMLElement>(FOCUSABLE)
  if (target) target.focus()
}

/** Keeps Tab and Shift+Tab cycling inside the dialog, as a modal dialog should. */
export function trapTab(event: KeyboardEvent, dialog: Element): void {
  const items = dialog.querySelectorAll<HTMLElement>(FOCUSABLE)
  const first = items[0]
  const last = items[items.length - 1]
  const active = deepActiveElement()
  if (event.key !== 'Tab' || !first || !last) return
  if (event.shiftKey ? active === first || !dialog.contains(active) : active === last) {
    event.preventDefault()
    ;(event.shiftKey ? last : first).focus()
  }
}
