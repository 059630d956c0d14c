import type { Context } from 'hono'
import { Hono } from 'hono'
import * as v from 'valibot'
import type { TeamEmailSettings } from '../../shared/team-email'
import { assertSameOrigin } from '../auth/same-origin'
import { readSession } from '../auth/session-cookie'
import { unauthorized } from '../errors'
import { commit } from '../events/commit'
import type { AppEnv, RouteDeps } from '../http/env'
import { readJsonBody } from '../http/json-body'
import { readTeamEmailSettings, saveTeamEmailSettings } from '../store/team-email-settings-store'

/** PUT /v1/auth/notifications: either choice may be left out (it keeps its value). */
export const TeamEmailSettingsSchema = v.strictObject({
  newRequest: v.optional(v.boolean('newRequest must be true or false')),
  newComment: v.optional(v.boolean('newComment must be true or false')),
})

async function signedInMember(c: Context, deps: RouteDeps) {
  const session = await readSession(c, deps)
  if (!session) throw unauthorized('Not signed in.')
  return session.member
}

/**
 * Team email (spec/api.md v3 "The team's tools"): what the signed-in member is emailed about.
 * The session's own, never another member's; the admin token and API keys have no inbox here.
 */
export function authNotificationsRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>()
    .get('/v1/auth/notifications', async (c) => {
      const member = await signedInMember(c, deps)
      const settings: TeamEmailSettings = await readTeamEmailSettings(deps.store.db, member)
      return c.json(settings)
    })
    .put('/v1/auth/notifications', async (c) => {
      const member = await signedInMember(c, deps)
      assertSameOrigin(c, deps.config, { required: true })
      const input = await readJsonBody(c, TeamEmailSettingsSchema)
      const settings = await commit(deps, c, async (w) => {
        const current = await readTeamEmailSettings(w.tx, member)
        const next: TeamEmailSettings = {
          newRequest: input.newRequest ?? current.newRequest,
          newComment: input.newComment ?? current.newComment,
        }
        await saveTeamEmailSettings(w.tx, member.id, next, w.now)
        return next
      })
      return c.json(settings)
    })
}
