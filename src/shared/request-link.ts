/**
 * Where a link to one request lands (spec/api.md "Links that land"): the customer's own site
 * with `reqio-request={rid}` added to its query when the project names one (the widget there
 * opens the request), else the request's page on the portal. Emails, the dashboard's "public
 * link" and anything else that points people at a request ask this one function.
 */
export function publicRequestLink(input: {
  /** The project's `siteUrl` setting, or null. */
  siteUrl: string | null
  /** REQIO_PUBLIC_URL (or this server's own address), without a trailing slash. */
  publicUrl: string
  projectId: string
  requestId: string
}): string {
  if (input.siteUrl) {
    const url = new URL(input.siteUrl)
    // The customer's own query and #fragment stay; an old reqio-request is replaced, not doubled.
    url.searchParams.set(REQUEST_LINK_PARAMETER, input.requestId)
    return url.href
  }
  const base = input.publicUrl.replace(/\/+$/, '')
  return `${base}/p/${encodeURIComponent(input.projectId)}/requests/${encodeURIComponent(input.requestId)}`
}

/** The query parameter that names the request the widget opens on the host page. */
export const REQUEST_LINK_PARAMETER = 'reqio-request'
