import { type Context, Hono } from 'hono'
import type { AppEnv, RouteDeps } from '../http/env'
import { parseOrFail } from '../http/json-body'
import { limitPublicWrites } from '../http/rate-limit'
import { newCommentHandler, postComment } from '../routes/comments'
import { NewCommentSchema, NewRequestSchema } from '../routes/request-schemas'
import { newRequestHandler, submitRequest } from '../routes/requests'
import { changeVote, type VoteChange, voteHandler } from '../routes/votes'
import { resolvePortalCaller } from './portal-caller'
import {
  formErrorPages,
  formIdempotencyKey,
  isFormPost,
  pageFormCameFrom,
  portalPathPrefix,
  readFormFields,
  seeOther,
} from './portal-form'
import { limitPortalForm, readFormWithImages, uploadFormImages } from './portal-form-images'

/**
 * The portal's writes (spec/api.md "A home on the web: the portal"): POST /p/{pid}/requests,
 * POST and DELETE /p/{pid}/requests/{rid}/vote, POST /p/{pid}/requests/{rid}/comments. The
 * public API's handlers, limits and rules (`requireIdentity`, `allowAnonymousComments`, the
 * caps) run as they are, for the portal session's person or the anonymous visitor
 * (portal-caller.ts). JSON in: the public API's answers. A form (JavaScript off): a 303 to the
 * page to look at next (portal-form.ts).
 */
export function portalWritesRoutes(deps: RouteDeps) {
  const guards = [
    formErrorPages(),
    limitPortalForm(),
    resolvePortalCaller(deps),
    limitPublicWrites(deps.rateLimiter, deps.config),
  ] as const
  const requestPage = (c: Context<AppEnv>, requestId: string) =>
    `${portalPathPrefix(c, c.get('project'))}/requests/${encodeURIComponent(requestId)}`

  const newRequest = newRequestHandler(deps)
  const newComment = newCommentHandler(deps)
  const vote = (type: VoteChange) => {
    const json = voteHandler(deps, type)
    return async (c: Context<AppEnv>) => {
      if (!isFormPost(c)) return json(c)
      // A form cannot send DELETE: the page's "remove my vote" form says so in `_method`.
      const fields = await readFormFields(c)
      const change = fields._method?.toUpperCase() === 'DELETE' ? 'vote.deleted' : type
      const { request } = await changeVote(deps, c, change)
      return seeOther(c, pageFormCameFrom(c, c.get('project'), requestPage(c, request.id)))
    }
  }

  return new Hono<AppEnv>()
    .post('/p/:projectId/requests', ...guards, async (c) => {
      if (!isFormPost(c)) return newRequest(c)
      const { fields, images } = await readFormWithImages(c)
      const input = parseOrFail(NewRequestSchema, formText(fields, ['title', 'body']))
      // The words are checked before any image is uploaded for them.
      const attachmentIds = await uploadFormImages(deps, c, images)
      const { request } = await submitRequest(
        deps,
        c,
        { ...input, attachmentIds },
        formIdempotencyKey(fields),
      )
      return seeOther(c, requestPage(c, request.id))
    })
    .post('/p/:projectId/requests/:requestId/vote', ...guards, vote('vote.created'))
    .delete('/p/:projectId/requests/:requestId/vote', ...guards, vote('vote.deleted'))
    .post('/p/:projectId/requests/:requestId/comments', ...guards, async (c) => {
      if (!isFormPost(c)) return newComment(c)
      const { fields, images } = await readFormWithImages(c)
      const input = parseOrFail(NewCommentSchema, formText(fields, ['body']))
      const attachmentIds = await uploadFormImages(deps, c, images)
      const { comment } = await postComment(
        deps,
        c,
        { ...input, attachmentIds },
        formIdempotencyKey(fields),
      )
      return seeOther(c, `${requestPage(c, comment.requestId)}#comment-${comment.id}`)
    })
}

/** The named fields a form sent (an empty optional field is as good as absent). */
function formText(fields: Record<string, string>, names: string[]): Record<string, string> {
  const picked: Record<string, string> = {}
  for (const name of names) if (fields[name] !== undefined) picked[name] = fields[name]
  return picked
}
