import { useEffect, useState } from 'preact/hooks'
import type { MailSetupResponse } from '../../shared/mail-setup'
import type { AdminClient } from '../api/admin-client'
import { CodeBlock } from '../ui/code-block'
import { TestEmailForm } from './test-email-form'

/**
 * The lines docs/team-and-email.md "Set up email" gives, this server's sender kept when it was
 * set. No trailing comments: env files (systemd, Docker) would take them as part of the value.
 */
export function smtpSettingsExample(from: string): string {
  const sender = from === 'Reqio <reqio@localhost>' ? 'Feedback <feedback@example.com>' : from
  return [
    'REQIO_SMTP_URL=smtps://user:pass@smtp.example.com:465',
    `REQIO_MAIL_FROM='${sender}'`,
    'REQIO_PUBLIC_URL=https://feedback.example.com',
  ].join('\n')
}

/**
 * How this server sends email: on (the sender, the SMTP server, where links point, and a test
 * email), or off with the settings that turn it on. The SMTP password never reaches the page.
 */
export function MailSetup({ client }: { client: AdminClient }) {
  const [setup, setSetup] = useState<MailSetupResponse | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    client.call<MailSetupResponse>('GET', '/mail').then((result) => {
      if (result.ok) setSetup(result.data)
      setError(result.ok ? null : `The email set-up could not be loaded: ${result.message}`)
    })
  }, [client])

  if (error) return <p role="alert">{error}</p>
  if (!setup) return <p class="hint">Loading the email set-up…</p>
  const on = setup.mail === 'smtp'
  return (
    <div class="mail-setup">
      <p class={on ? 'mail-state on' : 'mail-state off'}>
        {on
          ? 'Email is on: people hear about their requests, and invites are emailed.'
          : setup.mail === 'kept'
            ? 'Email is off. This is demo mode: the emails that would go out are kept under Sent mail below.'
            : 'Email is off: nobody is emailed, and invite links are only shown to copy.'}
      </p>
      <dl class="mail-facts">
        <dt>Sender</dt>
        <dd>
          <code>{setup.from}</code>{' '}
          <span class="hint">
            (<code>REQIO_MAIL_FROM</code>
            {on ? ')' : '; used once email is on)'}
          </span>
        </dd>
        {setup.server ? (
          <>
            <dt>SMTP server</dt>
            <dd>
              <code>{setup.server}</code>{' '}
              <span class="hint">
                (<code>REQIO_SMTP_URL</code>)
              </span>
            </dd>
          </>
        ) : null}
        <dt>Links in emails</dt>
        <dd>
          <code>{setup.publicUrl}</code>{' '}
          <span class="hint">
            (<code>REQIO_PUBLIC_URL</code>)
          </span>
        </dd>
      </dl>
      {on ? (
        <TestEmailForm client={client} signedInEmail={setup.signedInEmail} />
      ) : (
        <div class="turn-on">
          <h4>Turn email on</h4>
          <ol>
            <li>
              In the server's environment, set <code>REQIO_SMTP_URL</code> to your SMTP server (any
              provider; <code>smtps://</code> for port 465, <code>smtp://</code> for 587),{' '}
              <code>REQIO_MAIL_FROM</code> to the sender people see, and{' '}
              <code>REQIO_PUBLIC_URL</code> to this server's public address, the base of the links
              in every email:
            </li>
          </ol>
          <CodeBlock title="Server environment" code={smtpSettingsExample(setup.from)} />
          <ol start={2}>
            <li>Restart Reqio.</li>
            <li>Come back here and send yourself a test email.</li>
          </ol>
        </div>
      )}
    </div>
  )
}
