import nodemailer from 'nodemailer'
import type { Clock } from '../../clock'
import type { Store } from '../../store'

export interface MailMessage {
  projectId: string
  to: string
  subject: string
  text: string
  html: string
  headers: Record<string, string>
  /** Stable per mail job, so a receiver can tell a resend after a crash from a new email. */
  messageId: string
}

/**
 * How email leaves: `smtp` (REQIO_SMTP_URL), `kept` (demo mode without SMTP: stored for the
 * dashboard's Sent mail page) or `off` (nothing is sent and nothing is even queued).
 */
export interface MailTransport {
  readonly mode: 'smtp' | 'kept' | 'off'
  send(message: MailMessage): Promise<void>
  close(): void
}

export function createMailTransport(options: {
  smtpUrl: string | null
  from: string
  demo: boolean
  store: Store
  clock: Clock
}): MailTransport {
  if (options.smtpUrl) {
    const transporter = nodemailer.createTransport({
      url: options.smtpUrl,
      // Fail fast and retry later rather than hold a job for nodemailer's minutes-long defaults.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    })
    return {
      mode: 'smtp',
      async send(message) {
        await transporter.sendMail({
          from: options.from,
          // An address object is one recipient, whatever its text: never parsed as a list.
          to: { name: '', address: message.to },
          subject: message.subject,
          text: message.text,
          html: message.html,
          headers: message.headers,
          messageId: message.messageId,
        })
      },
      close: () => transporter.close(),
    }
  }
  if (options.demo) {
    return {
      mode: 'kept',
      async send(message) {
        await options.store.mail.keep(
          {
            projectId: message.projectId,
            to: message.to,
            subject: message.subject,
            text: message.text,
            html: message.html,
            headers: { From: options.from, 'Message-ID': message.messageId, ...message.headers },
          },
          options.clock.now(),
        )
      },
      close() {},
    }
  }
  return {
    mode: 'off',
    async send() {},
    close() {},
  }
}
