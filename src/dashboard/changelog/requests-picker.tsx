import { useState } from 'preact/hooks'
import type { BacklogRequest, ShownStatus } from '../../shared/api'
import { STATUS_LABELS } from '../backlog/status-labels'
import { countOf } from '../format/plural'

/** A request linked to the entry: what the picker shows of it. */
export interface LinkedRequest {
  id: string
  title: string
  status?: ShownStatus
}

/** Enough matches to choose from, few enough to scan. */
const MAX_MATCHES = 8

interface Props {
  linked: LinkedRequest[]
  /** The project's requests to search (the backlog). */
  requests: BacklogRequest[]
  onChange(linked: LinkedRequest[]): void
}

/**
 * "Requests this ships": the linked requests as removable rows with their status, and a
 * search over the backlog whose matches link with one click.
 */
export function RequestsPicker({ linked, requests, onChange }: Props) {
  const [search, setSearch] = useState('')
  const known = new Map(requests.map((request) => [request.id, request]))
  const words = search.trim().toLowerCase()
  const matches = words
    ? requests
        .filter((request) => request.title.toLowerCase().includes(words))
        .filter((request) => !linked.some((link) => link.id === request.id))
        .slice(0, MAX_MATCHES)
    : []

  return (
    <fieldset class="requests-picker">
      <legend>Requests this ships</legend>
      <p class="hint">
        Publishing moves them to Done and tells everyone who asked for, voted for or commented on
        them.
      </p>
      {linked.length ? (
        <ul class="picked" aria-label="Linked requests">
          {linked.map((link) => {
            const status = link.status ?? known.get(link.id)?.status
            const votes = known.get(link.id)?.votes
            return (
              <li key={link.id}>
                <span class="picked-title">{link.title}</span>
                <span class="picked-facts">
                  {status ? (
                    <span class={`status-pill s-${status}`}>{STATUS_LABELS[status]}</span>
                  ) : null}
                  {votes === undefined ? null : (
                    <span class="count">{countOf(votes, 'vote', 'votes')}</span>
                  )}
                </span>
                <button
                  type="button"
                  class="unlink"
                  aria-label={`Unlink ${link.title}`}
                  onClick={() => onChange(linked.filter((other) => other.id !== link.id))}
                >
                  Unlink
                </button>
              </li>
            )
          })}
        </ul>
      ) : (
        <p class="picked-empty">No request linked yet.</p>
      )}
      <label class="picker-search">
        Find a request by title
        <input
          type="search"
          value={search}
          placeholder="Search the backlog"
          onInput={(event) => setSearch(event.currentTarget.value)}
        />
      </label>
      {matches.length ? (
        <ul class="matches" aria-label="Matching requests">
          {matches.map((request) => (
            <li key={request.id}>
              <button
                type="button"
                aria-label={`Link ${request.title}`}
                onClick={() => {
                  onChange([
                    ...linked,
                    { id: request.id, title: request.title, status: request.status },
                  ])
                  setSearch('')
                }}
              >
                <span class="match-title">{request.title}</span>
                <span class="picked-facts">
                  <span class={`status-pill s-${request.status}`}>
                    {STATUS_LABELS[request.status]}
                  </span>
                  <span class="count">{countOf(request.votes, 'vote', 'votes')}</span>
                </span>
                <span class="match-add" aria-hidden="true">
                  + Link
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : words ? (
        <p class="hint">No request matches “{search.trim()}”.</p>
      ) : null}
    </fieldset>
  )
}
