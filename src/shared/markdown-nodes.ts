/**
 * The safe tree a changelog entry's Markdown becomes (`bodyNodes` on the wire). Only these tags
 * exist; text is always text; a link's `href` is an absolute http(s): or mailto: URL; an image's
 * `src` is the path of one of the project's own attachments (any other image is its alt text).
 * The widget and the dashboard turn it into elements one by one, never into an HTML string.
 */
export const MARKDOWN_TAGS = [
  'h4',
  'h5',
  'h6',
  'p',
  'ul',
  'ol',
  'li',
  'em',
  'strong',
  'del',
  'code',
  'pre',
  'blockquote',
  'a',
  'br',
  'hr',
  'img',
] as const
export type MarkdownTag = (typeof MARKDOWN_TAGS)[number]

export interface MarkdownElement {
  t: MarkdownTag
  /** Children; absent for br and hr. */
  c?: MarkdownNode[]
  /** Links only. */
  href?: string
  /** Images only: an attachment's path, `/v1/projects/{pid}/attachments/{id}` (load it from Reqio). */
  src?: string
  /** Images only. */
  alt?: string
}

export type MarkdownNode = string | MarkdownElement

/** The link targets an entry may have; anything else renders as its text. */
export const SAFE_HREF = /^(https?:\/\/|mailto:)/i

/** The only image sources an entry may have: a Reqio attachment's path (spec/api.md v3 "Images"). */
export const ATTACHMENT_SRC = /^\/v1\/projects\/[\w%.~-]+\/attachments\/[\w-]{1,64}$/
