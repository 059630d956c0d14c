/**
 * The safe tree a changelog entry's Markdown becomes (`bodyNodes` on the wire). Only these tags
 * exist; text is always text; a link's `href` is an absolute http(s): or mailto: URL. The widget
 * and the dashboard turn it into elements one by one, never into an HTML string.
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
] as const
export type MarkdownTag = (typeof MARKDOWN_TAGS)[number]

export interface MarkdownElement {
  t: MarkdownTag
  /** Children; absent for br and hr. */
  c?: MarkdownNode[]
  /** Links only. */
  href?: string
}

export type MarkdownNode = string | MarkdownElement

/** The link targets an entry may have; anything else renders as its text. */
export const SAFE_HREF = /^(https?:\/\/|mailto:)/i
