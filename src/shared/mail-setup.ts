/** Wire types of the email set-up (GET /v1/admin/mail, POST /v1/admin/mail/test). */
import type { MailMode } from './notifications'

/** GET /v1/admin/mail: how this server sends email, without any credential. */
export interface MailSetupResponse {
  mail: MailMode
  /** REQIO_MAIL_FROM as the emails carry it (the default when unset). */
  from: string
  /** Host and port of REQIO_SMTP_URL (never its user or password); null without SMTP. */
  server: string | null
  /** The base of the links in emails (REQIO_PUBLIC_URL, else this server's own address). */
  publicUrl: string
  /** Where "Send a test email" goes without `to`: the signed-in member; null for the admin token. */
  signedInEmail: string | null
}

/** POST /v1/admin/mail/test `{to?}`: what the SMTP server said. */
export interface TestEmailResponse {
  to: string
  from: string
  /** true once the SMTP server accepted the email. */
  sent: boolean
  /** Why it was not sent, in words (the SMTP server's answer or the connection's failure). */
  problem: string | null
}
