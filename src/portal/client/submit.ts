import type { FeedbackRequest } from '../../shared/api'
import { HOOKS } from './hooks'
import { refusalText, showNotice } from './notice'
import { newIdempotencyKey, portalWrite } from './portal-fetch'

/** Keys of the drafts being sent, so a retry of the same draft files it once. */
const keys = new WeakMap<HTMLFormElement, string>()

/** Files the request the form holds, then opens its page (where the visitor can follow it). */
export async function sendNewRequest(form: HTMLFormElement): Promise<void> {
  const fields = new FormData(form)
  const key = keys.get(form) ?? newIdempotencyKey()
  keys.set(form, key)
  const submit = form.querySelector<HTMLButtonElement>('button[type="submit"]')
  if (submit) submit.disabled = true
  const result = await portalWrite<{ request: FeedbackRequest }>(
    form.action,
    'POST',
    { title: String(fields.get('title') ?? ''), body: String(fields.get('body') ?? '') },
    key,
  )
  if (submit) submit.disabled = false
  const request = result.data?.request
  if (!request) {
    showNotice(form, refusalText(result.status, result.message))
    return
  }
  keys.delete(form)
  const root = document.body.getAttribute(HOOKS.root) ?? ''
  location.assign(`${root}/requests/${encodeURIComponent(request.id)}`)
}
