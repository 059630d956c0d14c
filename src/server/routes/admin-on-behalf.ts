import { type Context, Hono } from 'hono'
import type { AdminCommentResponse, BacklogRequest } from '../../shared/api'
import { notFound } from '../errors'
import type { UnitOfWork } from '../events/commit'
import type { AppEnv, RouteDeps } from '../http/env'
import { answerCreated, readIdempotencyKey } from '../http/idempotency'
import { parseOrFail, readJsonBody } from '../http/json-body'
import { toAdminComment, toBacklogRequest } from '../http/wire'
import { SubClaimSchema } from '../identity/claims-schema'
import { factsAsStored, factsOnBehalf, type OnBehalfOf } from '../identity/on-behalf-facts'
import { personVoter } from '../store'
import { findStoredCompany, findStoredPerson } from '../store/stored-person-facts'
import { postComment } from './comments'
import {
  CommentOnBehalfSchema,
  NewRequestOnBehalfSchema,
  VoteOnBehalfSchema,
} from './on-behalf-schemas'
import { submitRequest } from './requests'
import { changeVote } from './votes'

/**
 * Feedback on a customer's behalf (spec v3): the team files a request, a vote or a comment as
 * the person `onBehalfOf` names, through the very functions the widget's calls run
 * (submitRequest, changeVote, postComment), so their revenue and company count and the same
 * webhooks, emails and widget updates follow. The person's facts are recorded as of now, as a
 * token carrying those claims would record them; each write is audited with the member (or
 * token) that made it and the person's `sub`.
 */
export function adminOnBehalfRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>()
    .post('/requests', async (c) => {
      const idempotencyKey = readIdempotencyKey(c)
      const { onBehalfOf, ...input } = await readJsonBody(c, NewRequestOnBehalfSchema)
      await actOnBehalfOf(deps, c, onBehalfOf)
      const { request, created } = await submitRequest(
        deps,
        c,
        { ...input, attachmentIds: [] },
        idempotencyKey,
        auditOnBehalf('request.created', onBehalfOf.sub),
      )
      return answerCreated(c, { request: await backlogRequest(deps, c, request.id) }, created)
    })
    .post('/requests/:rid/votes', async (c) => {
      const { onBehalfOf } = await readJsonBody(c, VoteOnBehalfSchema)
      await actOnBehalfOf(deps, c, onBehalfOf)
      const { request } = await changeVote(
        deps,
        c,
        'vote.created',
        c.req.param('rid'),
        auditOnBehalf('vote.added', onBehalfOf.sub),
      )
      return c.json({ request: await backlogRequest(deps, c, request.id) })
    })
    .delete('/requests/:rid/votes/:sub', async (c) => {
      const sub = parseOrFail(SubClaimSchema, c.req.param('sub'), 'sub')
      const stored = await findStoredPerson(deps.store.db, c.get('project').id, sub)
      c.set('actor', { voter: personVoter(sub), person: stored && factsAsStored(sub, stored) })
      const { request } = await changeVote(
        deps,
        c,
        'vote.deleted',
        c.req.param('rid'),
        auditOnBehalf('vote.removed', sub),
      )
      return c.json({ request: await backlogRequest(deps, c, request.id) })
    })
}

/**
 * Whether a POST to .../requests/:rid/comments is a customer's comment filed on their behalf
 * (it names `onBehalfOf`) rather than a team reply. Hono keeps the body, so it is read again.
 */
export async function isCommentOnBehalf(c: Context<AppEnv>): Promise<boolean> {
  try {
    const body: unknown = JSON.parse(await c.req.text())
    return typeof body === 'object' && body !== null && 'onBehalfOf' in body
  } catch {
    return false
  }
}

/** POST .../requests/:rid/comments with `onBehalfOf`: a customer comment by that person. */
export async function commentOnBehalf(deps: RouteDeps, c: Context<AppEnv>) {
  const idempotencyKey = readIdempotencyKey(c)
  const { body, onBehalfOf } = await readJsonBody(c, CommentOnBehalfSchema)
  await actOnBehalfOf(deps, c, onBehalfOf)
  const { comment, created } = await postComment(
    deps,
    c as Context<AppEnv, '/:requestId'>,
    { body, attachmentIds: [] },
    idempotencyKey,
    c.req.param('rid') ?? '',
    async (w, posted) =>
      w.audit({
        action: 'comment.created',
        target: posted.requestId,
        detail: { onBehalfOf: onBehalfOf.sub, commentId: posted.id },
      }),
  )
  return answerCreated(
    c,
    { comment: toAdminComment(comment) } satisfies AdminCommentResponse,
    created,
  )
}

/**
 * Makes the call's actor the person `onBehalfOf` names, with their facts as of now (stored
 * facts fill what the call leaves out: on-behalf-facts.ts).
 */
export async function actOnBehalfOf(deps: RouteDeps, c: Context<AppEnv>, onBehalfOf: OnBehalfOf) {
  const projectId = c.get('project').id
  const stored = await findStoredPerson(deps.store.db, projectId, onBehalfOf.sub)
  const companyId = onBehalfOf.company?.id ?? stored?.company?.id
  const storedCompany = companyId
    ? await findStoredCompany(deps.store.db, projectId, companyId)
    : null
  const facts = factsOnBehalf(onBehalfOf, stored, storedCompany, deps.clock.now())
  c.set('actor', { voter: personVoter(facts.sub), person: facts })
}

/** The audit line of a write on someone's behalf, written in the write's own transaction. */
function auditOnBehalf(action: string, sub: string) {
  return async (w: UnitOfWork, request: { id: string }) =>
    w.audit({ action, target: request.id, detail: { onBehalfOf: sub } })
}

/** The dashboard's view of the request after the write: revenue, accounts and voters. */
async function backlogRequest(
  deps: RouteDeps,
  c: Context<AppEnv>,
  requestId: string,
): Promise<BacklogRequest> {
  const entry = await deps.store.backlog.get(c.get('project').id, requestId)
  if (!entry) throw notFound.request()
  return toBacklogRequest(entry)
}
