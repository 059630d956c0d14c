import type { ComponentChildren, RefObject } from 'preact'
import { useEffect, useRef } from 'preact/hooks'

/** What Tab can reach inside the drawer. */
const FOCUSABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  'summary',
  '[tabindex]:not([tabindex="-1"])',
].join(',')

function tabbable(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (element) => !element.closest('[hidden], [inert]'),
  )
}

/**
 * A modal panel over the page, from the right edge (the whole width on a phone): it takes
 * focus on open (`initialFocus`), keeps Tab inside, and Escape or a click beside it closes it.
 * The page behind does not scroll while it is open.
 */
export function DrawerDialog({
  label,
  initialFocus,
  onClose,
  children,
}: {
  /** The dialog's accessible name. */
  label: string
  initialFocus: RefObject<HTMLElement>
  onClose: () => void
  children: ComponentChildren
}) {
  const panel = useRef<HTMLDivElement>(null)

  useEffect(() => {
    initialFocus.current?.focus()
    document.documentElement.classList.add('drawer-open')
    return () => document.documentElement.classList.remove('drawer-open')
  }, [initialFocus])

  function keepFocusInside(event: KeyboardEvent) {
    const root = panel.current
    if (!root) return
    if (event.key === 'Escape') {
      event.stopPropagation()
      onClose()
      return
    }
    if (event.key !== 'Tab') return
    const items = tabbable(root)
    const first = items[0]
    const last = items[items.length - 1]
    if (!first || !last) return
    const active = document.activeElement
    const outside = !(active instanceof HTMLElement) || !items.includes(active)
    if (event.shiftKey && (active === first || outside)) {
      event.preventDefault()
      last.focus()
    } else if (!event.shiftKey && (active === last || outside)) {
      event.preventDefault()
      first.focus()
    }
  }

  return (
    <>
      {/* The pointer's way out; the keyboard's is Escape or the Close button. */}
      <div class="drawer-backdrop" aria-hidden="true" onClick={onClose} />
      <div
        ref={panel}
        class="request-drawer"
        role="dialog"
        aria-modal="true"
        aria-label={label}
        onKeyDown={keepFocusInside}
      >
        {children}
      </div>
    </>
  )
}
