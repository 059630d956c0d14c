import { useEffect, useState } from 'preact/hooks'
import type { RoadmapLane } from '../../shared/api'
import type { AdminClient } from '../api/admin-client'
import { STATUS_LABELS } from '../backlog/status-labels'
import { countOf } from '../format/plural'
import './changelog.css'

/** The public roadmap exactly as the widget shows it now. */
export function RoadmapPreview({ client, projectId }: { client: AdminClient; projectId: string }) {
  const [lanes, setLanes] = useState<RoadmapLane[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    client.publicRoadmap(projectId).then((result) => {
      if (result.ok) setLanes(result.data.lanes)
      else setError(`The roadmap could not be loaded: ${result.message}`)
    })
  }, [client, projectId])

  if (error) return <p role="alert">{error}</p>
  if (!lanes) return <p>Loading the roadmap…</p>
  return (
    <div class="roadmap">
      <p class="hint">
        What end users see under Roadmap in the widget. Set a request's status in the backlog to
        move it; publishing a changelog entry moves its requests to Done.
      </p>
      <div class="roadmap-lanes">
        {lanes.map((lane) => (
          <section key={lane.status} aria-label={STATUS_LABELS[lane.status]}>
            <h3>
              {STATUS_LABELS[lane.status]} <span class="count">{lane.requests.length}</span>
            </h3>
            {lane.requests.length ? (
              <ul>
                {lane.requests.map((request) => (
                  <li key={request.id}>
                    {request.title}{' '}
                    <span class="count">{countOf(request.votes, 'vote', 'votes')}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p class="empty">Nothing here.</p>
            )}
          </section>
        ))}
      </div>
    </div>
  )
}
