/**
 * The host and port of REQIO_SMTP_URL, for the dashboard: the user name and password in the URL
 * are a credential and never leave the server.
 */
export function smtpServerName(smtpUrl: string | null): string | null {
  if (!smtpUrl) return null
  try {
    const url = new URL(smtpUrl)
    const port = url.port || (url.protocol === 'smtps:' ? '465' : '587')
    return `${url.hostname}:${port}`
  } catch {
    return null
  }
}
