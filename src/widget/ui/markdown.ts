import { type ComponentChildren, h } from 'preact'
import { ATTACHMENT_SRC, SAFE_HREF } from '../../shared/markdown-nodes'

/** The tags of shared/markdown-nodes.ts: nothing else ever becomes an element. */
const TAGS = /^(h[456]|p|ul|ol|li|em|strong|del|code|pre|blockquote|a|br|hr|img)$/

/**
 * A changelog entry's node tree (parsed from Markdown on the server) as Preact elements. Text
 * stays text, unknown nodes vanish, and a link is made only to an http(s): or mailto: target,
 * opening in a new tab without a way back to the page. An image is made only from a Reqio
 * attachment's path, loaded from `imageBase` (the Reqio server's origin; '' on its own pages);
 * any other shows its alt text.
 */
export function renderMarkdown(nodes: unknown, imageBase = ''): ComponentChildren {
  return Array.isArray(nodes) ? nodes.map((node) => renderNode(node, imageBase)) : null
}

function renderNode(node: unknown, imageBase: string): ComponentChildren {
  if (typeof node === 'string') return node
  const { t, c, href, src, alt } = (node || {}) as Record<string, unknown>
  if (typeof t !== 'string' || !TAGS.test(t)) return null
  if (t === 'img') {
    const text = `${alt || ''}`
    return ATTACHMENT_SRC.test(`${src}`)
      ? h('img', { src: imageBase + src, alt: text, loading: 'lazy' })
      : text
  }
  const link = t === 'a' && SAFE_HREF.test(`${href}`)
  return h(
    t === 'a' && !link ? 'span' : t,
    link ? { href: `${href}`, target: '_blank', rel: 'noopener noreferrer' } : null,
    renderMarkdown(c, imageBase),
  )
}
