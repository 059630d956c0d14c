import * as v from 'valibot'
import { REQUEST_STATUSES } from '../../../shared/api'
import { IDEMPOTENCY_KEY_HEADER } from '../../../shared/identity'
import { NewCommentSchema, NewRequestSchema } from '../../routes/request-schemas'
import type { ResponseDoc, RouteDoc } from '../route-doc'
import { CommentResponseSchema, RequestResponseSchema } from '../schemas/requests'
import { PROJECT_PARAM, REQUEST_PARAMS, WRITE_ERRORS } from './public-common'

const PAGES = 'Portal pages'
const WRITES = 'Portal writes'

const described = (text: string) => v.optional(v.pipe(v.string(), v.description(text)))

/** Query parameters every page reads as they come: an unknown value is ignored, never refused. */
const LANG = { lang: described('en, de or fr; else from Accept-Language; anything else: en.') }

const html = (description: string): ResponseDoc => ({ description, contentType: 'text/html' })
const NOT_FOUND = html('Unknown project or request, or the portal is turned off.')

const WRITE_DESCRIPTION =
  "The public API's rules, limits and answers, as the portal session's person (cookie " +
  '`reqio_portal`, from sign-in) or the anonymous visitor (cookie `reqio_portal_visitor`). ' +
  "A cookie-carrying write needs the portal's own `Origin` (else 403). A form post " +
  '(JavaScript off) answers 303 to the page to look at next instead of JSON.'

/** The two forms that take images (portal/portal-form-images.ts). */
const WITH_IMAGES =
  ' As `multipart/form-data` a form may also carry up to 4 files in `images` (PNG, JPEG, WebP ' +
  'or GIF, 5 MiB each): each is uploaded for the caller as `POST /v1/projects/{projectId}/attachments` ' +
  'would (same checks, re-encoding and hourly caps), then attached (`attachmentIds`).'

/** Pages are limited like the public API's reads; the database may be away a moment. */
const PAGE_ERRORS = [429, 503] as const

const SEE_OTHER: ResponseDoc = {
  description: 'A form post: the page to look at next (`Location`).',
}

/**
 * The portal (spec/api.md "A home on the web"): server-rendered pages, feed and sitemap, sign-in
 * from the customer's app, and the writes its forms and portal.js send.
 */
