import { sendComment } from './comment'
import { HOOKS, selector } from './hooks'
import { checkChosenImages, hasChosenImages } from './images'
import { enhanceSearch } from './search'
import { sendNewRequest } from './submit'
import { sendVote } from './vote'

/**
 * portal.js: the portal's pages are whole without it (every form posts and redirects); with it,
 * votes, new requests and comments go through the portal's JSON routes without a page load, and
 * the board searches as you type. One listener on the document, so parts the search swaps in
 * work too. A failure here leaves the plain form to do its job.
 */
const handlers: Array<[string, (form: HTMLFormElement) => Promise<void>]> = [
  [HOOKS.vote, sendVote],
  [HOOKS.submit, sendNewRequest],
  [HOOKS.comment, sendComment],
]

document.addEventListener('submit', (event) => {
  const form = event.target
  if (!(form instanceof HTMLFormElement) || typeof fetch !== 'function') return
  const match = handlers.find(([hook]) => form.hasAttribute(hook))
  // A form with images posts itself (multipart): the server uploads them, then files it.
  if (!match || hasChosenImages(form)) return
  event.preventDefault()
  match[1](form).catch(() => form.submit())
})

document.addEventListener('change', (event) => {
  const input = event.target
  if (input instanceof HTMLInputElement && input.hasAttribute(HOOKS.images)) {
    checkChosenImages(input)
  }
})

for (const form of document.querySelectorAll<HTMLFormElement>(`form${selector(HOOKS.search)}`)) {
  enhanceSearch(form)
}
