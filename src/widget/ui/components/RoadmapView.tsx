/**
 * Classic JSX: h() is preact's createElement, which the bundle has anyway; the automatic
 * runtime would add a second copy of it (jsx()).
 * @jsxRuntime classic
 * @jsx h
 * @jsxFrag Fragment
 */
import { Fragment, h } from 'preact'
import type { RoadmapLane } from '../../../shared/api'
import type { Messages } from '../i18n'
import type { OpenRequest } from './open-request'

interface Props {
  lanes?: RoadmapLane[]
  t: Messages
  onOpenRequest: OpenRequest
}

/** Planned, In progress and Done, each a list of cards that open their request. */
export function RoadmapView({ lanes, t, onOpenRequest }: Props) {
  return (
    <>
      {(lanes || []).map(({ status, requests }) => (
        <section key={status}>
          <h3>{t.status[status] || status}</h3>
          {requests && requests.length ? (
            <ul>
              {requests.map((request) => (
                <li key={request.id} class="row">
                  <span class="vote">{request.votes}</span>
                  <button type="button" class="link" onClick={() => onOpenRequest(request)}>
                    {request.title}
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p class="state">{t.nothing}</p>
          )}
        </section>
      ))}
    </>
  )
}