export const portalDocs: readonly RouteDoc[] = [
  {
    method: 'get',
    path: '/p/{projectId}',
    summary: 'The board',
    tag: PAGES,
    security: [],
    pathParams: PROJECT_PARAM,
    query: v.object({
      sort: described('`top` (default) or `new`.'),
      q: described('Words in the title (at most 200 characters are read).'),
      status: described(`One of ${REQUEST_STATUSES.join(', ')}.`),
      ...LANG,
    }),
    responses: { 200: html('The board page.'), 404: NOT_FOUND },
    errors: PAGE_ERRORS,
  },
  {
    method: 'get',
    path: '/p/{projectId}/requests/{requestId}',
    summary: "A request's page",
    description:
      "Title, body, status with the team's note, votes, public comments. A merged request answers 301 to the one it went into.",
    tag: PAGES,
    security: [],
    pathParams: REQUEST_PARAMS,
    query: v.object({ before: described('Show the comments before this cursor.'), ...LANG }),
    responses: {
      200: html('The request page.'),
      301: { description: 'Merged: the request it went into (`Location`).' },
      404: NOT_FOUND,
    },
    errors: PAGE_ERRORS,
  },
  {
    method: 'get',
    path: '/p/{projectId}/roadmap',
    summary: 'The roadmap page',
    tag: PAGES,
    security: [],
    pathParams: PROJECT_PARAM,
    query: v.object(LANG),
    responses: { 200: html('The lanes.'), 404: NOT_FOUND },
    errors: PAGE_ERRORS,
  },
  {
    method: 'get',
    path: '/p/{projectId}/changelog',
    summary: 'The changelog page',
    tag: PAGES,
    security: [],
    pathParams: PROJECT_PARAM,
    query: v.object(LANG),
    responses: { 200: html('The published entries.'), 404: NOT_FOUND },
    errors: PAGE_ERRORS,
  },
  {
    method: 'get',
    path: '/p/{projectId}/changelog.xml',
    summary: 'The changelog as an Atom feed',
    tag: PAGES,
    security: [],
    pathParams: PROJECT_PARAM,
    responses: {
      200: { description: 'The feed.', contentType: 'application/atom+xml' },
      404: NOT_FOUND,
    },
    errors: PAGE_ERRORS,
  },
  {
    method: 'get',
    path: '/p/{projectId}/sitemap.xml',
    summary: "The portal's sitemap",
    tag: PAGES,
    security: [],
    pathParams: PROJECT_PARAM,
    responses: {
      200: { description: 'Every page of the project.', contentType: 'application/xml' },
      404: NOT_FOUND,
    },
    errors: PAGE_ERRORS,
  },
  {
    method: 'get',
    path: '/p/{projectId}/sso',
    summary: "Sign in from the customer's app",
    description:
      "The customer's server mints the usual identity token and sends the browser here. A good " +
      'token sets the portal session cookie (`HttpOnly; SameSite=Lax; Path=/p/{projectId}`, ' +
      'a week) and redirects to `return_to` when it is a page of this portal, else the board.',
    tag: PAGES,
    security: [],
    pathParams: PROJECT_PARAM,
    query: v.object({
      token: described('The identity token.'),
      return_to: described('The portal page to go back to (absolute URL).'),
      ...LANG,
    }),
    responses: {
      302: { description: 'Signed in: back to `return_to` (`Location`).' },
      401: html("The token was refused: a page naming the token error's code; no cookie."),
      404: NOT_FOUND,
    },
    errors: [429],
  },
  {
    method: 'post',
    path: '/p/{projectId}/sso/logout',
    summary: 'Sign out of the portal',
    description:
      "Ends the portal session on the server and clears the cookie; needs the portal's own `Origin`. " +
      'A form field `return_to` says where to go next.',
    tag: PAGES,
    security: [],
    pathParams: PROJECT_PARAM,
    responses: {
      303: { description: 'Signed out: `return_to` or the board (`Location`).' },
      404: NOT_FOUND,
    },
    errors: [403, 429],
  },
  {
    method: 'post',
    path: '/p/{projectId}/requests',
    summary: 'Submit a request from the portal',
    description: WRITE_DESCRIPTION + WITH_IMAGES,
    tag: WRITES,
    security: [],
    pathParams: PROJECT_PARAM,
    headers: {
      [IDEMPOTENCY_KEY_HEADER]: {
        description: 'As on the public API (a form sends it as a field).',
      },
    },
    body: NewRequestSchema,
    responses: {
      201: { description: 'The new request.', schema: RequestResponseSchema },
      303: SEE_OTHER,
    },
    errors: [...WRITE_ERRORS, 403, 415],
  },
  {
    method: 'post',
    path: '/p/{projectId}/requests/{requestId}/vote',
    summary: 'Vote from the portal',
    description: `${WRITE_DESCRIPTION} A form's \`_method=DELETE\` takes the vote back.`,
    tag: WRITES,
    security: [],
    pathParams: REQUEST_PARAMS,
    responses: {
      200: { description: 'The request as the caller now sees it.', schema: RequestResponseSchema },
      303: SEE_OTHER,
    },
    errors: [...WRITE_ERRORS, 403],
  },
  {
    method: 'delete',
    path: '/p/{projectId}/requests/{requestId}/vote',
    summary: 'Take back a vote from the portal',
    description: WRITE_DESCRIPTION,
    tag: WRITES,
    security: [],
    pathParams: REQUEST_PARAMS,
    responses: {
      200: { description: 'The request as the caller now sees it.', schema: RequestResponseSchema },
    },
    errors: [...WRITE_ERRORS, 403],
  },
  {
    method: 'post',
    path: '/p/{projectId}/requests/{requestId}/comments',
    summary: 'Comment from the portal',
    description: WRITE_DESCRIPTION + WITH_IMAGES,
    tag: WRITES,
    security: [],
    pathParams: REQUEST_PARAMS,
    headers: {
      [IDEMPOTENCY_KEY_HEADER]: {
        description: 'As on the public API (a form sends it as a field).',
      },
    },
    body: NewCommentSchema,
    responses: {
      201: { description: 'The new comment.', schema: CommentResponseSchema },
      303: SEE_OTHER,
    },
    errors: [...WRITE_ERRORS, 403, 415],
  },
]
