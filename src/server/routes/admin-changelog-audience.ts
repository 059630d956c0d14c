import { Hono } from 'hono'
import type { AudienceResponse } from '../../shared/notifications'
import { actingMember } from '../auth/team-actor'
import { invalid } from '../errors'
import type { AppEnv, RouteDeps } from '../http/env'
import { emailable, withoutTeamMember } from '../jobs/notify/context'
import { linkingKnownRequests } from './changelog-request-ids'
import { CHANGELOG_MAX_REQUESTS } from './changelog-schemas'

/** A request id as the changelog's requestIds take it (changelog-schemas.ts). */
const REQUEST_ID = /^[^,\s]{1,64}$/

/**
 * GET /v1/admin/projects/:id/changelog/audience?requestIds=r_1,r_2: who publishing an entry
 * that ships these requests would tell, asked before the team presses Publish ("3 people will
 * be emailed"). The member asking is left out, as the notification leaves them out.
 */
export function adminChangelogAudienceRoutes(deps: RouteDeps) {
  const mailMode = () => deps.notifications.mail.mode
  return new Hono<AppEnv>().get('/', async (c) => {
    const project = c.get('project')
    const requestIds = parseRequestIds(c.req.query('requestIds'))
    const audience = await linkingKnownRequests(() =>
      deps.store.changelog.audienceOf(project.id, requestIds),
    )
    const people = withoutTeamMember(audience.people, actingMember(c)?.email ?? null)
    const body: AudienceResponse = {
      people: people.length,
      withEmail: mailMode() === 'off' ? 0 : emailable(people).length,
      anonymous: audience.anonymous,
      mail: mailMode(),
    }
    return c.json(body)
  })
}

/** `r_1,r_2` as ids; absent or empty: none (an entry that ships nothing tells nobody). */
function parseRequestIds(query: string | undefined): string[] {
  const ids = (query ?? '').split(',').filter((id) => id !== '')
  if (ids.length > CHANGELOG_MAX_REQUESTS) {
    throw invalid('requestIds', `at most ${CHANGELOG_MAX_REQUESTS} requests per entry`)
  }
  const bad = ids.find((id) => !REQUEST_ID.test(id))
  if (bad !== undefined)
    throw invalid('requestIds', 'requestIds must be request ids, comma-separated')
  return [...new Set(ids)]
}
