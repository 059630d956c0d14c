import type { RoadmapLane } from '../shared/api'
import { fill } from '../shared/messages'
import { plural } from './format'
import type { PortalView } from './portal-view'
import { RequestRow } from './request-row'

/** The roadmap: planned, in progress and done, each a list of the requests in it. */
export function RoadmapPage({ view, lanes }: { view: PortalView; lanes: RoadmapLane[] }) {
  const { t } = view
  return (
    <>
      <h1>{t.roadmap}</h1>
      <p class="lead">{fill(t.portal.roadmapDescription, view.project.name)}</p>
      <div class="lanes">
        {lanes.map((lane) => (
          <section key={lane.status} class="lane" aria-labelledby={`lane-${lane.status}`}>
            <h2 id={`lane-${lane.status}`}>
              {t.status[lane.status]}{' '}
              <span class="lane-count">
                {plural(t.locale, t.portal.requestCount, lane.requests.length)}
              </span>
            </h2>
            {lane.requests.length === 0 ? (
              <p class="empty">{t.nothing}</p>
            ) : (
              <ol class="list">
                {lane.requests.map((request) => (
                  <RequestRow key={request.id} view={view} request={request} />
                ))}
              </ol>
            )}
          </section>
        ))}
      </div>
    </>
  )
}
