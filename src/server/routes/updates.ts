import { Hono } from 'hono'
import * as v from 'valibot'
import type { UpdatesResponse } from '../../shared/notifications'
import type { AppEnv, RouteDeps } from '../http/env'
import { readJsonBody } from '../http/json-body'

/** POST …/updates/read: which updates were seen; none named: all of them. */
export const ReadUpdatesSchema = v.object({
  ids: v.optional(v.pipe(v.array(v.string('ids must be strings')), v.maxLength(500))),
})

/**
 * GET /v1/projects/:pid/updates and POST …/updates/read: what moved on the requests the
 * identified caller wrote, voted or commented on. Anonymous callers have none.
 */
export function updatesRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>()
    .get('/v1/projects/:projectId/updates', async (c) => {
      const person = c.get('actor')?.person
      const body: UpdatesResponse = person
        ? await deps.store.updates.list(c.get('project').id, person.sub)
        : { updates: [], unread: 0 }
      return c.json(body)
    })
    .post('/v1/projects/:projectId/updates/read', async (c) => {
      const input = await readJsonBody(c, ReadUpdatesSchema)
      const person = c.get('actor')?.person
      if (!person) return c.json({ unread: 0 })
      const unread = await deps.store.updates.markRead(
        c.get('project').id,
        person.sub,
        input.ids ?? null,
        deps.clock.now(),
      )
      return c.json({ unread })
    })
}
