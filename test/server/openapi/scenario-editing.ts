/**
 * Scenario rows for spec v3 "Editing your own words" (scenario.ts spreads them in): the widget's
 * PATCH/DELETE of one's own comment and PATCH of one's own request, and the portal's.
 * EDITING_STEPS runs after "ann comments" (kept.commentId) on the anonymous visitor's request
 * (kept.requestId) that ann voted for.
 */
import type { ScenarioState, Step } from './scenario'

const ANONYMOUS = { 'X-Reqio-Anonymous-Id': 'anon-openapi-0001' }
const as = (token: string) => ({ Authorization: `Bearer ${token}` })
const request = (s: ScenarioState) => `/v1/projects/${s.projectId}/requests/${s.kept.requestId}`
const annComment = (s: ScenarioState) => `${request(s)}/comments/${s.kept.commentId}`

export const EDITING_STEPS: readonly Step[] = [
  {
    name: 'ann edits her comment',
    method: 'PATCH',
    path: annComment,
    headers: (s) => as(s.ann),
    body: () => ({ body: 'We need this by April.' }),
    expect: 200,
  },
  {
    name: "bob edits ann's comment",
    method: 'PATCH',
    path: annComment,
    headers: (s) => as(s.bob),
    body: () => ({ body: 'Not mine' }),
    expect: 403,
  },
  {
    name: 'an empty comment edit',
    method: 'PATCH',
    path: annComment,
    headers: (s) => as(s.ann),
    body: () => ({ body: ' ' }),
    expect: 400,
  },
  {
    name: "bob deletes ann's comment",
    method: 'DELETE',
    path: annComment,
    headers: (s) => as(s.bob),
    expect: 403,
  },
  {
    name: 'a comment that is not there',
    method: 'DELETE',
    path: (s) => `${request(s)}/comments/c_nope`,
    headers: (s) => as(s.ann),
    expect: 404,
  },
  {
    name: 'the author edits a request ann voted for',
    method: 'PATCH',
    path: request,
    headers: () => ANONYMOUS,
    body: () => ({ title: 'Export to Excel' }),
    expect: 409,
  },
  {
    name: 'bob edits a request he did not write',
    method: 'PATCH',
    path: request,
    headers: (s) => as(s.bob),
    body: () => ({ body: 'Mine now' }),
    expect: 403,
  },
  {
    name: 'bob files a request',
    method: 'POST',
    path: (s) => `/v1/projects/${s.projectId}/requests`,
    headers: (s) => as(s.bob),
    body: () => ({ title: 'Dark mdoe' }),
    expect: 201,
    keep: (s, json) => {
      s.kept.bobRequestId = json.request.id
    },
  },
  {
    name: 'bob edits his request',
    method: 'PATCH',
    path: (s) => `/v1/projects/${s.projectId}/requests/${s.kept.bobRequestId}`,
    headers: (s) => as(s.bob),
    body: () => ({ title: 'Dark mode', body: 'For the night shift.' }),
    expect: 200,
  },
  {
    name: 'ann deletes her comment',
    method: 'DELETE',
    path: annComment,
    headers: (s) => as(s.ann),
    expect: 204,
  },
]

const visitorCookie = (res: Response) =>
  /reqio_portal_visitor=[^;]+/.exec(res.headers.get('Set-Cookie') ?? '')?.[0] ?? ''
const portalVisitor = (s: ScenarioState) => ({
  Cookie: s.kept.portalVisitor ?? '',
  Origin: s.url,
})
const portalRequest = (s: ScenarioState) => `/p/${s.projectId}/requests/${s.kept.portalRequestId}`

export const PORTAL_EDITING_STEPS: readonly Step[] = [
  {
    name: 'a portal visitor files a request to edit',
    method: 'POST',
    path: (s) => `/p/${s.projectId}/requests`,
    body: () => ({ title: 'Portal ideaa' }),
    expect: 201,
    keep: (s, json, res) => {
      s.kept.portalRequestId = json.request.id
      s.kept.portalVisitor = visitorCookie(res)
    },
  },
  {
    name: 'the portal visitor edits their request',
    method: 'PATCH',
    path: portalRequest,
    headers: portalVisitor,
    body: () => ({ title: 'Portal idea' }),
    expect: 200,
  },
  {
    name: 'the portal visitor edits their request by form',
    method: 'POST',
    path: portalRequest,
    headers: (s) => ({
      ...portalVisitor(s),
      'Content-Type': 'application/x-www-form-urlencoded',
    }),
    body: () => 'title=Portal+idea&body=From+a+form',
    expect: 303,
  },
  {
    name: 'another portal visitor edits that request',
    method: 'PATCH',
    path: portalRequest,
    body: () => ({ title: 'Not mine' }),
    expect: 403,
  },
  {
    name: 'a portal visitor edits a comment where only signed-in people may comment',
    method: 'PATCH',
    path: (s) => `${portalRequest(s)}/comments/c_nope`,
    headers: portalVisitor,
    body: () => ({ body: 'x' }),
    expect: 401,
  },
  {
    name: 'a portal visitor posts a comment edit where only signed-in people may comment',
    method: 'POST',
    path: (s) => `${portalRequest(s)}/comments/c_nope`,
    headers: portalVisitor,
    body: () => ({ body: 'x' }),
    expect: 401,
  },
  {
    name: 'a portal deletion of a comment that is not there',
    method: 'DELETE',
    path: (s) => `${portalRequest(s)}/comments/c_nope`,
    headers: portalVisitor,
    expect: 404,
  },
]
