import { type Context, Hono } from 'hono'
import type { CommentResponse, RequestResponse } from '../../shared/api'
import type { AppEnv, RouteDeps } from '../http/env'
import { parseOrFail, readJsonBody } from '../http/json-body'
import { limitPublicWrites } from '../http/rate-limit'
import { toPublicComment, toPublicRequest } from '../http/wire'
import { deleteOwnComment, editOwnComment } from '../routes/comment-edits'
import { CommentEditSchema, RequestEditSchema } from '../routes/edit-schemas'
import { editOwnRequest } from '../routes/request-edits'
import { resolvePortalCaller } from './portal-caller'
import {
  formErrorPages,
  isFormPost,
  portalPathPrefix,
  readFormFields,
  seeOther,
} from './portal-form'

/**
 * spec v3 "Editing your own words" on the portal, for its signed-in person or anonymous visitor
 * (portal-caller.ts), with the public API's rules and limits (routes/comment-edits.ts,
 * routes/request-edits.ts). JSON: PATCH and DELETE, with the public API's answers. Forms
 * (JavaScript off) can only POST: POST …/requests/{rid} edits the request, POST
 * …/comments/{cid} edits the comment or, with `_method=DELETE`, deletes it; each answers 303 to
 * the request's page, or on refusal the portal's "Not saved" page saying why (portal-form.ts).
 */
export function portalWordEditsRoutes(deps: RouteDeps) {
  const guards = [
    formErrorPages(),
    resolvePortalCaller(deps),
    limitPublicWrites(deps.rateLimiter, deps.config),
  ] as const
  const requestPage = (c: Context<AppEnv>, requestId: string) =>
    `${portalPathPrefix(c, c.get('project'))}/requests/${encodeURIComponent(requestId)}`
  const requestPath = '/p/:projectId/requests/:requestId'
  const commentPath = `${requestPath}/comments/:commentId`

  const editRequest = async (c: Context<AppEnv, typeof requestPath>) => {
    if (isFormPost(c)) {
      const fields = await readFormFields(c)
      const input = parseOrFail(RequestEditSchema, pick(fields, ['title', 'body']))
      const { request } = await editOwnRequest(deps, c, input)
      return seeOther(c, requestPage(c, request.id))
    }
    const input = await readJsonBody(c, RequestEditSchema)
    const { request, actor } = await editOwnRequest(deps, c, input)
    return c.json({ request: toPublicRequest(request, actor.voter) } satisfies RequestResponse)
  }
  const editComment = async (c: Context<AppEnv, typeof commentPath>) => {
    const input = await readJsonBody(c, CommentEditSchema)
    const { comment, actor } = await editOwnComment(deps, c, input.body)
    return c.json({ comment: toPublicComment(comment, actor.voter) } satisfies CommentResponse)
  }

  return new Hono<AppEnv>()
    .patch(requestPath, ...guards, editRequest)
    .post(requestPath, ...guards, editRequest)
    .patch(commentPath, ...guards, editComment)
    .delete(commentPath, ...guards, async (c) => {
      await deleteOwnComment(deps, c)
      return c.body(null, 204)
    })
    .post(commentPath, ...guards, async (c) => {
      if (!isFormPost(c)) return editComment(c)
      const fields = await readFormFields(c)
      if (fields._method?.toUpperCase() === 'DELETE') {
        const removed = await deleteOwnComment(deps, c)
        return seeOther(c, `${requestPage(c, removed.requestId)}#portal-comments`)
      }
      const input = parseOrFail(CommentEditSchema, pick(fields, ['body']))
      const { comment } = await editOwnComment(deps, c, input.body)
      return seeOther(c, `${requestPage(c, comment.requestId)}#comment-${comment.id}`)
    })
}

/** The named fields a form sent. */
function pick(fields: Record<string, string>, names: string[]): Record<string, string> {
  const picked: Record<string, string> = {}
  for (const name of names) if (fields[name] !== undefined) picked[name] = fields[name]
  return picked
}
