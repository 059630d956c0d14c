import { type Context, Hono } from 'hono'
import type { FollowResponse } from '../../shared/api'
import type { AppEnv, RouteDeps } from '../http/env'
import { limitPublicWrites } from '../http/rate-limit'
import { changeFollowing } from '../routes/follow'
import { resolvePortalCaller } from './portal-caller'
import {
  formErrorPages,
  isFormPost,
  pageFormCameFrom,
  portalPathPrefix,
  readFormFields,
  seeOther,
} from './portal-form'

const FOLLOW_PATH = '/p/:projectId/requests/:requestId/follow'

/**
 * POST and DELETE /p/{pid}/requests/{rid}/follow: the public API's follow for the portal's
 * signed-in person (an anonymous visitor: 401 identity_required, as on the API). JSON in: the
 * API's answer. A form (JavaScript off): a 303 back to the request's page; a form cannot send
 * DELETE, so the Unfollow form says `_method=DELETE`.
 */
export function portalFollowRoutes(deps: RouteDeps) {
  const guards = [
    formErrorPages(),
    resolvePortalCaller(deps),
    limitPublicWrites(deps.rateLimiter, deps.config),
  ] as const
  const handler = (wanted: boolean) => async (c: Context<AppEnv>) => {
    if (!isFormPost(c)) {
      const { following } = await changeFollowing(deps, c, wanted)
      return c.json({ following } satisfies FollowResponse)
    }
    const fields = await readFormFields(c)
    const { requestId } = await changeFollowing(
      deps,
      c,
      wanted && fields._method?.toUpperCase() !== 'DELETE',
    )
    const requestPage = `${portalPathPrefix(c, c.get('project'))}/requests/${encodeURIComponent(requestId)}`
    return seeOther(c, pageFormCameFrom(c, c.get('project'), requestPage))
  }
  return new Hono<AppEnv>()
    .post(FOLLOW_PATH, ...guards, handler(true))
    .delete(FOLLOW_PATH, ...guards, handler(false))
}
