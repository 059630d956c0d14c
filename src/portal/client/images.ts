import {
  ATTACHMENT_CONTENT_TYPES,
  ATTACHMENT_MAX_BYTES,
  ATTACHMENTS_MAX_PER_ITEM,
} from '../../shared/api/attachments'
import { HOOKS, selector } from './hooks'

/** What the server takes (spec/api.md "Images"): refused here first, before any upload. */
const ACCEPTED_TYPES: readonly string[] = ATTACHMENT_CONTENT_TYPES

/**
 * Whether the form carries chosen images: then the browser posts it itself (multipart, as with
 * JavaScript off) and the server uploads them before filing the words.
 */
export function hasChosenImages(form: HTMLFormElement): boolean {
  const input = form.querySelector<HTMLInputElement>(selector(HOOKS.images))
  return !!input?.files?.length
}

/**
 * Refuses, as they are chosen, images the server would refuse (type, size, how many), so the
 * form is never posted only to come back refused. The message is the field's own hint, in the
 * page's language; the browser shows it, and keeps the form (and its words) as it is.
 */
export function checkChosenImages(input: HTMLInputElement): void {
  const files = Array.from(input.files ?? [])
  const fits =
    files.length <= ATTACHMENTS_MAX_PER_ITEM &&
    files.every((file) => ACCEPTED_TYPES.includes(file.type) && file.size <= ATTACHMENT_MAX_BYTES)
  const hint = document.getElementById(input.getAttribute('aria-describedby') ?? '')
  input.setCustomValidity(fits ? '' : (hint?.textContent ?? ' '))
  if (!fits) input.reportValidity()
}
