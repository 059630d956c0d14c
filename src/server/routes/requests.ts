import { type Context, Hono } from 'hono'
import type * as v from 'valibot'
import { PENDING_STATUS, type RequestListResponse, type RequestResponse } from '../../shared/api'
import { attachUploads } from '../attachments/attach-uploads'
import { actingMember } from '../auth/team-actor'
import { requestCreated } from '../events/build'
import { commit, type UnitOfWork } from '../events/commit'
import type { AppEnv, RouteDeps } from '../http/env'
import { answerCreated, readIdempotencyKey } from '../http/idempotency'
import { parseOrFail, readJsonBody } from '../http/json-body'
import { toPublicRequest } from '../http/wire'
import type { RequestRecord } from '../store'
import { requireActor } from './actor'
import { awaitsApproval, withOwnPending } from './moderated-requests'
import { ListQuerySchema, NewRequestSchema } from './request-schemas'

/** GET and POST /v1/projects/:projectId/requests. */
export function requestsRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>()
    .get('/v1/projects/:projectId/requests', async (c) => {
      const query = parseOrFail(ListQuerySchema, {
        sort: c.req.query('sort'),
        q: c.req.query('q'),
        similar: c.req.query('similar'),
        tag: c.req.query('tag'),
      })
      const projectId = c.get('project').id
      const voter = c.get('actor')?.voter ?? null
      const requests = query.similar
        ? await deps.caches.similar({ projectId, title: query.similar, voter })
        : await withOwnPending(
            deps,
            projectId,
            voter,
            query.q || query.tag,
            await deps.caches.publicList({
              projectId,
              sort: query.sort,
              q: query.q || null,
              voter,
              tag: query.tag || null,
            }),
          )
      const body: RequestListResponse = {
        requests: requests.map((request) => toPublicRequest(request, voter)),
      }
      // The board's load tells the widget whether "What's new" has news: no extra request.
      const latestChangelogAt = query.similar
        ? null
        : await deps.caches.latestChangelogAt(projectId)
      if (latestChangelogAt) body.latestChangelogAt = latestChangelogAt
      return c.json(body)
    })
    .post('/v1/projects/:projectId/requests', newRequestHandler(deps))
}

/** The public answer to a new request, shared with the portal (portal/portal-writes.ts). */
export function newRequestHandler(deps: RouteDeps) {
  return async (c: Context<AppEnv>) => {
    const idempotencyKey = readIdempotencyKey(c)
    const input = await readJsonBody(c, NewRequestSchema)
    const { request, created, actor } = await submitRequest(deps, c, input, idempotencyKey)
    const body: RequestResponse = { request: toPublicRequest(request, actor.voter) }
    return answerCreated(c, body, created)
  }
}

/**
 * Files a request as the caller (`actor`), casting their vote; a replayed key files nothing.
 * `alsoWhenCreated` adds to the same transaction (the team's audit line for a request filed on
 * a customer's behalf: admin-on-behalf.ts).
 */
export async function submitRequest(
  deps: RouteDeps,
  c: Context<AppEnv>,
  input: v.InferOutput<typeof NewRequestSchema>,
  idempotencyKey: string | null,
  alsoWhenCreated?: (w: UnitOfWork, request: RequestRecord) => Promise<void>,
) {
  const actor = requireActor(c)
  const projectId = c.get('project').id
  const pending = awaitsApproval(c, actor)
  const { request, created } = await commit(deps, c, async (w) => {
    const result = await w.store.requests.create({
      projectId,
      actor,
      title: input.title,
      body: input.body,
      idempotencyKey,
      now: w.now,
      status: pending ? PENDING_STATUS : undefined,
    })
    if (result.created && input.attachmentIds.length > 0) {
      result.request.attachments = await attachUploads(w, {
        projectId,
        target: { kind: 'request', id: result.request.id },
        ids: input.attachmentIds,
        uploaderVoter: actor.voter,
      })
    }
    // A replay tells nobody: the first call did. A pending request is told of when approved.
    if (result.created && !pending)
      await w.emit(requestCreated(result.request, actingMember(c)?.email ?? null))
    if (result.created && alsoWhenCreated) await alsoWhenCreated(w, result.request)
    return result
  })
  return { request, created, actor }
}
