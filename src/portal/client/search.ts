import { HOOKS, selector } from './hooks'
import { portalPage } from './portal-fetch'

const SETTLE_MS = 250

/**
 * Search as you type on the board: once typing settles, the board the GET form would open is
 * fetched and its count and list take the place of these, the URL following along (so Back
 * and a shared link show the same). Without the script the form's submit does the same.
 */
export function enhanceSearch(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')
  if (!input) return
  let timer: ReturnType<typeof setTimeout> | undefined
  let inFlight: AbortController | null = null
  input.addEventListener('input', () => {
    clearTimeout(timer)
    timer = setTimeout(async () => {
      inFlight?.abort()
      const controller = new AbortController()
      inFlight = controller
      const url = boardUrl(form)
      const fresh = await portalPage(url, controller.signal)
      if (controller.signal.aborted || !fresh) return
      if (swapResults(fresh)) history.replaceState(history.state, '', url)
    }, SETTLE_MS)
  })
}

function boardUrl(form: HTMLFormElement): string {
  const params = new URLSearchParams()
  for (const [name, value] of new FormData(form)) {
    if (typeof value === 'string' && value !== '') params.set(name, value)
  }
  const query = params.toString()
  const action = new URL(form.action)
  return `${action.pathname}${query ? `?${query}` : ''}`
}

/** The count line and whatever follows it (the list, or "nothing found"), from the fresh board. */
function swapResults(fresh: Document): boolean {
  const count = document.querySelector(selector(HOOKS.count))
  const freshCount = fresh.querySelector(selector(HOOKS.count))
  if (!count || !freshCount) return false
  count.textContent = freshCount.textContent
  const results = count.nextElementSibling
  const freshResults = freshCount.nextElementSibling
  if (!results || !freshResults) return false
  results.replaceWith(document.importNode(freshResults, true))
  return true
}
