import type { KeptMailInfo } from '../../shared/notifications'
import { formatDateTime } from '../format/dates'

/** Demo mode without SMTP: the emails that would have gone out, newest first. */
export function SentMail({ messages }: { messages: KeptMailInfo[] }) {
  if (messages.length === 0)
    return <p class="hint">No email would have gone out yet in this project.</p>
  return (
    <>
      {messages.map((message) => (
        <article key={message.id} class="kept-mail" aria-label={`Email: ${message.subject}`}>
          <p>
            <strong>To:</strong> {message.to} · <strong>Subject:</strong> {message.subject} ·{' '}
            <span class="hint">{formatDateTime(message.at)}</span>
          </p>
          <pre>{message.text}</pre>
        </article>
      ))}
    </>
  )
}
