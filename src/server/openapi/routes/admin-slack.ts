import { SlackSetupSchema } from '../../integrations/slack/slack-setup'
import type { RouteDoc } from '../route-doc'
import {
  SavedSlackIntegrationResponseSchema,
  SlackIntegrationResponseSchema,
  SlackTestResponseSchema,
} from '../schemas/admin-slack'
import { adminDoc, BODY, PARAM, projectErrors } from './admin-doc-parts'

const tag = 'Admin: integrations'
const path = '/v1/admin/projects/{id}/integrations/slack'
const rolesOnly = 'Owner and admin only, reading included: the URL posts to the channel.'

/** Slack (spec/api.md v3 "The team's tools"): one incoming webhook per project. */
export const adminSlackDocs: readonly RouteDoc[] = [
  adminDoc({
    method: 'post',
    path,
    tag,
    summary: 'Set up or replace Slack',
    description: `webhookUrl: a Slack incoming webhook URL (hooks.slack.com/services/…) over https; targets in private, loopback and link-local ranges refused (400) unless REQIO_WEBHOOK_ALLOW_PRIVATE=1. events absent: all four (request.created, comment.created for customers' comments, request.updated for status changes, changelog.published). ${rolesOnly}`,
    pathParams: PARAM.project,
    body: SlackSetupSchema,
    responses: {
      201: {
        description: 'The set-up, the URL in full (only here).',
        schema: SavedSlackIntegrationResponseSchema,
      },
    },
    errors: projectErrors(BODY),
  }),
  adminDoc({
    method: 'get',
    path,
    tag,
    summary: "The project's Slack set-up",
    description: `The URL masked. ${rolesOnly}`,
    pathParams: PARAM.project,
    responses: {
      200: { description: 'The set-up, or null.', schema: SlackIntegrationResponseSchema },
    },
    errors: projectErrors(),
  }),
  adminDoc({
    method: 'delete',
    path,
    tag,
    summary: 'Remove Slack',
    description: 'Messages waiting to be sent are dropped. Nothing set up: 204 as well.',
    pathParams: PARAM.project,
    responses: { 204: { description: 'Removed.' } },
    errors: projectErrors(),
  }),
  adminDoc({
    method: 'post',
    path: `${path}/test`,
    tag,
    summary: 'Send a Slack test message now',
    description:
      'Posts a test message to the saved webhook at once (not through the queue) and answers what Slack said. Not set up: 404.',
    pathParams: PARAM.project,
    responses: {
      200: { description: "Slack's answer (test.ok tells).", schema: SlackTestResponseSchema },
    },
    errors: projectErrors(),
  }),
]
