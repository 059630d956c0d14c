/**
 * The scenario live-answers-match.test.ts runs, as tables: one row per call, its expected status,
 * and what later rows need from its answer. Add a row for a new route; the test checks its answer
 * against the document.
 */
import { randomUUID } from 'node:crypto'
import { EDITING_STEPS, PORTAL_EDITING_STEPS } from './scenario-editing'
import { REVENUE_STEPS } from './scenario-revenue'

export interface ScenarioState {
  url: string
  adminToken: string
  metricsToken: string
  projectId: string
  /** Identity tokens of two customers. */
  ann: string
  bob: string
  /** What earlier steps kept: ids, cookies. */
  kept: Record<string, string>
}

export interface Step {
  name: string
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  path: (s: ScenarioState) => string
  headers?: (s: ScenarioState) => Record<string, string>
  /** JSON (serialised by the runner), or a string or bytes sent as they are. */
  body?: (s: ScenarioState) => unknown
  expect: number
  keep?: (s: ScenarioState, json: any, res: Response) => void
}

const ANONYMOUS = { 'X-Reqio-Anonymous-Id': 'anon-openapi-0001' }
const as = (token: string) => ({ Authorization: `Bearer ${token}` })
const project = (s: ScenarioState) => `/v1/projects/${s.projectId}`
const request = (s: ScenarioState) => `${project(s)}/requests/${s.kept.requestId}`
const sessionCookie = (res: Response) =>
  /reqio_session=[^;]+/.exec(res.headers.get('Set-Cookie') ?? '')?.[0] ?? ''
const signedIn = (s: ScenarioState) => ({ Cookie: s.kept.session ?? '', Origin: s.url })
const idempotencyKey = randomUUID()
/** A 1×1 PNG. */
const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)

