import type { MiddlewareHandler } from 'hono'

/**
 * The dashboard is our own code only: no inline script or style, no framing, and it talks to
 * this origin alone. The favicon is a data: URL. Preact sets `style` through the CSSOM, which
 * style-src does not restrict.
 */
export const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

/** The demo page plays a customer's site with inline snippets, but nobody may frame it. */
export const DEMO_PAGE_CSP = "frame-ancestors 'none'; object-src 'none'; base-uri 'none'"

/**
 * Headers on every answer: `nosniff` everywhere, a referrer policy, and per kind of page its
 * framing and script rules. widget.js is embedded by any site, so it says so (CORP) and
 * carries no framing rule.
 */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next()
    const headers = c.res.headers
    const path = c.req.path
    headers.set('X-Content-Type-Options', 'nosniff')
    if (path === '/dashboard' || path.startsWith('/dashboard/')) {
      headers.set('Content-Security-Policy', DASHBOARD_CSP)
      headers.set('X-Frame-Options', 'DENY')
      headers.set('Referrer-Policy', 'no-referrer')
    } else if (path === '/') {
      headers.set('Content-Security-Policy', DEMO_PAGE_CSP)
      headers.set('X-Frame-Options', 'DENY')
      headers.set('Referrer-Policy', 'strict-origin-when-cross-origin')
    } else if (path === '/widget.js') {
      headers.set('Cross-Origin-Resource-Policy', 'cross-origin')
    } else if (!headers.has('Referrer-Policy')) {
      // A page with a secret in its URL (the email preferences link) sets a stricter one itself.
      headers.set('Referrer-Policy', 'strict-origin-when-cross-origin')
    }
  }
}
