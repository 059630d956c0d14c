import { Lexer, type Token, type Tokens } from 'marked'
import { attachmentPath } from './api/attachments'
import { inlineWorkProblem, lineProblem, MAX_TREE_DEPTH, treeDepth } from './markdown-bounds'
import {
  ATTACHMENT_SRC,
  type MarkdownElement,
  type MarkdownNode,
  type MarkdownTag,
  SAFE_HREF,
} from './markdown-nodes'

/** A body within the bounds of markdown-bounds.ts becomes nodes; any other is refused, saying why. */
export type MarkdownParse = { nodes: MarkdownNode[] } | { refused: string }

/**
 * A changelog entry's Markdown as a safe node tree (see markdown-nodes.ts): headings, emphasis,
 * strike-through, lists, links, inline and block code, quotes and rules. HTML is never kept:
 * tags are dropped and the text between them stays text. An image shows only when it is one of
 * the project's own attachments (`projectId`'s `/v1/projects/{pid}/attachments/{id}`, relative
 * or on any origin: the tree keeps the path, loaded from Reqio); any other image becomes its alt
 * text, so an entry never loads from elsewhere. Tables become their cells' text. The server parses once per write and stores the tree; the dashboard
 * previews with it, so what the owner sees is what the widget shows.
 *
 * Nesting and emphasis work are bounded before marked runs (markdown-bounds.ts): a body past
 * them is refused, never half-parsed. Never throws.
 */
export function parseMarkdown(markdown: string, projectId?: string): MarkdownParse {
  // The parse is synchronous: the project whose attachments may show holds for this call only.
  imagesOf = projectId ?? null
  try {
    return parseWithinBounds(markdown)
  } finally {
    imagesOf = null
  }
}

/** The project whose attachments the parse under way shows as images (null: none). */
let imagesOf: string | null = null

function parseWithinBounds(markdown: string): MarkdownParse {
  const src = markdown.replace(/\r\n?/g, '\n')
  const nesting = lineProblem(src)
  if (nesting) return { refused: nesting }
  try {
    const lexer = new Lexer({ gfm: true })
    const tokens = lexer.blockTokens(src, lexer.tokens)
    // What Lexer.lex does, with each paragraph's cost checked before its inline pass.
    const work = inlineWorkProblem(lexer.inlineQueue.map((queued) => queued.src))
    if (work) return { refused: work }
    for (const queued of lexer.inlineQueue) {
      lexer.state.inRawBlock = false
      lexer.inlineTokens(queued.src, queued.tokens)
    }
    lexer.inlineQueue = []
    const nodes = blocks(tokens)
    if (treeDepth(nodes) > MAX_TREE_DEPTH)
      return { refused: `it nests more than ${MAX_TREE_DEPTH} levels deep` }
    return { nodes }
  } catch {
    // A stack overflow or a lexer error on input the bounds did not foresee: refused, not fatal.
    return { refused: 'it could not be read as Markdown' }
  }
}

/** The tree, or the body as plain paragraphs when it is past the bounds (previews, old rows). */
export function markdownToNodes(markdown: string, projectId?: string): MarkdownNode[] {
  const parsed = parseMarkdown(markdown, projectId)
  return 'nodes' in parsed ? parsed.nodes : markdownAsPlainText(markdown)
}

/** Text only: one paragraph per blank-line-separated block, nothing interpreted. */
export function markdownAsPlainText(markdown: string): MarkdownNode[] {
  return markdown
    .split(/\r?\n\s*\r?\n/)
    .map((block) => block.trim())
    .filter((block) => block !== '')
    .map((block) => el('p', [block]))
}

/** The panel's title is h2 and an entry's title h3: an entry's own headings start below them. */
const HEADING_TAGS: MarkdownTag[] = ['h4', 'h5', 'h6', 'h6', 'h6', 'h6']

function el(t: MarkdownTag, c?: MarkdownNode[], href?: string): MarkdownElement {
  return href ? { t, c, href } : c ? { t, c } : { t }
}

function blocks(tokens: Token[] | undefined): MarkdownNode[] {
  const out: MarkdownNode[] = []
  for (const token of tokens ?? []) {
    const node = block(token)
    if (node) out.push(node)
  }
  return out
}

