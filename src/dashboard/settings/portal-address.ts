/**
 * Where a project's portal is, as the dashboard shows and links it: on its custom domain when
 * one is set (over the scheme Reqio itself is reached by), else `/p/{pid}` under Reqio's own
 * address (what widget.js is served under, so a REQIO_PUBLIC_URL path prefix is kept).
 */
export function portalAddress(input: {
  /** Reqio's own base URL, without a trailing slash. */
  reqioBase: string
  projectId: string
  domain: string | null
}): string {
  if (input.domain) return `${new URL(input.reqioBase).protocol}//${input.domain}/`
  return `${input.reqioBase}/p/${encodeURIComponent(input.projectId)}`
}

/** Reqio's base URL from the widget's (`…/widget.js`), which the dashboard already knows. */
export function reqioBaseOf(widgetUrl: string): string {
  return widgetUrl.replace(/\/widget\.js(?:[?#].*)?$/, '')
}
