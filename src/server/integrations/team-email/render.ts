import type { TeamMailLine } from '../../store/team-mail-store'

export interface TeamEmail {
  subject: string
  text: string
  html: string
}

export interface TeamEmailInput {
  projectName: string
  lines: TeamMailLine[]
  /** The request in the dashboard's drawer. */
  requestUrl(requestId: string): string
  /** The Account page, where the member changes what they get. */
  settingsUrl: string
}

/** How much of a request's text or a comment an email quotes before "…". */
const QUOTE_CHARS = 500

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch,
  )

const money = (cents: number) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(cents / 100)

/** "Ann (Acme Inc, $490.00 MRR)", "A customer" or "An anonymous visitor". */
export function whoLabel(who: TeamMailLine['who']): string {
  const name = who.name || (who.identified ? 'A customer' : 'An anonymous visitor')
  const facts = [who.company, who.mrrCents > 0 ? `${money(who.mrrCents)} MRR` : null].filter(
    (fact): fact is string => Boolean(fact),
  )
  return facts.length > 0 ? `${name} (${facts.join(', ')})` : name
}

function headline(line: TeamMailLine): string {
  return line.kind === 'request'
    ? `New request: “${line.requestTitle}” from ${whoLabel(line.who)}`
    : `${whoLabel(line.who)} commented on “${line.requestTitle}”`
}

function quoteOf(line: TeamMailLine): string | null {
  const words = (line.kind === 'request' ? line.requestBody : (line.commentBody ?? '')).trim()
  if (!words) return null
  return words.length > QUOTE_CHARS ? `${words.slice(0, QUOTE_CHARS).trimEnd()}…` : words
}

function subjectOf(projectName: string, lines: TeamMailLine[]): string {
  const [first] = lines
  if (lines.length === 1 && first) return `[${projectName}] ${headline(first)}`
  const requests = lines.filter((line) => line.kind === 'request').length
  const comments = lines.length - requests
  const parts = [
    requests > 0 ? `${requests} new request${requests === 1 ? '' : 's'}` : null,
    comments > 0 ? `${comments} new comment${comments === 1 ? '' : 's'}` : null,
  ].filter(Boolean)
  return `[${projectName}] ${parts.join(' and ')}`
}

/** One email for everything that arrived in one project for one member within the window. */
export function renderTeamEmail(input: TeamEmailInput): TeamEmail {
  if (input.lines.length === 0) throw new Error('a team email needs at least one line')
  const subject = subjectOf(input.projectName, input.lines)
  const intro = `New from ${input.projectName}'s customers:`
  const footer = `You get this as a member of the team, for new requests and customers' comments you chose (or your role gets by default).`
  const text = [
    intro,
    ...input.lines.map((line) => {
      const quote = quoteOf(line)
      return [
        headline(line),
        quote ? `\n  ${quote.replace(/\n/g, '\n  ')}` : '',
        `\n  Open in the dashboard: ${input.requestUrl(line.requestId)}`,
      ].join('')
    }),
    `--\n${footer}\nChoose what you are emailed about: ${input.settingsUrl}\n`,
  ].join('\n\n')
  const items = input.lines
    .map((line) => {
      const quote = quoteOf(line)
      return `<li style="margin:0 0 16px"><strong>${escapeHtml(headline(line))}</strong>${
        quote
          ? `<blockquote style="margin:8px 0;padding-left:12px;border-left:3px solid #ddd;white-space:pre-wrap">${escapeHtml(quote)}</blockquote>`
          : '<br>'
      }<a href="${escapeHtml(input.requestUrl(line.requestId))}">Open in the dashboard</a></li>`
    })
    .join('')
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#111">
<p>${escapeHtml(intro)}</p><ul style="padding-left:20px">${items}</ul>
<hr style="border:0;border-top:1px solid #eee"><p style="font-size:12px;color:#666">${escapeHtml(footer)} <a href="${escapeHtml(input.settingsUrl)}">Choose what you are emailed about</a>.</p>
</body></html>`
  return { subject, text, html }
}
