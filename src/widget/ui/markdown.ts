import { type ComponentChildren, h } from 'preact'
import { SAFE_HREF } from '../../shared/markdown-nodes'

/** The tags of shared/markdown-nodes.ts: nothing else ever becomes an element. */
const TAGS = /^(h[456]|p|ul|ol|li|em|strong|del|code|pre|blockquote|a|br|hr)$/

/**
 * A changelog entry's node tree (parsed from Markdown on the server) as Preact elements. Text
 * stays text, unknown nodes vanish, and a link is made only to an http(s): or mailto: target,
 * opening in a new tab without a way back to the page.
 */
export function renderMarkdown(nodes: unknown): ComponentChildren {
  return Array.isArray(nodes) ? nodes.map(renderNode) : null
}

function renderNode(node: unknown): ComponentChildren {
  if (typeof node === 'string') return node
  const { t, c, href } = (node || {}) as { t?: unknown; c?: unknown; href?: unknown }
  if (typeof t !== 'string' || !TAGS.test(t)) return null
  const link = t === 'a' && SAFE_HREF.test(`${href}`)
  return h(
    t === 'a' && !link ? 'span' : t,
    link ? { href: `${href}`, target: '_blank', rel: 'noopener noreferrer' } : null,
    renderMarkdown(c),
  )
}
