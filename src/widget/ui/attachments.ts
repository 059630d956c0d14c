import type { Attachment } from '../../shared/api'

/** The API's base URL (config.apiUrl): one widget per page, set when its UI starts. */
let apiUrl = ''
export const setAttachmentsBase = (url: string) => {
  apiUrl = url
}

/**
 * An image from a server answer, or undefined when it is not one. Its url is a path on the API's
 * server (spec/api.md "Images"), made whole here as every other call is (`apiUrl` + path). It
 * becomes a link and an image in the host page: only http(s) ever does (never `javascript:`
 * from a tampered answer).
 */
export function asAttachment(value: unknown): Attachment | undefined {
  const a = value as Attachment
  if (!a || typeof a.id !== 'string' || typeof a.url !== 'string') return
  const url = a.url[0] === '/' ? apiUrl + a.url : a.url
  if (/^https?:\/\//.test(url)) return { ...a, url }
}

/** The images of a request or comment as answered; anything else is none. */
export const asAttachments = (value: unknown): Attachment[] =>
  Array.isArray(value) ? (value.map(asAttachment).filter((a) => a) as Attachment[]) : []
