import type { BacklogVoter } from '../../shared/api'

/**
 * The account a voter's revenue belongs to (spec/api.md "Companies"): their company when they
 * have one, else the person. A request's mrrCents is the sum over its distinct accounts.
 */
export interface VoterAccount {
  /** `company:{id}` or `person:{sub}`: equal keys are one account. */
  key: string
  kind: 'company' | 'person'
  id: string
  name: string | null
  mrrCents: number
}

export function accountOf(voter: BacklogVoter): VoterAccount {
  if (voter.company) {
    return {
      key: `company:${voter.company.id}`,
      kind: 'company',
      id: voter.company.id,
      name: voter.company.name,
      mrrCents: voter.company.mrrCents,
    }
  }
  return {
    key: `person:${voter.sub}`,
    kind: 'person',
    id: voter.sub,
    name: null,
    mrrCents: voter.mrrCents,
  }
}

/** The voters grouped by account, the richest account first. */
export function votersByAccount(
  voters: BacklogVoter[],
): Array<VoterAccount & { voters: BacklogVoter[] }> {
  const groups = new Map<string, VoterAccount & { voters: BacklogVoter[] }>()
  for (const voter of voters) {
    const account = accountOf(voter)
    const group = groups.get(account.key) ?? { ...account, voters: [] }
    group.voters.push(voter)
    groups.set(account.key, group)
  }
  return [...groups.values()].sort((a, b) => b.mrrCents - a.mrrCents || a.key.localeCompare(b.key))
}

/** The revenue of distinct accounts among these voters. */
export function revenueOf(voters: BacklogVoter[]): number {
  return votersByAccount(voters).reduce((sum, account) => sum + account.mrrCents, 0)
}
