import type { FeedbackRequest } from '../../shared/api'
import { HOOKS } from './hooks'
import { refusalText, showNotice } from './notice'
import { portalWrite } from './portal-fetch'

/**
 * A vote without leaving the page: the vote form's own action, POST to vote or DELETE to take
 * it back (`data-voted`), then the count and the pressed state from the server's answer.
 */
export async function sendVote(form: HTMLFormElement): Promise<void> {
  const button = form.querySelector('button')
  if (button?.getAttribute('aria-busy') === 'true') return
  button?.setAttribute('aria-busy', 'true')
  const voted = form.getAttribute('data-voted') === 'true'
  const result = await portalWrite<{ request: FeedbackRequest }>(
    form.action,
    voted ? 'DELETE' : 'POST',
  )
  button?.removeAttribute('aria-busy')
  const request = result.data?.request
  if (!request) {
    showNotice(form, refusalText(result.status, result.message), form.nextElementSibling)
    return
  }
  showNotice(form, null, form.nextElementSibling)
  // The same request may show twice on a page (a lane and the list): keep them all in step.
  const id = form.getAttribute(HOOKS.vote) ?? ''
  for (const each of document.querySelectorAll<HTMLFormElement>(`form[${HOOKS.vote}]`)) {
    if (each.getAttribute(HOOKS.vote) === id) showVote(each, request)
  }
}

function showVote(form: HTMLFormElement, request: FeedbackRequest): void {
  form.setAttribute('data-voted', String(request.voted))
  const button = form.querySelector('button')
  const count = form.querySelector('.count')
  const before = count?.textContent ?? ''
  if (count) count.textContent = String(request.votes)
  if (!button) return
  button.setAttribute('aria-pressed', String(request.voted))
  // The server wrote the count into the button's name and tooltip: swap the number in place.
  for (const name of ['aria-label', 'title']) {
    const text = button.getAttribute(name)
    if (text && before) button.setAttribute(name, replaceLastNumber(text, before, request.votes))
  }
}

function replaceLastNumber(text: string, before: string, votes: number): string {
  const at = text.lastIndexOf(before)
  return at < 0 ? text : `${text.slice(0, at)}${votes}${text.slice(at + before.length)}`
}
