import type { Context } from 'hono'
import { Hono } from 'hono'
import type * as v from 'valibot'
import type { RequestResponse } from '../../shared/api'
import { conflict, forbidden, notFound } from '../errors'
import { requestUpdated } from '../events/build'
import { commit } from '../events/commit'
import type { AppEnv, RouteDeps } from '../http/env'
import { readJsonBody } from '../http/json-body'
import { toPublicRequest } from '../http/wire'
import type { Actor, RequestRecord, Store } from '../store'
import { editRequestText, lockRequestForAuthorEdit } from '../store/word-edits'
import { requireActor } from './actor'
import { RequestEditSchema } from './edit-schemas'

/**
 * spec v3 "Editing your own words": PATCH /v1/projects/:projectId/requests/:requestId
 * `{title?, body?}` by the request's author (the same person or anonymous id), while nobody else
 * has voted or commented on it (team replies do not count); else 409 conflict. Anyone else:
 * 403 forbidden. A new title tells the webhooks (request.updated, as the contract lists title
 * changes); a new body tells nobody. Search follows at once (search_text is generated).
 */
export function requestEditsRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>().patch('/v1/projects/:projectId/requests/:requestId', async (c) => {
    const input = await readJsonBody(c, RequestEditSchema)
    const { request, actor } = await editOwnRequest(deps, c, input)
    return c.json({ request: toPublicRequest(request, actor.voter) } satisfies RequestResponse)
  })
}

/** The author's edit of their request; shared with the portal (portal-word-edits.ts). */
export async function editOwnRequest(
  deps: RouteDeps,
  c: Context<AppEnv, '/:requestId'>,
  input: v.InferOutput<typeof RequestEditSchema>,
): Promise<{ request: RequestRecord; actor: Actor }> {
  const actor = requireActor(c)
  const projectId = c.get('project').id
  const requestId = c.req.param('requestId')
  const request = await commit(deps, c, async (w) => {
    const locked = await lockRequestForAuthorEdit(w.tx, projectId, requestId)
    if (!locked) throw await whyNotEditable(w.store, projectId, requestId)
    if (locked.authorVoter !== actor.voter) {
      throw forbidden('Only the person who wrote a request may change it.')
    }
    if (locked.othersJoined) {
      throw conflict(
        'Someone else has voted or commented on this request, so its words can no longer change.',
      )
    }
    await editRequestText(w.tx, projectId, requestId, input, w.now)
    const event = requestUpdated(
      { projectId, id: requestId },
      { status: locked.status, title: locked.title },
      { title: input.title },
      null,
    )
    if (event) await w.emit(event)
    const edited = await w.store.requests.find(projectId, requestId, actor.voter)
    if (!edited) throw new Error('request vanished in its own transaction')
    return edited
  })
  return { request, actor }
}

/** A merged request has other people's votes in the one it went into; anything else is absent. */
async function whyNotEditable(store: Store, projectId: string, requestId: string) {
  return (await store.requests.find(projectId, requestId, null))
    ? conflict('This request was merged into another one, so its words can no longer change.')
    : notFound.request()
}