function block(token: Token): MarkdownNode | null {
  switch (token.type) {
    case 'heading': {
      const heading = token as Tokens.Heading
      return el(HEADING_TAGS[heading.depth - 1] ?? 'h6', inlines(heading.tokens))
    }
    case 'paragraph':
      return el('p', inlines((token as Tokens.Paragraph).tokens))
    case 'text': {
      // A tight list item's text: inline tokens, or plain text.
      const text = token as Tokens.Text
      return el('p', text.tokens ? inlines(text.tokens) : [decodeEntities(text.text)])
    }
    case 'list': {
      const list = token as Tokens.List
      return el(
        list.ordered ? 'ol' : 'ul',
        list.items.map((item) => el('li', listItem(item))),
      )
    }
    case 'code':
      return el('pre', [el('code', [(token as Tokens.Code).text])])
    case 'blockquote':
      return el('blockquote', blocks((token as Tokens.Blockquote).tokens))
    case 'hr':
      return el('hr')
    case 'html': {
      const text = stripTags((token as Tokens.HTML).text).trim()
      return text ? el('p', [text]) : null
    }
    case 'table': {
      const table = token as Tokens.Table
      const rows = [table.header, ...table.rows].map((cells) =>
        cells.map((cell) => cell.text).join(' | '),
      )
      return el('p', [decodeEntities(rows.join('\n'))])
    }
    default:
      // space, def and anything a later marked adds: nothing to show.
      return null
  }
}

/** A tight item's text shows without a paragraph around it. */
function listItem(item: Tokens.ListItem): MarkdownNode[] {
  const children = blocks(item.tokens)
  if (item.loose) return children
  return children.flatMap((child) =>
    typeof child !== 'string' && child.t === 'p' ? (child.c ?? []) : [child],
  )
}

function inlines(tokens: Token[] | undefined): MarkdownNode[] {
  const out: MarkdownNode[] = []
  for (const token of tokens ?? []) {
    for (const node of inline(token)) {
      // Neighbouring text merges, so dropped tags leave one text node, not many.
      const last = out[out.length - 1]
      if (typeof node === 'string' && typeof last === 'string') out[out.length - 1] = last + node
      else out.push(node)
    }
  }
  return out
}

function inline(token: Token): MarkdownNode[] {
  switch (token.type) {
    case 'text': {
      const text = token as Tokens.Text
      return text.tokens ? inlines(text.tokens) : [decodeEntities(text.text)]
    }
    case 'escape':
      return [(token as Tokens.Escape).text]
    case 'strong':
    case 'em':
    case 'del':
      return [el(token.type, inlines((token as Tokens.Strong).tokens))]
    case 'codespan':
      return [el('code', [decodeEntities((token as Tokens.Codespan).text)])]
    case 'br':
      return [el('br')]
    case 'link': {
      const link = token as Tokens.Link
      const children = inlines(link.tokens)
      const href = safeHref(link.href)
      // A link we will not follow still shows its text.
      if (!href) return children
      return [el('a', children.length ? children : [href], href)]
    }
    case 'image': {
      const image = token as Tokens.Image
      const alt = decodeEntities(image.text)
      const src = attachmentSrc(image.href)
      return src ? [{ t: 'img', src, alt }] : [alt]
    }
    case 'html':
      // Inline HTML never renders; the text between tags is its own token.
      return []
    default:
      return 'text' in token && typeof token.text === 'string' ? [decodeEntities(token.text)] : []
  }
}

/** The text a node shows, without its formatting. */
export function textOf(node: MarkdownNode): string {
  return typeof node === 'string' ? node : (node.c ?? []).map(textOf).join('')
}

/**
 * The path of an attachment of the project being parsed, from a relative path or an absolute
 * http(s) URL of any origin; null for every other image.
 */
function attachmentSrc(raw: string): string | null {
  if (imagesOf === null) return null
  let path: string
  try {
    const url = new URL(raw.trim(), 'http://relative.invalid')
    if (!['http:', 'https:'].includes(url.protocol) || url.search || url.hash) return null
    path = url.pathname
  } catch {
    return null
  }
  const prefix = attachmentPath(imagesOf, '')
  return ATTACHMENT_SRC.test(path) && path.startsWith(prefix) ? path : null
}

/** An absolute http(s): or mailto: URL, normalised, or null for anything else. */
export function safeHref(raw: string): string | null {
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    return null
  }
  if (!['http:', 'https:', 'mailto:'].includes(url.protocol)) return null
  const href = url.href
  return SAFE_HREF.test(href) ? href : null
}

function stripTags(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>?/g, ''))
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
}

/** marked leaves entities as written; as text they should read as the character they name. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, name: string) => {
    if (name[0] !== '#') return NAMED_ENTITIES[name.toLowerCase()] ?? match
    const code =
      name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : +name.slice(1)
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match
  })
}
