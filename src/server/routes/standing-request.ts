import type { Context } from 'hono'
import { notFound } from '../errors'
import type { AppEnv, RouteDeps } from '../http/env'
import type { RequestRecord } from '../store'
import { callerVoters, shownTo } from './moderated-requests'

/**
 * The request a public path names (`:requestId`, or `requestId` when given), or the one it was
 * merged into (what a link to a merged request shows); 404 request_not_found when the project
 * has neither, or when the caller may not see it (deleted, or pending and not theirs:
 * moderated-requests.ts). `voter` fills `voted`.
 */
export async function standingRequestOrNotFound(
  deps: RouteDeps,
  c: Context<AppEnv, '/:requestId'>,
  voter: string | null,
  requestId = c.req.param('requestId'),
): Promise<RequestRecord> {
  const projectId = c.get('project').id
  const request = await deps.store.requests.findStanding(projectId, requestId, voter)
  if (!request || !shownTo(request, callerVoters(c))) throw notFound.request()
  return request
}
