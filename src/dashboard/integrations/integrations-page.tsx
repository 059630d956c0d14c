import { useMemo } from 'preact/hooks'
import type { AdminClient } from '../api/admin-client'
import { useLoad } from '../ui/use-load'
import { GitHubCard } from './github-card'
import { integrationsClient } from './integrations-client'
import { LinearCard } from './linear-card'
import { SlackCard } from './slack-card'
import './integrations.css'

/**
 * Settings › Integrations (owners and admins): where the team already works. Slack hears what
 * happens; GitHub and Linear issues linked to requests move them when the issues move. One card
 * per tool, each saying first whether it is connected.
 */
export function IntegrationsPage({
  client,
  projectId,
  reqioBase,
}: {
  client: AdminClient
  projectId: string
  /** Reqio's own base URL (no trailing slash): where trackers send their events. */
  reqioBase: string
}) {
  const api = useMemo(() => integrationsClient(client), [client])
  const overview = useLoad(() => api.overview(projectId), [api, projectId], {
    failure: 'The integrations could not be loaded',
  })
  const trackers = overview.data
  return (
    <div class="integrations">
      <p class="hint">
        Tell the team in Slack what customers ask, and let GitHub and Linear move requests as the
        work moves: a linked issue that closes marks its request done, and everyone who asked hears
        of it.
      </p>
      <SlackCard api={api} projectId={projectId} />
      {overview.error ? <p role="alert">{overview.error}</p> : null}
      {trackers ? (
        <>
          <GitHubCard
            api={api}
            projectId={projectId}
            reqioBase={reqioBase}
            summary={trackers.github}
            onChanged={overview.reload}
          />
          <LinearCard
            api={api}
            projectId={projectId}
            reqioBase={reqioBase}
            summary={trackers.linear}
            onChanged={overview.reload}
          />
        </>
      ) : overview.error ? null : (
        <p class="hint">Loading GitHub and Linear…</p>
      )}
    </div>
  )
}
