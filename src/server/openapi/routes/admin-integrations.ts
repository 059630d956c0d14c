import { ISSUE_TRACKERS } from '../../integrations/trackers/registry'
import { NewRequestLinkSchema } from '../../routes/integration-schemas'
import type { RouteDoc } from '../route-doc'
import {
  IntegrationsResponseSchema,
  RequestLinkResponseSchema,
  RequestLinksResponseSchema,
  TrackerSecretResponseSchema,
} from '../schemas/integrations'
import { adminDoc, BODY, PARAM, projectErrors } from './admin-doc-parts'

const tag = 'Admin: integrations'
const settingsWork = 'Admin and owner roles.'
const linkParams = { ...PARAM.request, lid: 'The link id.' }

/** What each tracker's set-up body holds besides the token. */
const SETTINGS_OF: Readonly<Record<string, string>> = {
  github: '`repository` (`owner/name`, where "Create GitHub issue" opens issues)',
  linear: '`teamId` (the Linear team new issues go to)',
}

/** Slack, GitHub and Linear set-ups, and the tracker issues linked to requests (v3). */
export const adminIntegrationsDocs: readonly RouteDoc[] = [
  adminDoc({
    method: 'get',
    path: '/v1/admin/projects/{id}/integrations',
    tag,
    summary: 'What is set up: Slack, GitHub, Linear',
    description:
      'null for a tool that is not set up. Never a token, an inbound secret or a Slack webhook URL in full: enough for the team to see what is connected and where.',
    pathParams: PARAM.project,
    responses: { 200: { description: 'The set-ups.', schema: IntegrationsResponseSchema } },
    errors: projectErrors(),
  }),
  ...Object.values(ISSUE_TRACKERS).map((tracker) =>
    adminDoc({
      method: 'post',
      path: `/v1/admin/projects/{id}/integrations/${tracker.kind}`,
      tag,
      summary: `Set ${tracker.label} up (or rotate its inbound secret)`,
      description: `\`token\` (used to create issues; never shown again) and ${SETTINGS_OF[tracker.kind]}, each optional: what is omitted stays as stored. Every call answers a new inbound webhook secret, shown only here: the one before stops verifying. ${settingsWork}`,
      pathParams: PARAM.project,
      body: tracker.setupSchema,
      responses: {
        201: { description: 'The inbound webhook secret.', schema: TrackerSecretResponseSchema },
      },
      errors: projectErrors(BODY),
    }),
  ),
  adminDoc({
    method: 'delete',
    path: '/v1/admin/projects/{id}/integrations/{kind}',
    tag,
    summary: 'Remove a set-up',
    description: `\`kind\`: slack, github or linear. Its token and secret go with it (the tracker's webhooks then answer 401); links stay. 204 whether or not it was set up. ${settingsWork}`,
    pathParams: { ...PARAM.project, kind: 'slack, github or linear.' },
    responses: { 204: { description: 'Removed.' } },
    errors: projectErrors(),
  }),
  adminDoc({
    method: 'get',
    path: '/v1/admin/projects/{id}/requests/{rid}/links',
    tag,
    summary: "A request's linked issues",
    pathParams: PARAM.request,
    responses: { 200: { description: 'The links.', schema: RequestLinksResponseSchema } },
    errors: projectErrors(),
  }),
  adminDoc({
    method: 'post',
    path: '/v1/admin/projects/{id}/requests/{rid}/links',
    tag,
    summary: 'Link an issue, or create one and link it',
    description:
      '`{url}`: a GitHub issue (`github.com/{o}/{r}/issues/{n}`) or a Linear issue (`linear.app/{team}/issue/{KEY-n}`), over https; anything else 400. `{create: "github"|"linear"}`: creates the issue there with the configured token (the request\'s title, its text and a link back to it in the dashboard) and links it; a set-up without a token (or repository, or team), and a tracker that refuses, answer 409 with what was wrong. An issue the request is linked to already answers its link with 200. At most 20 links per request (409).',
    pathParams: PARAM.request,
    body: NewRequestLinkSchema,
    responses: {
      201: { description: 'Linked.', schema: RequestLinkResponseSchema },
      200: { description: 'Linked already.', schema: RequestLinkResponseSchema },
    },
    errors: projectErrors(BODY, 409),
  }),
  adminDoc({
    method: 'delete',
    path: '/v1/admin/projects/{id}/requests/{rid}/links/{lid}',
    tag,
    summary: 'Unlink an issue',
    description: 'The issue stays in its tracker; its events no longer move the request.',
    pathParams: linkParams,
    responses: { 204: { description: 'Unlinked.' } },
    errors: projectErrors(),
  }),
]
