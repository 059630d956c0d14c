import { createHash } from 'node:crypto'
import type { ComponentChildren } from 'preact'
import { renderToString } from 'preact-render-to-string'
import { PortalDocument } from '../../portal/portal-document'
import { PORTAL_STYLES as styles } from '../../portal/portal-styles'
import type { PageHead, PortalView } from '../../portal/portal-view'

const STYLE_HASH = `'sha256-${createHash('sha256').update(styles).digest('base64')}'`

/**
 * The portal's pages run our script only and our one inline stylesheet (by its hash); forms
 * post to this origin; nobody frames them.
 */
export const PORTAL_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  `style-src ${STYLE_HASH}`,
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ')

/** One whole portal page as an HTML string, doctype first. */
export function renderPortalPage(input: {
  view: PortalView
  head: PageHead
  current: 'board' | 'roadmap' | 'changelog' | null
  bare?: boolean
  children: ComponentChildren
}): string {
  return `<!doctype html>${renderToString(
    <PortalDocument
      view={input.view}
      head={input.head}
      current={input.current}
      styles={styles}
      bare={input.bare ?? false}
    >
      {input.children}
    </PortalDocument>,
  )}`
}

/**
 * The headers of every portal page: its CSP, and `Vary` on what chooses its language and
 * viewer. Pages with someone's own votes or name are theirs alone; the page everyone sees is
 * cached on the server (PortalPageCache), so browsers ask again each time and see a vote at once.
 */
export function portalPageHeaders(personal: boolean): Record<string, string> {
  return {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': PORTAL_CSP,
    'X-Frame-Options': 'DENY',
    Vary: 'Accept-Language, Cookie',
    'Cache-Control': personal ? 'private, no-store' : 'no-cache',
  }
}
