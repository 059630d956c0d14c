import type { ComponentChildren } from 'preact'
import { render } from 'preact-render-to-string'
import type { PortalLang } from './sso-strings'

interface MessagePageProps {
  lang: PortalLang
  title: string
  children: ComponentChildren
}

/**
 * A bare portal page for the sign-in's answers that are not the board (a refused token, no
 * such portal). `no-referrer`: the page's URL may carry the token, which no link may pass on.
 * Light and dark come from the browser's own colours (`color-scheme`), no stylesheet needed.
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
