import { describe, expect, it } from 'vitest'
import { parseMarkdown } from '../../src/shared/markdown'
import { MAX_LINE_NESTING, MAX_LINES } from '../../src/shared/markdown-bounds'

const refusal = (markdown: string) => {
  const parsed = parseMarkdown(markdown)
  return 'refused' in parsed ? parsed.refused : null
}

describe('bounded Markdown', () => {
  it('parses a long, ordinary release note', () => {
    const bullet = (i: number) =>
      `- **Item ${i}**: fixed \`some_value\` in _the_ [export](https://example.com/${i}) ~~bug~~`
    const note = [
      '## Highlights',
      'We shipped *a lot* this month. Thanks to everyone who voted!',
      ...Array.from({ length: 150 }, (_, i) => bullet(i)),
      '> Quoted feedback with a nested list:\n> - one\n>   - two\n>     - three',
    ].join('\n')
    expect(note.length).toBeGreaterThan(10_000)
    expect(refusal(note)).toBeNull()
  })

  it('refuses nesting past the bound and says which line', () => {
    expect(refusal(`ok\n${'> '.repeat(MAX_LINE_NESTING + 1)}deep`)).toMatch(/^line 2 nests/)
    expect(refusal('> '.repeat(MAX_LINE_NESTING - 1))).toBeNull()
  })

  it('refuses more lines than the block parser is allowed to rescan', () => {
    expect(refusal('a\n'.repeat(MAX_LINES))).toMatch(/lines/)
  })

  it('refuses paragraphs whose emphasis or link marks would cost seconds', () => {
    expect(refusal('a*_'.repeat(6_666))).toMatch(/"\*", "_" or "~"/)
    expect(refusal('a!'.repeat(10_000))).toMatch(/"\["/)
  })
})
