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

/** Tab from the last control wraps to the first, Shift+Tab from the first to the last. */
function keepFocusInside(root: HTMLElement, event: KeyboardEvent) {
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
  // The latest onClose, so the document listener is added once, not at every render.
  const close = useRef(onClose)
  close.current = onClose

  useEffect(() => {
    initialFocus.current?.focus()
    document.documentElement.classList.add('drawer-open')
    return () => document.documentElement.classList.remove('drawer-open')
  }, [initialFocus])

  // On the document, not the panel: a control that disables itself after a save drops focus
  // to <body>, and Escape and Tab must still work from there.
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const root = panel.current
      if (!root) return
      if (event.key === 'Escape') {
        event.preventDefault()
        close.current()
      } else if (event.key === 'Tab') keepFocusInside(root, event)
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [])

  return (
    <>
      {/* The pointer's way out; the keyboard's is Escape or the Close button. */}
      <div class="drawer-backdrop" aria-hidden="true" onClick={onClose} />
      <div ref={panel} class="request-drawer" role="dialog" aria-modal="true" aria-label={label}>
        {children}
      </div>
    </>
  )
}
