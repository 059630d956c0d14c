import type {
  AdminComment,
  AdminRequestDetail,
  BacklogRequest,
  BacklogVoter,
} from '../../shared/api'
import { votersByAccount } from './accounts'
import { untrusted } from './untrusted'

/**
 * How requests reach an agent: a structured object (end users' text beside `untrusted: true`)
 * and a text rendering with that text fenced. Revenue is always in cents.
 */
export function requestSummary(request: BacklogRequest) {
  return {
    id: request.id,
    title: request.title,
    status: request.status,
    statusNote: request.statusNote,
    votes: request.votes,
    accounts: request.accounts,
    mrrCents: request.mrrCents,
    atRiskMrrCents: request.atRiskMrrCents,
    commentCount: request.commentCount,
    unanswered: request.unanswered,
    createdAt: request.createdAt,
    author: request.author ? person(request.author) : null,
    untrusted: true as const,
  }
}

export function requestDetail(request: AdminRequestDetail) {
  return {
    ...requestSummary(request),
    body: request.body,
    votersByAccount: votersByAccount(request.voters).map((account) => ({
      kind: account.kind,
      id: account.id,
      name: account.name,
      mrrCents: account.mrrCents,
      voters: account.voters.map(person),
      untrusted: true as const,
    })),
    comments: request.comments.map(comment),
    mergedRequests: request.mergedRequests.map((merged) => ({
      ...merged,
      untrusted: true as const,
    })),
  }
}

function person(voter: BacklogVoter) {
  return {
    sub: voter.sub,
    email: voter.email,
    plan: voter.plan,
    mrrCents: voter.mrrCents,
    company: voter.company ? { id: voter.company.id, name: voter.company.name } : null,
    untrusted: true as const,
  }
}

function comment(entry: AdminComment) {
  return {
    id: entry.id,
    body: entry.body,
    createdAt: entry.createdAt,
    kind: entry.author.kind,
    authorName: entry.author.name,
    authorSub: entry.author.sub,
    authorEmail: entry.author.email,
    internal: entry.internal,
    hidden: entry.hidden,
    untrusted: true as const,
  }
}

const dollars = (cents: number) => `$${(cents / 100).toFixed(2)}`

/** One line per request, for lists. */
export function requestLine(request: BacklogRequest): string {
  return (
    `- ${request.id} [${request.status}] ${untrusted(request.title)}: ${request.votes} votes, ` +
    `${request.accounts} accounts, ${dollars(request.mrrCents)} MRR (${request.mrrCents} cents), ` +
    (request.atRiskMrrCents > 0 ? `${dollars(request.atRiskMrrCents)} of it at risk, ` : '') +
    `${request.commentCount} comments${request.unanswered ? ', unanswered' : ''}`
  )
}

export function requestDetailText(request: AdminRequestDetail): string {
  const lines = [
    `Request ${request.id}: ${untrusted(request.title)}`,
    `Status: ${request.status}${request.statusNote === null ? '' : ` (team note: ${request.statusNote})`}`,
    `${request.votes} votes, ${request.accounts} accounts, ${dollars(request.mrrCents)} MRR (${request.mrrCents} cents), created ${request.createdAt}`,
    `Author: ${request.author ? personText(request.author) : 'anonymous'}`,
    `Body: ${untrusted(request.body)}`,
    'Voters by account:',
  ]
  for (const account of votersByAccount(request.voters)) {
    const name =
      account.kind === 'company' ? `company ${untrusted(account.name ?? account.id)}` : 'person'
    const people = account.voters.map(personText).join('; ')
    lines.push(`- ${name}, ${account.mrrCents} cents: ${people}`)
  }
  if (request.voters.length === 0) lines.push('- none identified')
  lines.push(`Thread (${request.comments.length} comments, oldest first):`)
  for (const entry of request.comments) {
    const flags = [
      entry.author.kind,
      entry.internal ? 'internal note' : '',
      entry.hidden ? 'hidden' : '',
    ]
      .filter(Boolean)
      .join(', ')
    lines.push(
      `- ${entry.id} [${flags}] ${untrusted(entry.author.name)} at ${entry.createdAt}: ${untrusted(entry.body)}`,
    )
  }
  for (const merged of request.mergedRequests) {
    lines.push(`Merged into it: ${merged.id} ${untrusted(merged.title)} (${merged.votes} votes)`)
  }
  return lines.join('\n')
}

function personText(voter: BacklogVoter): string {
  const email = voter.email === null ? '' : ` ${untrusted(voter.email)}`
  return `${untrusted(voter.sub)}${email} (${voter.plan ?? 'no plan'}, ${voter.mrrCents} cents)`
}
