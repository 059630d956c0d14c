import type { MailItemDetail } from '../../store/mail-store'

const STATUS_LABELS: Record<string, string> = {
  open: 'Open',
  planned: 'Planned',
  in_progress: 'In progress',
  done: 'Done',
  declined: 'Declined',
}

export interface RenderedEmail {
  subject: string
  text: string
  html: string
}

export interface EmailInput {
  projectName: string
  items: MailItemDetail[]
  /** Where "view the request" links go (portal/request-link.ts: the site, else the portal). */
  requestUrl(requestId: string): string
  unsubscribeUrl: string
  /** The signed page where the person chooses which kinds of news they get (every email's footer). */
  preferencesUrl: string
}

const statusLabel = (status: string) => STATUS_LABELS[status] ?? status

function headline(item: MailItemDetail): string {
  switch (item.kind) {
    case 'status':
      return `“${item.requestTitle}” is now ${statusLabel(item.status)}`
    case 'reply':
      return `${item.by || 'The team'} replied to “${item.requestTitle}”`
    case 'shipped':
      return `“${item.requestTitle}” shipped${item.note ? `: ${item.note}` : ''}`
  }
}

/** The note under a headline: the team's status note or reply (a shipped entry's title is in the headline). */
function noteOf(item: MailItemDetail): string | null {
  return item.kind === 'shipped' ? null : item.note
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch,
  )

/** One email for everything that happened to one person's requests within the window. */
export function renderNotificationEmail(input: EmailInput): RenderedEmail {
  const { items, projectName } = input
  const first = items[0]
  if (!first) throw new Error('an email needs at least one item')
  const subject =
    items.length === 1
      ? `[${projectName}] ${headline(first)}`
      : `[${projectName}] ${items.length} updates on what you asked for`
  const intro = `Here is what happened to what you asked ${projectName} for:`
  const textParts = items.map((item) => {
    const note = noteOf(item)
    return [
      headline(item),
      note ? `\n  ${note.replace(/\n/g, '\n  ')}` : '',
      `\n  ${input.requestUrl(item.requestId)}`,
    ].join('')
  })
  const footer = `You get this because you asked for, voted for, commented on or followed these requests.\nChoose which emails you get: ${input.preferencesUrl}\nUnsubscribe from ${projectName}'s emails: ${input.unsubscribeUrl}`
  const text = `${intro}\n\n${textParts.join('\n\n')}\n\n--\n${footer}\n`
  const htmlItems = items
    .map((item) => {
      const note = noteOf(item)
      return `<li style="margin:0 0 16px"><strong>${escapeHtml(headline(item))}</strong>${
        note
          ? `<blockquote style="margin:8px 0;padding-left:12px;border-left:3px solid #ddd;white-space:pre-wrap">${escapeHtml(note)}</blockquote>`
          : ''
      }<br><a href="${escapeHtml(input.requestUrl(item.requestId))}">View the request</a></li>`
    })
    .join('')
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#111">
<p>${escapeHtml(intro)}</p><ul style="padding-left:20px">${htmlItems}</ul>
<hr style="border:0;border-top:1px solid #eee"><p style="font-size:12px;color:#666">You get this because you asked for, voted for, commented on or followed these requests. <a href="${escapeHtml(input.preferencesUrl)}">Choose which emails you get</a> · <a href="${escapeHtml(input.unsubscribeUrl)}">Unsubscribe from ${escapeHtml(projectName)}'s emails</a>.</p>
</body></html>`
  return { subject, text, html }
}
