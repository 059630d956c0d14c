import { ISSUE_TRACKERS } from '../../integrations/trackers/registry'
import type { RouteDoc } from '../route-doc'
import { TrackerInboundResponseSchema } from '../schemas/integrations'

const tag = 'Integrations'

/** How each tracker signs and what its events do. */
const INBOUND_OF: Readonly<Record<string, { headers: RouteDoc['headers']; text: string }>> = {
  github: {
    headers: {
      'X-Hub-Signature-256': {
        description: '`sha256=<hex HMAC-SHA256 of the raw body>` with the inbound secret.',
        required: true,
      },
      'X-GitHub-Event': {
        description: '`issues` moves requests; `ping` and others are answered and ignored.',
      },
    },
    text: 'GitHub `issues` events: a linked issue `closed` moves its requests to done, `reopened` to in_progress.',
  },
  linear: {
    headers: {
      'Linear-Signature': {
        description: 'The hex HMAC-SHA256 of the raw body with the inbound secret.',
        required: true,
      },
    },
    text: "Linear Issue events, matched by the identifier (`KEY-n`): state type completed → done, started → in_progress, canceled → declined; the body's `webhookTimestamp` must be within 60 s.",
  },
}

/** The trackers' webhooks into Reqio (spec/api.md v3 "Inbound"). */
export const integrationsInboundDocs: readonly RouteDoc[] = Object.values(ISSUE_TRACKERS).map(
  (tracker) => ({
    method: 'post',
    path: `/v1/integrations/${tracker.kind}/{pid}`,
    tag,
    summary: `${tracker.label} webhook`,
    description: `${INBOUND_OF[tracker.kind]?.text ?? ''} Requests move as an admin's status change does (emails, widget updates, webhooks and Slack follow; the audit log names "${tracker.kind}"). Bad or missing signature, unknown project or ${tracker.label} not set up: 401, nothing changes. A verified event that moves nothing (an issue linked to no request): 200 \`{moved: 0}\`.`,
    security: [],
    pathParams: { pid: 'The project id.' },
    headers: INBOUND_OF[tracker.kind]?.headers,
    rawBody: {
      contentTypes: ['application/json'],
      description: `The event as ${tracker.label} sends it, byte for byte (at most 1 MiB).`,
    },
    responses: { 200: { description: 'Received.', schema: TrackerInboundResponseSchema } },
    errors: [400, 401, 413, 503],
  }),
)
