import type { BacklogVoter, VoterCompany } from '../../shared/api'
import { formatMoney } from '../format/money'
import { countOf } from '../format/plural'

interface AccountGroup {
  key: string
  company: VoterCompany | null
  voters: BacklogVoter[]
}

/** Voters by account: a company's people together under it, people without one on their own. */
export function groupVotersByAccount(voters: readonly BacklogVoter[]): AccountGroup[] {
  const groups = new Map<string, AccountGroup>()
  for (const voter of voters) {
    const key = voter.company ? `company:${voter.company.id}` : `person:${voter.sub}`
    const group = groups.get(key) ?? { key, company: voter.company, voters: [] }
    group.voters.push(voter)
    groups.set(key, group)
  }
  return [...groups.values()].sort(
    (a, b) => accountMrr(b) - accountMrr(a) || a.key.localeCompare(b.key),
  )
}

function accountMrr(group: AccountGroup): number {
  return group.company ? group.company.mrrCents : (group.voters[0]?.mrrCents ?? 0)
}

/**
 * The request drawer's voters table: a company's MRR is shown once, on its own row, then its
 * people (their own amounts are not added again); a person without a company is one account.
 */
export function VoterGroups({ voters }: { voters: readonly BacklogVoter[] }) {
  return (
    <table class="voter-groups" aria-label="Voters by account">
      <thead>
        <tr>
          <th scope="col">Account / user (sub)</th>
          <th scope="col">Email</th>
          <th scope="col">Plan</th>
          <th scope="col" class="number">
            MRR
          </th>
        </tr>
      </thead>
      <tbody>
        {groupVotersByAccount(voters).map((group) =>
          group.company ? (
            <CompanyRows key={group.key} company={group.company} voters={group.voters} />
          ) : (
            group.voters.map((voter) => (
              <tr key={group.key}>
                <th scope="row">{voter.sub}</th>
                <td>{voter.email ?? '—'}</td>
                <td>{voter.plan ?? '—'}</td>
                <td class="number">{formatMoney(voter.mrrCents)}</td>
              </tr>
            ))
          ),
        )}
      </tbody>
    </table>
  )
}

function CompanyRows({ company, voters }: { company: VoterCompany; voters: BacklogVoter[] }) {
  return (
    <>
      <tr class="account-company">
        <th scope="row" colSpan={3}>
          {company.name ?? company.id}{' '}
          <span class="hint">({countOf(voters.length, 'person', 'people')}, counted once)</span>
        </th>
        <td class="number">{formatMoney(company.mrrCents)}</td>
      </tr>
      {voters.map((voter) => (
        <tr key={voter.sub} class="account-member">
          <td>↳ {voter.sub}</td>
          <td>{voter.email ?? '—'}</td>
          <td>{voter.plan ?? '—'}</td>
          <td class="number hint">included</td>
        </tr>
      ))}
    </>
  )
}