export const PUBLIC_STEPS: readonly Step[] = [
  { name: 'widget settings', method: 'GET', path: (s) => `${project(s)}/widget`, expect: 200 },
  {
    name: 'widget settings in German',
    method: 'GET',
    path: (s) => `${project(s)}/widget?locale=de-AT`,
    expect: 200,
  },
  {
    name: 'unknown project',
    method: 'GET',
    path: () => '/v1/projects/no-such-project/widget',
    expect: 404,
  },
  {
    name: 'anonymous submits a request',
    method: 'POST',
    path: (s) => `${project(s)}/requests`,
    headers: () => ({ ...ANONYMOUS, 'Idempotency-Key': idempotencyKey }),
    body: () => ({ title: 'Export to CSV', body: 'For the finance team.' }),
    expect: 201,
    keep: (s, json) => {
      s.kept.requestId = json.request.id
    },
  },
  {
    name: 'the same Idempotency-Key again',
    method: 'POST',
    path: (s) => `${project(s)}/requests`,
    headers: () => ({ ...ANONYMOUS, 'Idempotency-Key': idempotencyKey }),
    body: () => ({ title: 'Export to CSV', body: 'For the finance team.' }),
    expect: 201,
  },
  {
    name: 'an empty title',
    method: 'POST',
    path: (s) => `${project(s)}/requests`,
    headers: () => ANONYMOUS,
    body: () => ({ title: '  ' }),
    expect: 400,
  },
  {
    name: 'anonymous uploads an image',
    method: 'POST',
    path: (s) => `${project(s)}/attachments`,
    headers: () => ({ ...ANONYMOUS, 'Content-Type': 'image/png' }),
    body: () => TINY_PNG,
    expect: 201,
    keep: (s, json) => {
      s.kept.attachmentUrl = json.attachment.url
      s.kept.attachmentId = json.attachment.id
    },
  },
  {
    name: 'an SVG upload',
    method: 'POST',
    path: (s) => `${project(s)}/attachments`,
    headers: () => ({ ...ANONYMOUS, 'Content-Type': 'image/svg+xml' }),
    body: () => '<svg xmlns="http://www.w3.org/2000/svg"/>',
    expect: 415,
  },
  { name: 'the image', method: 'GET', path: (s) => s.kept.attachmentUrl ?? '', expect: 200 },
  {
    name: 'the image, not modified',
    method: 'GET',
    path: (s) => s.kept.attachmentUrl ?? '',
    headers: (s) => ({ 'If-None-Match': `"${s.kept.attachmentId}"` }),
    expect: 304,
  },
  {
    name: 'anonymous submits a request with the image',
    method: 'POST',
    path: (s) => `${project(s)}/requests`,
    headers: () => ANONYMOUS,
    body: (s) => ({ title: 'Broken chart', attachmentIds: [s.kept.attachmentId] }),
    expect: 201,
  },
  {
    name: "someone else's image",
    method: 'POST',
    path: (s) => `${project(s)}/requests`,
    headers: (s) => as(s.bob),
    body: (s) => ({ title: 'Not my chart', attachmentIds: [s.kept.attachmentId] }),
    expect: 400,
  },
  {
    name: 'a body that is not JSON',
    method: 'POST',
    path: (s) => `${project(s)}/requests`,
    headers: () => ANONYMOUS,
    body: () => '{nope',
    expect: 400,
  },
  {
    name: 'a malformed token',
    method: 'GET',
    path: (s) => `${project(s)}/requests`,
    headers: () => as('not-a-jwt'),
    expect: 401,
  },
  {
    name: 'the board, top',
    method: 'GET',
    path: (s) => `${project(s)}/requests?sort=top`,
    headers: (s) => as(s.ann),
    expect: 200,
  },
  {
    name: 'the board, searched',
    method: 'GET',
    path: (s) => `${project(s)}/requests?sort=new&q=csv`,
    expect: 200,
  },
  {
    name: 'similar titles',
    method: 'GET',
    path: (s) => `${project(s)}/requests?similar=export`,
    expect: 200,
  },
  {
    name: 'ann votes',
    method: 'POST',
    path: (s) => `${request(s)}/vote`,
    headers: (s) => as(s.ann),
    expect: 200,
  },
  {
    name: 'bob votes',
    method: 'POST',
    path: (s) => `${request(s)}/vote`,
    headers: (s) => as(s.bob),
    expect: 200,
  },
  {
    name: 'bob takes it back',
    method: 'DELETE',
    path: (s) => `${request(s)}/vote`,
    headers: (s) => as(s.bob),
    expect: 200,
  },
  {
    name: 'a vote on no request',
    method: 'POST',
    path: (s) => `${project(s)}/requests/nope/vote`,
    headers: (s) => as(s.ann),
    expect: 404,
  },
  {
    name: 'ann comments',
    method: 'POST',
    path: (s) => `${request(s)}/comments`,
    headers: (s) => ({ ...as(s.ann), 'Idempotency-Key': randomUUID() }),
    body: () => ({ body: 'We need this by March.' }),
    expect: 201,
    keep: (s, json) => {
      s.kept.commentId = json.comment.id
    },
  },
  {
    name: 'an anonymous comment where the project does not allow it',
    method: 'POST',
    path: (s) => `${request(s)}/comments`,
    headers: () => ANONYMOUS,
    body: () => ({ body: 'Me too' }),
    expect: 401,
  },
  {
    name: 'the request with its thread',
    method: 'GET',
    path: request,
    headers: (s) => as(s.ann),
    expect: 200,
  },
  // Editing your own words (spec v3): the author only; a request only while nobody else joined.
  ...EDITING_STEPS,
  {
    name: 'older comments, a bad cursor',
    method: 'GET',
    path: (s) => `${request(s)}/comments?cursor=zzz`,
    expect: 400,
  },
  {
    name: 'ann identifies',
    method: 'POST',
    path: (s) => `${project(s)}/identify`,
    headers: (s) => ({ ...as(s.ann), ...ANONYMOUS }),
    expect: 200,
  },
  {
    name: 'identify without a token',
    method: 'POST',
    path: (s) => `${project(s)}/identify`,
    headers: () => ANONYMOUS,
    expect: 401,
  },
  { name: 'the roadmap', method: 'GET', path: (s) => `${project(s)}/roadmap`, expect: 200 },
  { name: 'the changelog', method: 'GET', path: (s) => `${project(s)}/changelog`, expect: 200 },
  {
    name: "ann's updates",
    method: 'GET',
    path: (s) => `${project(s)}/updates`,
    headers: (s) => as(s.ann),
    expect: 200,
  },
  {
    name: 'anonymous updates',
    method: 'GET',
    path: (s) => `${project(s)}/updates`,
    headers: () => ANONYMOUS,
    expect: 200,
  },
  {
    name: 'ann reads them',
    method: 'POST',
    path: (s) => `${project(s)}/updates/read`,
    headers: (s) => as(s.ann),
    body: () => ({}),
    expect: 200,
  },
  // Following (v3): identified people follow and unfollow; the preferences page's link is signed.
  {
    name: 'ann unfollows',
    method: 'DELETE',
    path: (s) => `${request(s)}/follow`,
    headers: (s) => as(s.ann),
    expect: 200,
  },
  {
    name: 'ann follows again',
    method: 'POST',
    path: (s) => `${request(s)}/follow`,
    headers: (s) => as(s.ann),
    expect: 200,
  },
  {
    name: 'an anonymous follow',
    method: 'POST',
    path: (s) => `${request(s)}/follow`,
    headers: () => ANONYMOUS,
    expect: 401,
  },
  {
    name: 'a follow of no request',
    method: 'POST',
    path: (s) => `${project(s)}/requests/nope/follow`,
    headers: (s) => as(s.ann),
    expect: 404,
  },
  {
    name: 'a portal follow by a visitor',
    method: 'POST',
    path: (s) => `/p/${s.projectId}/requests/${s.kept.requestId}/follow`,
    expect: 401,
  },
  {
    name: 'a portal unfollow by a visitor',
    method: 'DELETE',
    path: (s) => `/p/${s.projectId}/requests/${s.kept.requestId}/follow`,
    expect: 401,
  },
  {
    name: 'a tampered email preferences link',
    method: 'GET',
    path: (s) => `/p/${s.projectId}/email-preferences?token=bm9wZQ.not-signed`,
    expect: 400,
  },
  {
    name: 'email preferences saved with a tampered token',
    method: 'POST',
    path: (s) => `/p/${s.projectId}/email-preferences`,
    headers: () => ({ 'Content-Type': 'application/x-www-form-urlencoded' }),
    body: () => 'token=bm9wZQ.not-signed&kinds=status',
    expect: 400,
  },
  {
    name: 'email preferences posted from another site',
    method: 'POST',
    path: (s) => `/p/${s.projectId}/email-preferences`,
    headers: () => ({
      'Content-Type': 'application/x-www-form-urlencoded',
      Origin: 'https://evil.example',
    }),
    body: () => 'token=bm9wZQ.not-signed',
    expect: 403,
  },
  {
    name: 'a bad unsubscribe link',
    method: 'POST',
    path: () => '/v1/unsubscribe/not-signed',
    expect: 400,
  },
  // Auth: the first owner, a session, sign-in refusals.
  { name: 'setup needed', method: 'GET', path: () => '/v1/auth/setup', expect: 200 },
  { name: 'no session yet', method: 'GET', path: () => '/v1/auth/session', expect: 200 },
  { name: 'me, signed out', method: 'GET', path: () => '/v1/auth/me', expect: 401 },
  {
    name: 'a wrong admin token for setup',
    method: 'POST',
    path: () => '/v1/auth/setup',
    body: () => ({
      adminToken: 'wrong',
      email: 'owner@example.com',
      name: 'Olga',
      password: 'correct horse battery',
    }),
    expect: 401,
  },
  {
    name: 'the first owner',
    method: 'POST',
    path: () => '/v1/auth/setup',
    body: (s) => ({
      adminToken: s.adminToken,
      email: 'owner@example.com',
      name: 'Olga',
      password: 'correct horse battery',
    }),
    expect: 201,
    keep: (s, _json, res) => {
      s.kept.session = sessionCookie(res)
    },
  },
  {
    name: 'me, signed in',
    method: 'GET',
    path: () => '/v1/auth/me',
    headers: signedIn,
    expect: 200,
  },
  {
    name: 'the session',
    method: 'GET',
    path: () => '/v1/auth/session',
    headers: signedIn,
    expect: 200,
  },
  {
    name: 'a second owner',
    method: 'POST',
    path: () => '/v1/auth/setup',
    body: (s) => ({
      adminToken: s.adminToken,
      email: 'two@example.com',
      name: 'Two',
      password: 'correct horse battery',
    }),
    expect: 409,
  },
  {
    name: 'a wrong password',
    method: 'POST',
    path: () => '/v1/auth/login',
    body: () => ({ email: 'owner@example.com', password: 'nope nope nope' }),
    expect: 401,
  },
  {
    name: 'a login without email',
    method: 'POST',
    path: () => '/v1/auth/login',
    body: () => ({ password: 'x' }),
    expect: 400,
  },
  {
    name: 'sign in',
    method: 'POST',
    path: () => '/v1/auth/login',
    body: () => ({ email: 'owner@example.com', password: 'correct horse battery' }),
    expect: 200,
    keep: (s, _json, res) => {
      s.kept.session = sessionCookie(res)
    },
  },
  { name: 'how resets work', method: 'GET', path: () => '/v1/auth/password-reset', expect: 200 },
  {
    name: 'ask for a reset link',
    method: 'POST',
    path: () => '/v1/auth/password-reset',
    body: () => ({ email: 'owner@example.com' }),
    expect: 202,
  },
  {
    name: 'a reset with a wrong code',
    method: 'POST',
    path: () => '/v1/auth/password-reset/confirm',
    body: () => ({ code: 'nope', password: 'another long password' }),
    expect: 404,
  },
  {
    name: 'an unknown invite',
    method: 'GET',
    path: () => '/v1/auth/invite?code=nope',
    expect: 404,
  },
  { name: 'an invite without a code', method: 'GET', path: () => '/v1/auth/invite', expect: 400 },
  {
    name: 'a password change with the wrong current one',
    method: 'POST',
    path: () => '/v1/auth/password',
    headers: signedIn,
    body: () => ({ currentPassword: 'wrong wrong', newPassword: 'another long password' }),
    expect: 400,
  },
  {
    name: 'a sign-out from another origin',
    method: 'POST',
    path: () => '/v1/auth/logout',
    headers: (s) => ({ ...signedIn(s), Origin: 'https://evil.example' }),
    expect: 403,
  },
  {
    name: 'sign out',
    method: 'POST',
    path: () => '/v1/auth/logout',
    headers: signedIn,
    expect: 204,
  },
  // The portal's writes in JSON: the public API's answers.
  {
    name: 'a portal visitor submits a request',
    method: 'POST',
    path: (s) => `/p/${s.projectId}/requests`,
    body: () => ({ title: 'Portal idea' }),
    expect: 201,
  },
  {
    name: 'a portal vote',
    method: 'POST',
    path: (s) => `/p/${s.projectId}/requests/${s.kept.requestId}/vote`,
    expect: 200,
  },
  {
    name: 'a portal vote taken back',
    method: 'DELETE',
    path: (s) => `/p/${s.projectId}/requests/${s.kept.requestId}/vote`,
    expect: 200,
  },
  ...PORTAL_EDITING_STEPS,
  {
    name: 'a portal write to no project',
    method: 'POST',
    path: () => '/p/no-such-project/requests',
    body: () => ({ title: 'x' }),
    expect: 404,
  },
  { name: 'a portal page', method: 'GET', path: (s) => `/p/${s.projectId}`, expect: 200 },
  {
    name: 'a portal page of no project',
    method: 'GET',
    path: () => '/p/no-such-project/roadmap',
    expect: 404,
  },
  {
    name: 'the portal feed',
    method: 'GET',
    path: (s) => `/p/${s.projectId}/changelog.xml`,
    expect: 200,
  },
  {
    name: 'a portal sign-in with a bad token',
    method: 'GET',
    path: (s) => `/p/${s.projectId}/sso?token=nope`,
    expect: 401,
  },
  {
    name: 'a portal sign-in',
    method: 'GET',
    path: (s) => `/p/${s.projectId}/sso?token=${s.ann}`,
    expect: 302,
  },
]

