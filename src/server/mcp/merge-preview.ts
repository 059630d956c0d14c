import type { AdminRequestDetail, BacklogVoter } from '../../shared/api'
import { accountOf, revenueOf } from './accounts'

/**
 * What `PATCH …/requests/{sourceId} {mergeInto: targetId}` would do, worked out from the two
 * requests' admin details without changing anything: which voters, accounts and comments move
 * and the target's votes, accounts and revenue before and after. Voters of both count once on
 * the target, as the merge itself does (store/request-merges.ts).
 */
export interface MergePreview {
  source: { id: string; title: string; votes: number; mrrCents: number; untrusted: true }
  target: { id: string; title: string; votes: number; mrrCents: number; untrusted: true }
  moves: {
    /** Identified voters of the source who have not voted for the target. */
    voters: Array<{ sub: string; email: string | null; untrusted: true }>
    /** Voters of both: their source vote goes, their target vote stays. */
    votersOnBoth: number
    /**
     * Votes without an identified person (anonymous): they move too. The details do not list
     * anonymous voters, so one who voted for both is counted as moving: `votes.after` is then
     * one higher than the merge will make it (revenue and accounts are exact).
     */
    anonymousVotes: number
    /** Accounts the target gains (with what each adds to its MRR). */
    accounts: Array<{ kind: 'company' | 'person'; id: string; mrrCents: number }>
    comments: number
    /** Requests merged into the source earlier: they point at the target after. */
    mergedRequests: number
  }
  votes: { before: number; after: number }
  accounts: { before: number; after: number }
  mrrCents: { before: number; after: number; change: number }
}

export function previewMerge(source: AdminRequestDetail, target: AdminRequestDetail): MergePreview {
  const targetSubs = new Set(target.voters.map((voter) => voter.sub))
  const movingVoters = source.voters.filter((voter) => !targetSubs.has(voter.sub))
  const votersOnBoth = source.voters.length - movingVoters.length
  // The detail lists every identified voter, so what is left of `votes` is anonymous.
  const anonymousVotes = Math.max(0, source.votes - source.voters.length)
  const merged: BacklogVoter[] = [...target.voters, ...movingVoters]
  const targetAccounts = new Set(target.voters.map((voter) => accountOf(voter).key))
  const gainedAccounts = new Map<string, ReturnType<typeof accountOf>>()
  for (const voter of movingVoters) {
    const account = accountOf(voter)
    if (!targetAccounts.has(account.key)) gainedAccounts.set(account.key, account)
  }
  const mrrAfter = target.mrrCents + revenueOf(merged) - revenueOf(target.voters)
  return {
    source: summary(source),
    target: summary(target),
    moves: {
      voters: movingVoters.map((voter) => ({
        sub: voter.sub,
        email: voter.email,
        untrusted: true,
      })),
      votersOnBoth,
      anonymousVotes,
      accounts: [...gainedAccounts.values()].map(({ kind, id, mrrCents }) => ({
        kind,
        id,
        mrrCents,
      })),
      comments: source.comments.length,
      mergedRequests: source.mergedRequests.length,
    },
    votes: { before: target.votes, after: target.votes + movingVoters.length + anonymousVotes },
    accounts: { before: target.accounts, after: target.accounts + gainedAccounts.size },
    mrrCents: { before: target.mrrCents, after: mrrAfter, change: mrrAfter - target.mrrCents },
  }
}

function summary(request: AdminRequestDetail) {
  return {
    id: request.id,
    title: request.title,
    votes: request.votes,
    mrrCents: request.mrrCents,
    untrusted: true as const,
  }
}
