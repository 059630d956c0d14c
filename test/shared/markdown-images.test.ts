import { h } from 'preact'
import { renderToString } from 'preact-render-to-string'
import { describe, expect, it } from 'vitest'
import { markdownToNodes } from '../../src/shared/markdown'
import { ATTACHMENT_SRC, type MarkdownNode } from '../../src/shared/markdown-nodes'
import { renderMarkdown } from '../../src/widget/ui/markdown'
import { XSS_PAYLOADS } from '../helpers/xss-payloads'

const OWN = '/v1/projects/p1/attachments/att_abc-123'

function images(nodes: MarkdownNode[]): Array<Exclude<MarkdownNode, string>> {
  return nodes.flatMap((node) =>
    typeof node === 'string' ? [] : [...(node.t === 'img' ? [node] : []), ...images(node.c ?? [])],
  )
}

describe('images in Markdown (spec/api.md v3 "Images")', () => {
  it("shows the project's own attachment as an image, by its path", () => {
    expect(markdownToNodes(`![the chart](${OWN})`, 'p1')).toEqual([
      { t: 'p', c: [{ t: 'img', src: OWN, alt: 'the chart' }] },
    ])
  })

  it('keeps only the path of an attachment written with an origin: it loads from Reqio', () => {
    const nodes = markdownToNodes(`![x](https://anywhere.example${OWN})`, 'p1')
    expect(images(nodes)).toEqual([{ t: 'img', src: OWN, alt: 'x' }])
  })

  it.each([
    ['another project’s attachment', '/v1/projects/p2/attachments/att_abc'],
    ['an image elsewhere', 'https://tracker.example/pixel.png'],
    ['a data: URL', 'data:image/png;base64,AAAA'],
    ['javascript:', 'javascript:alert(1)'],
    ['an attachment path with a query', `${OWN}?x=1`],
    ['a path that only starts like one', '/v1/projects/p1/attachments/att_abc/../../admin'],
  ])('shows %s as its alt text', (_name, src) => {
    const nodes = markdownToNodes(`![alt text](${src})`, 'p1')
    expect(images(nodes)).toEqual([])
    expect(nodes).toEqual([{ t: 'p', c: ['alt text'] }])
  })

  it('shows no image at all when no project is named (old callers, previews of nothing)', () => {
    expect(images(markdownToNodes(`![a](${OWN})`))).toEqual([])
  })

  it.each(XSS_PAYLOADS)('makes %j harmless with images allowed', (payload) => {
    for (const node of images(markdownToNodes(payload, 'p1'))) {
      expect(Object.keys(node).sort()).toEqual(['alt', 'src', 't'])
      expect(node.src).toMatch(ATTACHMENT_SRC)
    }
  })

  it('renders an attachment from the Reqio origin, and anything else the tree claims as text', () => {
    const html = renderToString(
      h(
        'div',
        null,
        renderMarkdown(
          [
            { t: 'img', src: OWN, alt: 'chart' },
            { t: 'img', src: 'https://evil.example/x.png', alt: 'forged' },
            { t: 'img', src: 'javascript:alert(1)', alt: '"><script>' },
          ],
          'https://reqio.example',
        ),
      ),
    )
    expect(html).toContain(`<img src="https://reqio.example${OWN}" alt="chart" loading="lazy"/>`)
    expect(html).not.toContain('evil.example')
    expect(html).not.toContain('<script')
    expect(html).toContain('forged')
  })
})
