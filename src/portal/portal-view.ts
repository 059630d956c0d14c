import type { PortalLanguage, PortalStrings } from './portal-strings'

/**
 * Where each portal page lives, relative to the origin: under `/p/{pid}` on Reqio's own host,
 * at the root on the project's custom domain. Every link a page makes comes from here.
 */
export class PortalPaths {
  constructor(
    /** `/p/{pid}`, or `` on the custom domain. */
    readonly root: string,
  ) {}

  board(query?: Record<string, string | undefined>): string {
    const search = new URLSearchParams()
    for (const [name, value] of Object.entries(query ?? {})) if (value) search.set(name, value)
    const text = search.toString()
    return `${this.root || '/'}${text ? `?${text}` : ''}`
  }

  request(requestId: string): string {
    return `${this.root}/requests/${encodeURIComponent(requestId)}`
  }

  roadmap(): string {
    return `${this.root}/roadmap`
  }

  changelog(): string {
    return `${this.root}/changelog`
  }

  feed(): string {
    return `${this.root}/changelog.xml`
  }

  sitemap(): string {
    return `${this.root}/sitemap.xml`
  }
}

/** The person a portal session names; only their display name (if any) reaches the page. */
export interface PortalViewer {
  name: string | null
}

/** What every page needs besides its own data: language, project, links, who is looking. */
export interface PortalView {
  language: PortalLanguage
  t: PortalStrings
  project: { id: string; name: string }
  paths: PortalPaths
  /** Absolute origin for canonical and OpenGraph URLs, e.g. https://feedback.example.com. */
  origin: string
  indexable: boolean
  viewer: PortalViewer | null
  /** The customer's sign-in route (Sign in adds `return_to`), or null: no Sign in. */
  ssoUrl: string | null
  /** The absolute URL of this page: where a sign-in comes back to. */
  pageUrl: string
}

/** The head of one page: what search engines and link previews read. */
export interface PageHead {
  title: string
  description: string
  /** Path of this page (from PortalPaths); made absolute with `origin`. */
  path: string
  ogType?: 'website' | 'article'
}