export const OPERATIONS_STEPS: readonly Step[] = [
  { name: 'liveness', method: 'GET', path: () => '/healthz', expect: 200 },
  { name: 'readiness', method: 'GET', path: () => '/readyz', expect: 200 },
  { name: 'metrics without the token', method: 'GET', path: () => '/metrics', expect: 401 },
  {
    name: 'metrics',
    method: 'GET',
    path: () => '/metrics',
    headers: (s) => as(s.metricsToken),
    expect: 200,
  },
  { name: 'the demo customers', method: 'GET', path: () => '/demo/customers', expect: 200 },
  {
    name: 'a demo token',
    method: 'POST',
    path: () => '/demo/token',
    body: () => ({ sub: 'demo_fran' }),
    expect: 200,
  },
  {
    name: 'a demo token without sub',
    method: 'POST',
    path: () => '/demo/token',
    body: () => ({}),
    expect: 400,
  },
  { name: 'the OpenAPI document', method: 'GET', path: () => '/v1/openapi.json', expect: 200 },
  { name: 'the API page', method: 'GET', path: () => '/docs/api', expect: 200 },
  { name: 'the widget script', method: 'GET', path: () => '/widget.js', expect: 200 },
  { name: 'the portal script', method: 'GET', path: () => '/portal.js', expect: 200 },
  { name: 'the dashboard', method: 'GET', path: () => '/dashboard', expect: 200 },
  { name: 'a dashboard page', method: 'GET', path: () => '/dashboard/settings', expect: 200 },
]

