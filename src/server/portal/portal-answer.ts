/**
 * A portal answer before it becomes a Response: what the page cache keeps (finished bytes and
 * how to send them), so a cached page costs a map lookup.
 */
export interface PortalAnswer {
  status: 200 | 301 | 404
  body: string
  contentType: string
  /** 301 only: where the page moved. */
  location?: string
}

export const HTML = 'text/html; charset=utf-8'
export const ATOM = 'application/atom+xml; charset=utf-8'
export const XML = 'application/xml; charset=utf-8'

/** Escapes text for XML element content and attribute values. */
export function xmlText(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
      // Characters XML 1.0 cannot carry at all (control characters, lone surrogates).
      .replace(
        /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
        '',
      )
  )
}
