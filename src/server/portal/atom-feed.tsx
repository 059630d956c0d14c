import { renderToString } from 'preact-render-to-string'
import type { PublicChangelogEntry } from '../../shared/api'
import { renderMarkdown } from '../../widget/ui/markdown'
import { xmlText } from './portal-answer'

/**
 * The published changelog as an Atom feed (RFC 4287): one entry per published entry, its body
 * the same safe HTML the changelog page shows (from the node tree, never the raw Markdown).
 */
export function atomFeed(input: {
  projectName: string
  title: string
  /** Absolute URLs of the changelog page and of this feed. */
  pageUrl: string
  feedUrl: string
  entries: PublicChangelogEntry[]
  /** When there are no entries, the feed still needs an `updated`. */
  fallbackUpdated: string
  language: string
}): string {
  const updated = input.entries[0]?.publishedAt ?? input.fallbackUpdated
  // A feed reader is on no origin of ours: the entries' images load from the page's.
  const imageBase = new URL(input.pageUrl).origin
  const entries = input.entries.map((entry) => {
    const url = `${input.pageUrl}#entry-${entry.id}`
    const html = renderToString(<>{renderMarkdown(entry.bodyNodes, imageBase)}</>)
    return [
      '<entry>',
      `<id>${xmlText(url)}</id>`,
      `<title>${xmlText(entry.title)}</title>`,
      `<link rel="alternate" type="text/html" href="${xmlText(url)}"/>`,
      `<published>${xmlText(entry.publishedAt)}</published>`,
      `<updated>${xmlText(entry.publishedAt)}</updated>`,
      `<content type="html">${xmlText(html)}</content>`,
      '</entry>',
    ].join('')
  })
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlText(input.language)}">`,
    `<id>${xmlText(input.feedUrl)}</id>`,
    `<title>${xmlText(input.title)}</title>`,
    `<author><name>${xmlText(input.projectName)}</name></author>`,
    `<link rel="self" type="application/atom+xml" href="${xmlText(input.feedUrl)}"/>`,
    `<link rel="alternate" type="text/html" href="${xmlText(input.pageUrl)}"/>`,
    `<updated>${xmlText(updated)}</updated>`,
    ...entries,
    '</feed>',
  ].join('\n')
}
