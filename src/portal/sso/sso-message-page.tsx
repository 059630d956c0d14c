import { createHash } from 'node:crypto'
import type { ComponentChildren } from 'preact'
import { render } from 'preact-render-to-string'
import type { PortalLang } from './sso-strings'

/**
 * Readable in light and dark: the browser's own link blue fails contrast on a dark page, so
 * both schemes name their colours.
 */
const STYLES = `:root{color-scheme:light dark;font-family:system-ui,sans-serif;line-height:1.5}
body{margin:0 auto;max-width:40rem;padding:1.5rem 1rem;background:#fff;color:#1a1a1a}
a{color:#0b57d0}code{overflow-wrap:anywhere}
@media (prefers-color-scheme:dark){body{background:#121212;color:#ececec}a{color:#8ab4f8}}`

/** Nothing runs on these pages; the one inline stylesheet is allowed by its hash. */
export const MESSAGE_PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLES).digest('base64')}'`,
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ')

interface MessagePageProps {
  lang: PortalLang
  title: string
  children: ComponentChildren
}

/**
 * A bare portal page for the sign-in's answers that are not the board (a refused token, no
 * such portal). `no-referrer`: the page's URL may carry the token, which no link may pass on.
 */
function MessagePage({ lang, title, children }: MessagePageProps) {
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <meta name="referrer" content="no-referrer" />
        <meta name="robots" content="noindex" />
        <title>{title}</title>
        {/* Our own constant stylesheet: as it is, not escaped as text. */}
        <style dangerouslySetInnerHTML={{ __html: STYLES }} />
      </head>
      <body>
        <main>
          <h1>{title}</h1>
          {children}
        </main>
      </body>
    </html>
  )
}

export function renderMessagePage(props: MessagePageProps): string {
  return `<!doctype html>${render(<MessagePage {...props} />)}`
}