const admin = (s: ScenarioState) => ({ Authorization: `Bearer ${s.adminToken}` })
const adminProject = (s: ScenarioState) => `/v1/admin/projects/${s.projectId}`

/** With the admin token; their RouteDocs come from the apidocs branch (routes/admin-*.ts). */
export const ADMIN_STEPS: readonly Step[] = [
  { name: 'without a credential', method: 'GET', path: () => '/v1/admin/projects', expect: 401 },
  {
    name: 'the projects',
    method: 'GET',
    path: () => '/v1/admin/projects',
    headers: admin,
    expect: 200,
  },
  {
    name: 'a new project',
    method: 'POST',
    path: () => '/v1/admin/projects',
    headers: admin,
    body: () => ({ name: 'Second' }),
    expect: 201,
  },
  {
    name: 'a project without a name',
    method: 'POST',
    path: () => '/v1/admin/projects',
    headers: admin,
    body: () => ({}),
    expect: 400,
  },
  {
    name: 'the backlog',
    method: 'GET',
    path: (s) => `${adminProject(s)}/backlog?sort=revenue`,
    headers: admin,
    expect: 200,
  },
  {
    name: 'the backlog of no project',
    method: 'GET',
    path: () => '/v1/admin/projects/nope/backlog',
    headers: admin,
    expect: 404,
  },
  {
    name: 'a request in detail',
    method: 'GET',
    path: (s) => `${adminProject(s)}/requests/${s.kept.requestId}`,
    headers: admin,
    expect: 200,
  },
  {
    name: 'plan it',
    method: 'PATCH',
    path: (s) => `${adminProject(s)}/requests/${s.kept.requestId}`,
    headers: admin,
    body: () => ({ status: 'planned', statusNote: 'In May.' }),
    expect: 200,
  },
  {
    name: 'a tag',
    method: 'POST',
    path: (s) => `${adminProject(s)}/tags`,
    headers: admin,
    body: () => ({ name: 'Billing', color: '#1d4ed8' }),
    expect: 201,
    keep: (s, json) => {
      s.kept.tagId = json.tag.id
    },
  },
  {
    name: 'a tag of the same name',
    method: 'POST',
    path: (s) => `${adminProject(s)}/tags`,
    headers: admin,
    body: () => ({ name: 'billing', color: '#000000' }),
    expect: 409,
  },
  {
    name: 'a tag with a colour that is not #rrggbb',
    method: 'POST',
    path: (s) => `${adminProject(s)}/tags`,
    headers: admin,
    body: () => ({ name: 'Red', color: 'red' }),
    expect: 400,
  },
  {
    name: 'the tags',
    method: 'GET',
    path: (s) => `${adminProject(s)}/tags`,
    headers: admin,
    expect: 200,
  },
  {
    name: 'recolour the tag',
    method: 'PATCH',
    path: (s) => `${adminProject(s)}/tags/${s.kept.tagId}`,
    headers: admin,
    body: () => ({ color: '#b91c1c' }),
    expect: 200,
  },
  {
    name: 'tag the request',
    method: 'PATCH',
    path: (s) => `${adminProject(s)}/requests/${s.kept.requestId}`,
    headers: admin,
    body: (s) => ({ tagIds: [s.kept.tagId] }),
    expect: 200,
  },
  {
    name: 'a tag that is not the project’s',
    method: 'PATCH',
    path: (s) => `${adminProject(s)}/requests/${s.kept.requestId}`,
    headers: admin,
    body: () => ({ tagIds: ['tag_nope'] }),
    expect: 400,
  },
  {
    name: 'the backlog of one tag',
    method: 'GET',
    path: (s) => `${adminProject(s)}/backlog?tag=${s.kept.tagId}`,
    headers: admin,
    expect: 200,
  },
  {
    name: 'the board of one tag',
    method: 'GET',
    path: (s) => `${project(s)}/requests?tag=${s.kept.tagId}`,
    expect: 200,
  },
  {
    name: 'delete a tag',
    method: 'DELETE',
    path: (s) => `${adminProject(s)}/tags/${s.kept.tagId}`,
    headers: admin,
    expect: 204,
  },
  {
    name: 'a status that does not exist',
    method: 'PATCH',
    path: (s) => `${adminProject(s)}/requests/${s.kept.requestId}`,
    headers: admin,
    body: () => ({ status: 'maybe' }),
    expect: 400,
  },
  {
    name: 'a team reply',
    method: 'POST',
    path: (s) => `${adminProject(s)}/requests/${s.kept.requestId}/comments`,
    headers: admin,
    body: () => ({ body: 'On it.' }),
    expect: 201,
  },
  // v3 moderation (spec "Spam and deletion").
  {
    name: 'a spam request',
    method: 'POST',
    path: (s) => `${project(s)}/requests`,
    headers: () => ({ 'X-Reqio-Anonymous-Id': 'anon-openapi-spam' }),
    body: () => ({ title: 'Cheap watches' }),
    expect: 201,
    keep: (s, json) => {
      s.kept.spamId = json.request.id
    },
  },
  {
    name: 'delete the spam',
    method: 'DELETE',
    path: (s) => `${adminProject(s)}/requests/${s.kept.spamId}`,
    headers: admin,
    expect: 204,
  },
  {
    name: 'the deleted requests',
    method: 'GET',
    path: (s) => `${adminProject(s)}/backlog?deleted=true`,
    headers: admin,
    expect: 200,
  },
  {
    name: 'restore the spam',
    method: 'POST',
    path: (s) => `${adminProject(s)}/requests/${s.kept.spamId}/restore`,
    headers: admin,
    expect: 200,
  },
  {
    name: 'restore a request that is not deleted',
    method: 'POST',
    path: (s) => `${adminProject(s)}/requests/${s.kept.spamId}/restore`,
    headers: admin,
    expect: 404,
  },
  {
    name: 'hold anonymous requests for approval',
    method: 'PATCH',
    path: (s) => adminProject(s),
    headers: admin,
    body: () => ({ settings: { moderation: 'anonymous' } }),
    expect: 200,
  },
  {
    name: 'an anonymous request waits',
    method: 'POST',
    path: (s) => `${project(s)}/requests`,
    headers: () => ({ 'X-Reqio-Anonymous-Id': 'anon-openapi-pending' }),
    body: () => ({ title: 'Offline mode' }),
    expect: 201,
    keep: (s, json) => {
      s.kept.pendingId = json.request.id
    },
  },
  {
    name: 'the waiting request to someone else',
    method: 'GET',
    path: (s) => `${project(s)}/requests/${s.kept.pendingId}`,
    expect: 404,
  },
  {
    name: 'the requests waiting for approval',
    method: 'GET',
    path: (s) => `${adminProject(s)}/backlog?status=pending`,
    headers: admin,
    expect: 200,
  },
  {
    name: 'approve it',
    method: 'POST',
    path: (s) => `${adminProject(s)}/requests/${s.kept.pendingId}/approve`,
    headers: admin,
    expect: 200,
  },
  {
    name: 'approve a request that does not wait',
    method: 'POST',
    path: (s) => `${adminProject(s)}/requests/${s.kept.pendingId}/approve`,
    headers: admin,
    expect: 404,
  },
  {
    name: 'moderation off again',
    method: 'PATCH',
    path: (s) => adminProject(s),
    headers: admin,
    body: () => ({ settings: { moderation: 'off' } }),
    expect: 200,
  },
  {
    name: 'the companies',
    method: 'GET',
    path: (s) => `${adminProject(s)}/companies`,
    headers: admin,
    expect: 200,
  },
  ...REVENUE_STEPS,
  {
    name: 'the audit log',
    method: 'GET',
    path: (s) => `${adminProject(s)}/audit`,
    headers: admin,
    expect: 200,
  },
  {
    name: 'the install status',
    method: 'GET',
    path: (s) => `${adminProject(s)}/install`,
    headers: admin,
    expect: 200,
  },
  {
    name: 'the changelog',
    method: 'GET',
    path: (s) => `${adminProject(s)}/changelog`,
    headers: admin,
    expect: 200,
  },
  {
    name: 'the team uploads an image',
    method: 'POST',
    path: (s) => `${adminProject(s)}/attachments`,
    headers: (s) => ({ ...admin(s), 'Content-Type': 'image/png' }),
    body: () => TINY_PNG,
    expect: 201,
    keep: (s, json) => {
      s.kept.teamAttachmentId = json.attachment.id
    },
  },
  {
    name: 'HTML uploaded as a PNG',
    method: 'POST',
    path: (s) => `${adminProject(s)}/attachments`,
    headers: (s) => ({ ...admin(s), 'Content-Type': 'image/png' }),
    body: () => '<html><script>alert(1)</script></html>',
    expect: 415,
  },
  {
    name: 'a changelog draft with the image',
    method: 'POST',
    path: (s) => `${adminProject(s)}/changelog`,
    headers: admin,
    body: (s) => ({
      title: 'Charts',
      body: 'New charts.',
      attachmentIds: [s.kept.teamAttachmentId],
    }),
    expect: 201,
  },
  {
    name: 'a token check',
    method: 'POST',
    path: (s) => `${adminProject(s)}/token-check`,
    headers: admin,
    body: (s) => ({ token: s.ann }),
    expect: 200,
  },
  {
    name: 'the members',
    method: 'GET',
    path: () => '/v1/admin/members',
    headers: admin,
    expect: 200,
  },
  {
    name: 'an invite',
    method: 'POST',
    path: () => '/v1/admin/invites',
    headers: admin,
    body: () => ({ email: 'new@example.com', role: 'member' }),
    expect: 201,
  },
  {
    name: 'the invites',
    method: 'GET',
    path: () => '/v1/admin/invites',
    headers: admin,
    expect: 200,
  },
  {
    name: 'the webhooks',
    method: 'GET',
    path: (s) => `${adminProject(s)}/webhooks`,
    headers: admin,
    expect: 200,
  },
]

