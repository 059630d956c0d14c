import { describe, expect, it } from 'vitest'
import { previewMerge } from '../../../src/server/mcp/merge-preview'
import type { AdminRequestDetail, BacklogVoter } from '../../../src/shared/api'

const tokenRevenue = {
  mrrSource: 'token',
  mrrAsOf: '2026-12-01T00:00:00.000Z',
  atRisk: false,
} as const
const acme = { id: 'acme', name: 'Acme', mrrCents: 4900, ...tokenRevenue }
const voter = (
  sub: string,
  mrrCents: number,
  company: typeof acme | null = null,
): BacklogVoter => ({
  sub,
  email: `${sub}@example.com`,
  plan: 'pro',
  mrrCents,
  ...tokenRevenue,
  company,
})

function request(id: string, voters: BacklogVoter[], extra: Partial<AdminRequestDetail> = {}) {
  const accounts = new Map(
    voters.map((v) => [
      v.company ? `c${v.company.id}` : `p${v.sub}`,
      v.company?.mrrCents ?? v.mrrCents,
    ]),
  )
  return {
    id,
    title: `Request ${id}`,
    body: '',
    status: 'open',
    votes: voters.length,
    voted: false,
    createdAt: '2026-12-01T00:00:00.000Z',
    commentCount: 0,
    mine: false,
    statusNote: null,
    tags: [],
    editedAt: null,
    attachments: [],
    mrrCents: [...accounts.values()].reduce((a, b) => a + b, 0),
    accounts: accounts.size,
    voters,
    unanswered: false,
    author: null,
    deletedAt: null,
    atRiskMrrCents: 0,
    comments: [],
    mergedRequests: [],
    atRiskAccounts: [],
    ...extra,
  } satisfies AdminRequestDetail
}

describe('merge preview', () => {
  it('counts a voter of both once and adds only the accounts the target lacks', () => {
    const source = request('r_src', [
      voter('ann', 0, acme),
      voter('bob', 0, acme),
      voter('solo', 900),
    ])
    const target = request('r_tgt', [voter('ann', 0, acme), voter('zed', 2000)])
    const preview = previewMerge(source, target)
    expect(preview.moves.voters.map((v) => v.sub)).toEqual(['bob', 'solo'])
    expect(preview.moves.votersOnBoth).toBe(1)
    // Acme is already on the target through ann: only solo's account is new.
    expect(preview.moves.accounts).toEqual([{ kind: 'person', id: 'solo', mrrCents: 900 }])
    expect(preview.votes).toEqual({ before: 2, after: 4 })
    expect(preview.accounts).toEqual({ before: 2, after: 3 })
    expect(preview.mrrCents).toEqual({ before: 6900, after: 7800, change: 900 })
  })

  it('moves anonymous votes, comments and earlier merges', () => {
    const source = request('r_src', [voter('amy', 1500)], {
      votes: 3,
      comments: [
        {
          id: 'c_1',
          body: 'me too',
          createdAt: '2026-12-01T00:00:00.000Z',
          author: {
            name: 'Amy',
            kind: 'customer',
            you: false,
            sub: 'amy',
            email: null,
            plan: null,
            mrrCents: null,
            company: null,
          },
          internal: false,
          hidden: false,
          editedAt: null,
          attachments: [],
        },
      ],
      mergedRequests: [
        { id: 'r_old', title: 'Old', votes: 1, mergedAt: '2026-12-01T00:00:00.000Z' },
      ],
    })
    const target = request('r_tgt', [])
    const preview = previewMerge(source, target)
    expect(preview.moves).toMatchObject({ anonymousVotes: 2, comments: 1, mergedRequests: 1 })
    expect(preview.votes).toEqual({ before: 0, after: 3 })
    expect(preview.mrrCents).toEqual({ before: 0, after: 1500, change: 1500 })
  })
})
