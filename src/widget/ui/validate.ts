import type { FeedbackRequest } from '../../shared/api'

/**
 * A request from a server answer, or undefined when it is not one: a 200 with a surprising
 * body must not crash the board or print `[object Object]`. Unknown statuses show as open.
 */
export function asRequest(value: unknown): FeedbackRequest | undefined {
  const r = value as FeedbackRequest
  if (typeof r !== 'object' || !r || typeof r.id !== 'string' || typeof r.title !== 'string') return
  return { ...r, votes: +r.votes || 0, voted: r.voted === true }
}

export function asRequestList(value: unknown): FeedbackRequest[] | undefined {
  const list = value && (value as { requests?: unknown }).requests
  if (Array.isArray(list)) return list.map(asRequest).filter((r) => r) as FeedbackRequest[]
}
