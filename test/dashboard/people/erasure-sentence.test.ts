import { describe, expect, it } from 'vitest'
import { erasureSentence } from '../../../src/dashboard/people/erasure-sentence'
import type { PersonDetailResponse } from '../../../src/shared/api'

type Person = PersonDetailResponse['person']

function person(overrides: Partial<Person>): Person {
  return {
    sub: 'ann',
    email: 'ann@example.com',
    name: 'Ann',
    plan: 'pro',
    mrrCents: 4900,
    mrrSource: 'token',
    mrrAsOf: '2026-12-01T10:00:00.000Z',
    atRisk: false,
    company: null,
    lastSeenAt: '2026-12-01T10:00:00.000Z',
    requests: [],
    votes: [],
    comments: [],
    erasure: { votes: 0, comments: 0, requestsLosingRevenue: 0, mrrCents: 0 },
    ...overrides,
  }
}

describe('what the delete confirmation says will go', () => {
  it('names the email, name, votes with the MRR they remove, comments, and the requests that stay', () => {
    const sentence = erasureSentence(
      person({
        requests: [{ id: 'r1' } as Person['requests'][number]],
        erasure: { votes: 3, comments: 2, requestsLosingRevenue: 2, mrrCents: 9800 },
      }),
    )
    expect(sentence).toBe(
      'their email, name, 3 votes (removing $98.00 MRR from 2 requests), 2 comments; their requests stay without an author',
    )
  })

  it('speaks in the singular for one, and leaves out what they do not have', () => {
    expect(
      erasureSentence(
        person({
          name: null,
          erasure: { votes: 1, comments: 1, requestsLosingRevenue: 1, mrrCents: 4900 },
        }),
      ),
    ).toBe('their email, 1 vote (removing $49.00 MRR from 1 request), 1 comment')
    expect(
      erasureSentence(
        person({
          email: null,
          erasure: { votes: 2, comments: 0, requestsLosingRevenue: 0, mrrCents: 0 },
        }),
      ),
    ).toBe('their name, 2 votes')
  })
})
