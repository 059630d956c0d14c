import { statusLabel } from '../../../shared/status-labels'
import type { SlackAccount } from '../../store/slack-facts'
import type { NewsRequest, SlackNews } from './slack-news'

/**
 * What a Slack message says, in Block Kit (https://api.slack.com/block-kit): written for a PM
 * skimming a channel, so who asked and what they pay come first, and every request links to
 * the dashboard (to act) and to its public page (what customers see). `text` is the line
 * notifications and screen readers show. Links are plain mrkdwn links, not buttons: a button
 * in an incoming webhook's message asks for an interactivity URL Reqio does not have.
 */
export interface SlackMessage {
  text: string
  blocks: SlackBlock[]
}

export type SlackBlock =
  | { type: 'header'; text: { type: 'plain_text'; text: string; emoji: true } }
  | { type: 'section'; text: { type: 'mrkdwn'; text: string } }
  | { type: 'context'; elements: { type: 'mrkdwn'; text: string }[] }

/** Where a message's links lead. */
export interface SlackLinks {
  /** The request in the dashboard's drawer. */
  dashboard(requestId: string): string
  /** The request where customers see it (their site with `reqio-request`, or the portal). */
  public(requestId: string): string
  /** The project's public changelog. */
  changelog: string
}

/** Block Kit's limits: a header's text, a section's text. */
const HEADER_MAX = 150
const SECTION_MAX = 3000
/** A changelog message lists this many shipped requests; the rest are counted. */
const LISTED_REQUESTS = 10

export function slackMessage(news: SlackNews, links: SlackLinks): SlackMessage {
  const message = unescapedMessage(news, links)
  // `text` is mrkdwn too (notifications show it): customers' words in it are escaped as well.
  return { ...message, text: escape(message.text) }
}

function unescapedMessage(news: SlackNews, links: SlackLinks): SlackMessage {
  switch (news.type) {
    case 'request.created':
      return requestCreatedMessage(news.request, news.asker, links)
    case 'comment.created':
      return commentMessage(news, links)
    case 'request.updated':
      return statusMessage(news, links)
    case 'changelog.published':
      return changelogMessage(news, links)
    case 'test':
      return {
        text: `Reqio is connected to this channel for ${news.projectName}.`,
        blocks: [
          section(
            `:white_check_mark: *Reqio is connected.* This channel will hear about *${escape(news.projectName)}*: new requests, customers' comments, status changes and published changelog entries.`,
          ),
        ],
      }
  }
}

function requestCreatedMessage(
  request: NewsRequest,
  asker: SlackAccount | null,
  links: SlackLinks,
): SlackMessage {
  const who = asker ? accountLine(asker) : 'an anonymous visitor'
  return {
    text: `New request: ${request.title} (from ${asker ? plainAccount(asker) : 'an anonymous visitor'})`,
    blocks: [
      header(`New request: ${request.title}`),
      section(`*${link(links.dashboard(request.id), request.title)}*${quote(request.excerpt)}`),
      context(`Asked by ${who}`),
      context(requestLinks(request.id, links)),
    ],
  }
}

function commentMessage(
  news: Extract<SlackNews, { type: 'comment.created' }>,
  links: SlackLinks,
): SlackMessage {
  const { request, commenter } = news
  const name = commenter?.name ?? news.authorName
  return {
    text: `${name} commented on ${request.title}`,
    blocks: [
      section(
        `*${escape(name)}* commented on *${link(links.dashboard(request.id), request.title)}*${quote(news.excerpt)}`,
      ),
      context(commenter ? accountLine(commenter) : 'An anonymous visitor'),
      context(requestLinks(request.id, links)),
    ],
  }
}

