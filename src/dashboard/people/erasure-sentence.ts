import type { PersonDetailResponse } from '../../shared/api'
import { formatMoney } from '../format/money'
import { countOf } from '../format/plural'

type Person = PersonDetailResponse['person']

/**
 * What deleting a person takes away, in one sentence the confirmation reads out: "their email,
 * name, 3 votes (removing $147.00 MRR from 3 requests), 2 comments; their requests stay without
 * an author".
 */
export function erasureSentence(person: Person): string {
  const { votes, comments, requestsLosingRevenue, mrrCents } = person.erasure
  const facts =
    person.email && person.name
      ? ['their email', 'name']
      : person.email
        ? ['their email']
        : person.name
          ? ['their name']
          : []
  const voteWords =
    votes === 0
      ? null
      : mrrCents > 0
        ? `${countOf(votes, 'vote', 'votes')} (removing ${formatMoney(mrrCents)} MRR from ${countOf(requestsLosingRevenue, 'request', 'requests')})`
        : countOf(votes, 'vote', 'votes')
  const commentWords = comments === 0 ? null : countOf(comments, 'comment', 'comments')
  const gone = [...facts, voteWords, commentWords].filter((part): part is string => part !== null)
  const what = gone.length > 0 ? gone.join(', ') : 'everything stored about them'
  return person.requests.length > 0 ? `${what}; their requests stay without an author` : what
}
