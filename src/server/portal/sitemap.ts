import { xmlText } from './portal-answer'

/** A sitemap (sitemaps.org 0.9) of absolute URLs, each with its last change when known. */
export function sitemapXml(pages: Array<{ url: string; lastModified?: string }>): string {
  const urls = pages.map(
    ({ url, lastModified }) =>
      `<url><loc>${xmlText(url)}</loc>${lastModified ? `<lastmod>${xmlText(lastModified)}</lastmod>` : ''}</url>`,
  )
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls,
    '</urlset>',
  ].join('\n')
}