function statusMessage(
  news: Extract<SlackNews, { type: 'request.updated' }>,
  links: SlackLinks,
): SlackMessage {
  const { request } = news
  const title = link(links.dashboard(request.id), request.title)
  const note = news.note ? quote(news.note) : ''
  if (news.to === 'done') {
    const shipped = `shipped for ${accountsAndMrr(request)}`
    return {
      text: `${request.title} ${shipped}`,
      blocks: [
        section(`:rocket: *${title}* ${shipped}${note}`),
        context(requestLinks(request.id, links)),
      ],
    }
  }
  const move = `from ${statusLabel(news.from)} to ${statusLabel(news.to)}`
  return {
    text: `${request.title} moved ${move}`,
    blocks: [
      section(
        `*${title}* moved from *${statusLabel(news.from)}* to *${statusLabel(news.to)}*${note}`,
      ),
      context(
        request.accounts > 0
          ? `${votes(request.votes)} · asked by ${accountsAndMrr(request)}`
          : votes(request.votes),
      ),
      context(requestLinks(request.id, links)),
    ],
  }
}

function changelogMessage(
  news: Extract<SlackNews, { type: 'changelog.published' }>,
  links: SlackLinks,
): SlackMessage {
  const shipped = `shipped for ${accountsAndMrr(news.shipped)}`
  const listed = news.requests.slice(0, LISTED_REQUESTS).map((request) => {
    const publicLink = link(links.public(request.id), 'public page')
    return `• ${link(links.dashboard(request.id), request.title)}: ${accountsAndMrr(request)} (${publicLink})`
  })
  const more = news.requests.length - listed.length
  if (more > 0) listed.push(`…and ${more} more`)
  const blocks: SlackBlock[] = [
    section(`:mega: *Changelog published:* ${link(links.changelog, news.entry.title)}`),
  ]
  if (listed.length > 0) blocks.push(section(listed.join('\n')), context(capitalise(shipped)))
  return {
    text: `Changelog published: ${news.entry.title}${listed.length > 0 ? `, ${shipped}` : ''}`,
    blocks,
  }
}

/** "*Ann* · Acme · Pro plan · $490 MRR": who asked, their company, plan and what they pay. */
function accountLine(account: SlackAccount): string {
  const parts = [`*${escape(account.name)}*`]
  if (account.company) parts.push(escape(account.company))
  if (account.plan) parts.push(`${escape(account.plan)} plan`)
  parts.push(`${money(account.mrrCents)} MRR`)
  return parts.join(' · ')
}

function plainAccount(account: SlackAccount): string {
  return [account.name, account.company, `${money(account.mrrCents)} MRR`]
    .filter(Boolean)
    .join(', ')
}

function requestLinks(requestId: string, links: SlackLinks): string {
  return `${link(links.dashboard(requestId), 'Open in Reqio')} · ${link(links.public(requestId), 'Public page')}`
}

/** "3 accounts, $1,470 MRR". */
function accountsAndMrr(counts: { accounts: number; mrrCents: number }): string {
  const accounts = counts.accounts === 1 ? '1 account' : `${counts.accounts} accounts`
  return `${accounts}, ${money(counts.mrrCents)} MRR`
}

function votes(n: number): string {
  return n === 1 ? '1 vote' : `${n} votes`
}

/** Dollars as a PM reads them: "$490", "$1,470.50". Tokens carry cents without a currency. */
export function money(cents: number): string {
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: cents % 100 === 0 ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(cents / 100)
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

/**
 * Slack's mrkdwn needs &, < and > escaped; escaping them also keeps a customer's title from
 * writing `<!channel>` (a mention of everyone) or a link of its own into the team's channel.
 */
export function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** `<url|label>`; `|` and `>` cannot appear inside the url part. */
function link(url: string, label: string): string {
  const safeUrl = url.replace(/\|/g, '%7C').replace(/>/g, '%3E').replace(/</g, '%3C')
  return `<${safeUrl}|${escape(label).replace(/\|/g, '¦')}>`
}

/** A blockquote of `text` on the lines below, or nothing. */
function quote(text: string): string {
  if (!text.trim()) return ''
  return `\n${escape(text)
    .split('\n')
    .map((line) => `>${line}`)
    .join('\n')}`
}

function header(text: string): SlackBlock {
  return { type: 'header', text: { type: 'plain_text', text: clip(text, HEADER_MAX), emoji: true } }
}

function section(text: string): SlackBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: clip(text, SECTION_MAX) } }
}

function context(text: string): SlackBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: clip(text, SECTION_MAX) }] }
}

function clip(text: string, max: number): string {
  const chars = [...text]
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`
}
