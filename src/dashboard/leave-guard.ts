/**
 * One question asked before the dashboard leaves a page that holds something it cannot show
 * again (the once-shown secret). A page sets the message while that holds and clears it after;
 * navigation asks confirmLeave() first, and closing the tab gets the browser's own prompt.
 */
let message: string | null = null

function onBeforeUnload(event: BeforeUnloadEvent) {
  event.preventDefault()
}

export function setLeaveGuard(next: string | null): void {
  if (next !== null && message === null) addEventListener('beforeunload', onBeforeUnload)
  if (next === null && message !== null) removeEventListener('beforeunload', onBeforeUnload)
  message = next
}

/** True when the page may be left: nothing is guarded, or the owner confirmed. */
export function confirmLeave(): boolean {
  // Without dialogs (some embedded views) there is no one to ask: leave, as before.
  if (message === null || typeof window.confirm !== 'function') return true
  if (!window.confirm(message)) return false
  setLeaveGuard(null)
  return true
}
