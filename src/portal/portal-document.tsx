import type { ComponentChildren } from 'preact'
import type { PageHead, PortalView } from './portal-view'
import { SignInControl } from './sso/sign-in-control'

/** Served by portal-script's build (dist/portal.js): vote, submit, comment, search as you type. */
export const PORTAL_SCRIPT_PATH = '/portal.js'

interface Props {
  view: PortalView
  head: PageHead
  /** Which navigation entry is the current page. */
  current: 'board' | 'roadmap' | 'changelog' | null
  styles: string
  /** A page outside any project (an unknown one): no navigation, no script. */
  bare: boolean
  children: ComponentChildren
}

/**
 * The whole HTML document of a portal page: the head search engines and link previews read,
 * the project's navigation, who is signed in, and the page itself in `<main>`. The stylesheet
 * is inline (one request per page; the CSP allows it by hash) and the script is deferred: the
 * page is whole without it.
 */
export function PortalDocument({ view, head, current, styles, bare, children }: Props) {
  const { t, paths } = view
  const canonical = `${view.origin}${head.path}`
  const nav: Array<[NonNullable<Props['current']>, string, string]> = [
    ['board', t.requests, paths.board()],
    ['roadmap', t.roadmap, paths.roadmap()],
    ['changelog', t.portal.changelog, paths.changelog()],
  ]
  return (
    <html lang={view.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <title>{head.title}</title>
        <meta name="description" content={head.description} />
        <link rel="canonical" href={canonical} />
        {!view.indexable && <meta name="robots" content="noindex" />}
        <meta property="og:type" content={head.ogType ?? 'website'} />
        <meta property="og:site_name" content={view.project.name} />
        <meta property="og:title" content={head.title} />
        <meta property="og:description" content={head.description} />
        <meta property="og:url" content={canonical} />
        <meta property="og:locale" content={view.language} />
        <meta name="twitter:card" content="summary" />
        {!bare && (
          <link
            rel="alternate"
            type="application/atom+xml"
            title={`${view.project.name}: ${t.portal.changelog}`}
            href={`${view.origin}${paths.feed()}`}
          />
        )}
        {/* Our own constant stylesheet: as it is, not escaped as text. */}
        <style dangerouslySetInnerHTML={{ __html: styles }} />
        {!bare && <script src={PORTAL_SCRIPT_PATH} defer />}
      </head>
      <body data-portal-project={view.project.id} data-portal-root={paths.root}>
        <a class="skip" href="#main">
          {t.portal.skip}
        </a>
        {bare ? (
          <header class="top">
            <span class="brand">{view.project.name}</span>
          </header>
        ) : (
          <header class="top">
            <a class="brand" href={paths.board()}>
              {view.project.name}
            </a>
            <nav aria-label={t.portal.mainNav}>
              <ul>
                {nav.map(([key, label, href]) => (
                  <li key={key}>
                    <a href={href} aria-current={current === key ? 'page' : undefined}>
                      {label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            <div class="account">
              <SignInControl
                lang={view.language}
                signedIn={view.viewer ?? undefined}
                ssoUrl={view.ssoUrl}
                pageUrl={view.pageUrl}
                portalPath={paths.root}
              />
            </div>
          </header>
        )}
        <main id="main">{children}</main>
        <footer class="foot">
          {!bare && <a href={paths.feed()}>{t.portal.feed}</a>}
          <span>{t.portal.poweredBy}</span>
        </footer>
      </body>
    </html>
  )
}
