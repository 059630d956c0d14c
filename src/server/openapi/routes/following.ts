import * as v from 'valibot'
import type { ResponseDoc, RouteDoc } from '../route-doc'
import { FollowResponseSchema } from '../schemas/following'
import { CALLER_HEADERS, REQUEST_PARAMS, WIDGET_TAG, WRITE_ERRORS } from './public-common'

const html = (description: string): ResponseDoc => ({ description, contentType: 'text/html' })

const FOLLOWING =
  'Authors, voters and commenters follow a request by default; whoever unfollows it gets no ' +
  'email and no widget update about it until they follow again (a later vote or comment does ' +
  'not undo an unfollow). Identified people only: anonymous callers answer 401 ' +
  'identity_required. Idempotent; a merged request is followed through the one it went into.'

const PORTAL_FOLLOWING =
  "The same, for the portal session's person (cookie `reqio_portal`; needs the portal's own " +
  '`Origin`). A form post (JavaScript off) answers 303 back to the page; its ' +
  '`_method=DELETE` unfollows.'

const PREFERENCES_QUERY = v.object({
  token: v.pipe(v.string(), v.description("The signed token of the email's footer link.")),
  lang: v.optional(v.pipe(v.string(), v.description('en, de or fr; else from Accept-Language.'))),
})

/**
 * Following a request and choosing which news arrives (spec/api.md v3 "Intake and moderation" >
 * Following): the widget's and the portal's follow toggles, and the page every email's footer
 * links to.
 */
export const followingDocs: readonly RouteDoc[] = [
  {
    method: 'post',
    path: '/v1/projects/{projectId}/requests/{requestId}/follow',
    summary: 'Follow a request',
    description: FOLLOWING,
    tag: WIDGET_TAG,
    security: ['identityToken'],
    pathParams: REQUEST_PARAMS,
    headers: CALLER_HEADERS,
    responses: { 200: { description: 'Following.', schema: FollowResponseSchema } },
    errors: WRITE_ERRORS,
  },
  {
    method: 'delete',
    path: '/v1/projects/{projectId}/requests/{requestId}/follow',
    summary: 'Unfollow a request',
    description: FOLLOWING,
    tag: WIDGET_TAG,
    security: ['identityToken'],
    pathParams: REQUEST_PARAMS,
    headers: CALLER_HEADERS,
    responses: { 200: { description: 'Not following.', schema: FollowResponseSchema } },
    errors: WRITE_ERRORS,
  },
  {
    method: 'post',
    path: '/p/{projectId}/requests/{requestId}/follow',
    summary: 'Follow from the portal',
    description: PORTAL_FOLLOWING,
    tag: 'Portal writes',
    security: [],
    pathParams: REQUEST_PARAMS,
    responses: {
      200: { description: 'Following.', schema: FollowResponseSchema },
      303: { description: 'A form post: back to the request page (`Location`).' },
    },
    errors: [...WRITE_ERRORS, 403],
  },
  {
    method: 'delete',
    path: '/p/{projectId}/requests/{requestId}/follow',
    summary: 'Unfollow from the portal',
    description: PORTAL_FOLLOWING,
    tag: 'Portal writes',
    security: [],
    pathParams: REQUEST_PARAMS,
    responses: { 200: { description: 'Not following.', schema: FollowResponseSchema } },
    errors: [...WRITE_ERRORS, 403],
  },
  {
    method: 'get',
    path: '/p/{projectId}/email-preferences',
    summary: 'The email preferences page',
    description:
      "Every email's footer links here. A form with one checkbox per kind of news (`status`, " +
      "`reply`, `shipped`); a kind turned off reaches neither email nor the widget's Updates. " +
      'No login: the signed token is the authorisation; served whether or not the portal is on.',
    tag: 'Email',
    security: [],
    pathParams: { projectId: 'The project the email came from.' },
    query: PREFERENCES_QUERY,
    responses: {
      200: html('The form.'),
      400: html('The token is not one this server signed for this project.'),
      404: html('The person is no longer stored.'),
    },
    errors: [429, 503],
  },
  {
    method: 'post',
    path: '/p/{projectId}/email-preferences',
    summary: 'Save email preferences',
    description:
      'The form (`application/x-www-form-urlencoded`): `token` and one `kinds` field per kind ' +
      'wanted. Ticking any kind also undoes an earlier unsubscribe. A browser must post it from ' +
      'this server (`Origin`), else 403.',
    tag: 'Email',
    security: [],
    pathParams: { projectId: 'The project the email came from.' },
    responses: {
      303: { description: 'Saved: the page again, saying so (`Location`).' },
      400: html('The token is not one this server signed for this project.'),
      403: html('Posted from another site.'),
      404: html('The person is no longer stored.'),
    },
    errors: [429, 503],
  },
]
