import { describe, expect, it } from 'vitest'
import { markdownToNodes, safeHref, textOf } from '../../src/shared/markdown'
import { MARKDOWN_TAGS, type MarkdownNode, SAFE_HREF } from '../../src/shared/markdown-nodes'
import { XSS_PAYLOADS } from '../helpers/xss-payloads'

function walk(nodes: MarkdownNode[], visit: (node: Exclude<MarkdownNode, string>) => void) {
  for (const node of nodes) {
    if (typeof node === 'string') continue
    visit(node)
    walk(node.c ?? [], visit)
  }
}

describe('markdownToNodes', () => {
  it('turns headings, emphasis, lists, links and code into the node tree', () => {
    expect(
      markdownToNodes(
        '# Title\n\n## Sub\n\nSome *em*, **strong**, ~~gone~~ and `code`, [a link](https://example.com/x).\n\n- one\n- two\n\n1. first\n\n```\nblock <code>\n```',
      ),
    ).toEqual([
      { t: 'h4', c: ['Title'] },
      { t: 'h5', c: ['Sub'] },
      {
        t: 'p',
        c: [
          'Some ',
          { t: 'em', c: ['em'] },
          ', ',
          { t: 'strong', c: ['strong'] },
          ', ',
          { t: 'del', c: ['gone'] },
          ' and ',
          { t: 'code', c: ['code'] },
          ', ',
          { t: 'a', c: ['a link'], href: 'https://example.com/x' },
          '.',
        ],
      },
      {
        t: 'ul',
        c: [
          { t: 'li', c: ['one'] },
          { t: 'li', c: ['two'] },
        ],
      },
      { t: 'ol', c: [{ t: 'li', c: ['first'] }] },
      { t: 'pre', c: [{ t: 'code', c: ['block <code>'] }] },
    ])
  })

  it('keeps mailto: links and reads entities as the characters they name', () => {
    expect(markdownToNodes('[mail us](mailto:team@example.com) Tom &amp; Jerry &lt;3')).toEqual([
      {
        t: 'p',
        c: [{ t: 'a', c: ['mail us'], href: 'mailto:team@example.com' }, ' Tom & Jerry <3'],
      },
    ])
  })

  it('drops HTML tags but keeps the text between them', () => {
    expect(markdownToNodes('Hello <b>bold</b> world')).toEqual([
      { t: 'p', c: ['Hello bold world'] },
    ])
  })

  it.each(XSS_PAYLOADS)(
    'makes %j harmless: allowed tags only, safe links only, no other attributes',
    (payload) => {
      const nodes = markdownToNodes(payload)
      walk(nodes, (node) => {
        expect(MARKDOWN_TAGS).toContain(node.t)
        expect(Object.keys(node).every((key) => ['t', 'c', 'href'].includes(key))).toBe(true)
        if (node.t === 'a') expect(node.href).toMatch(SAFE_HREF)
        else expect(node.href).toBeUndefined()
        if (node.href) expect(() => new URL(node.href as string)).not.toThrow()
      })
      // Whatever text shows is only text: the tree has no place for markup to become elements.
      expect(JSON.stringify(nodes)).not.toMatch(
        /"t":"(script|img|svg|iframe|style|object|form|div)"/,
      )
    },
  )

  it('refuses every link target but absolute http(s): and mailto:', () => {
    expect(safeHref('https://example.com')).toBe('https://example.com/')
    expect(safeHref('HTTP://EXAMPLE.com/a')).toBe('http://example.com/a')
    expect(safeHref('mailto:a@b.c')).toBe('mailto:a@b.c')
    for (const bad of [
      'javascript:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,x',
      '/x',
      '//x.com',
      'ftp://x.com',
      'java\nscript:alert(1)',
    ])
      expect(safeHref(bad)).toBeNull()
  })

  it('reads an unsafe link as its text', () => {
    const nodes = markdownToNodes('[click me](javascript:alert(1))')
    expect(nodes).toEqual([{ t: 'p', c: ['click me'] }])
    expect(textOf(nodes[0] as MarkdownNode)).toBe('click me')
  })
})