/** What an MCP client sends: JSON, and an Accept naming both answers the transport may give. */
const mcpHeaders = (s: ScenarioState) => ({
  Accept: 'application/json, text/event-stream',
  'Content-Type': 'application/json',
  ...(s.kept.apiKey ? as(s.kept.apiKey) : {}),
})
const listTools = () => ({ jsonrpc: '2.0', id: 1, method: 'tools/list' })

/** POST /mcp with a project API key made through the admin API (routes/mcp.ts). */
export const MCP_STEPS: readonly Step[] = [
  {
    name: 'MCP without a key',
    method: 'POST',
    path: () => '/mcp',
    headers: () => ({ Accept: 'application/json, text/event-stream' }),
    body: listTools,
    expect: 401,
  },
  {
    name: 'MCP with the admin token, which is not an API key',
    method: 'POST',
    path: () => '/mcp',
    headers: (s) => ({ Accept: 'application/json, text/event-stream', ...admin(s) }),
    body: listTools,
    expect: 401,
  },
  {
    name: 'an API key for the MCP server',
    method: 'POST',
    path: (s) => `${adminProject(s)}/api-keys`,
    headers: admin,
    body: () => ({ name: 'openapi-agent', scopes: ['read'] }),
    expect: 201,
    keep: (s, json) => {
      s.kept.apiKey = json.key
    },
  },
  {
    name: 'MCP tools/list',
    method: 'POST',
    path: () => '/mcp',
    headers: mcpHeaders,
    body: listTools,
    expect: 200,
    keep: (s, json) => {
      s.kept.mcpTools = (json.result?.tools ?? []).map((tool: { name: string }) => tool.name).join()
    },
  },
  {
    name: 'MCP notification',
    method: 'POST',
    path: () => '/mcp',
    headers: mcpHeaders,
    body: () => ({ jsonrpc: '2.0', method: 'notifications/initialized' }),
    expect: 202,
  },
  {
    name: 'MCP body that is not JSON',
    method: 'POST',
    path: () => '/mcp',
    headers: mcpHeaders,
    body: () => '{nope',
    expect: 400,
  },
  {
    name: 'MCP body that is not JSON-RPC',
    method: 'POST',
    path: () => '/mcp',
    headers: mcpHeaders,
    body: () => ({ hello: 'world' }),
    expect: 400,
  },
  {
    name: 'MCP without text/event-stream in Accept',
    method: 'POST',
    path: () => '/mcp',
    headers: (s) => ({ ...mcpHeaders(s), Accept: 'application/json' }),
    body: listTools,
    expect: 406,
  },
  {
    name: 'MCP with a text body',
    method: 'POST',
    path: () => '/mcp',
    headers: (s) => ({ ...mcpHeaders(s), 'Content-Type': 'text/plain' }),
    body: () => JSON.stringify(listTools()),
    expect: 415,
  },
  {
    name: 'MCP body over 64 KiB',
    method: 'POST',
    path: () => '/mcp',
    headers: mcpHeaders,
    body: () => ({ ...listTools(), params: { padding: 'x'.repeat(70_000) } }),
    expect: 413,
  },
  { name: 'MCP stream (GET)', method: 'GET', path: () => '/mcp', expect: 405 },
  { name: 'MCP session end (DELETE)', method: 'DELETE', path: () => '/mcp', expect: 405 },
]
