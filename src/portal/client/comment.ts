import { HOOKS, selector } from './hooks'
import { refusalText, showNotice } from './notice'
import { newIdempotencyKey, portalPage, portalWrite } from './portal-fetch'

const keys = new WeakMap<HTMLFormElement, string>()

/**
 * Posts the comment, then shows the thread as the server now renders it (one source of truth
 * for its markup, names and dates in the page's language), keeping the visitor in the form.
 */
export async function sendComment(form: HTMLFormElement): Promise<void> {
  const text = form.querySelector('textarea')
  const key = keys.get(form) ?? newIdempotencyKey()
  keys.set(form, key)
  const submit = form.querySelector<HTMLButtonElement>('button[type="submit"]')
  if (submit) submit.disabled = true
  const result = await portalWrite(form.action, 'POST', { body: text?.value ?? '' }, key)
  if (submit) submit.disabled = false
  if (!result.ok) {
    showNotice(form, refusalText(result.status, result.message))
    return
  }
  keys.delete(form)
  if (text) text.value = ''
  showNotice(form, null)
  const fresh = await portalPage(location.href)
  if (!fresh || !swapThread(form, fresh)) location.reload()
}

/** Replaces the thread's heading and its list (or its "no comments yet" line) with fresh ones. */
function swapThread(form: HTMLFormElement, fresh: Document): boolean {
  const thread = form.closest('section')
  const freshForm = fresh.querySelector(`form[${HOOKS.comment}]`)
  const freshThread = freshForm?.closest('section')
  if (!thread || !freshThread) return false
  const heading = thread.querySelector('h2')
  const freshHeading = freshThread.querySelector('h2')
  if (heading && freshHeading) heading.textContent = freshHeading.textContent
  const freshList = freshThread.querySelector(selector(HOOKS.comments))
  if (!freshList) return false
  const list = thread.querySelector(`${selector(HOOKS.comments)}, .empty`)
  const adopted = document.importNode(freshList, true)
  if (list) list.replaceWith(adopted)
  else form.before(adopted)
  return true
}
