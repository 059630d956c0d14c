import type * as v from 'valibot'
import type { RouteDoc } from './route-doc'
import { ADMIN_ROUTE_DOCS, ADMIN_TAG_DESCRIPTIONS } from './routes/admin-index'
import { publicAttachmentDocs } from './routes/attachments'
import { authDocs } from './routes/auth'
import { portalEditingDocs, publicEditingDocs } from './routes/editing'
import { followingDocs } from './routes/following'
import { mcpDocs } from './routes/mcp'
import { opsDocs } from './routes/ops'
import { portalDocs } from './routes/portal'
import { publicProjectDocs } from './routes/public-project'
import { publicRequestDocs } from './routes/public-requests'
import { STRIPE_TAG, STRIPE_TAG_DESCRIPTION, stripeWebhookDocs } from './routes/revenue'
import { MarkdownNodeSchema } from './schemas/changelog'
import { ProjectSettingsSchema } from './schemas/project'
import { FeedbackCommentSchema, FeedbackRequestSchema } from './schemas/requests'
import { TeamMemberSchema } from './schemas/team'

/**
 * Every route the app serves, as the OpenAPI document describes it, in the order /docs/api
 * shows them. test/server/openapi/every-route-documented.test.ts holds this list and
 * `app.routes` to each other both ways.
 */
export const ROUTE_DOCS: readonly RouteDoc[] = [
  ...publicRequestDocs,
  ...followingDocs,
  ...publicEditingDocs,
  ...publicAttachmentDocs,
  ...publicProjectDocs,
  ...authDocs,
  ...ADMIN_ROUTE_DOCS,
  ...portalDocs,
  ...portalEditingDocs,
  ...opsDocs,
  ...mcpDocs,
  ...stripeWebhookDocs,
]

/**
 * Shapes the document names once (components.schemas) and refers to wherever the same schema
 * object appears; recursive schemas must be here. The error shape is always added.
 */
export const NAMED_SCHEMAS: Readonly<Record<string, v.GenericSchema>> = {
  FeedbackRequest: FeedbackRequestSchema,
  FeedbackComment: FeedbackCommentSchema,
  MarkdownNode: MarkdownNodeSchema,
  ProjectSettings: ProjectSettingsSchema,
  TeamMember: TeamMemberSchema,
}

/** A sentence per tag above its operations on /docs/api (and in the document's `tags`). */
export const TAG_DESCRIPTIONS: Readonly<Record<string, string>> = {
  Widget:
    'What the widget calls, from any origin (CORS open, no cookies). The caller is the identity ' +
    "token's person, or an anonymous visitor known by X-Reqio-Anonymous-Id.",
  Email: 'The links in the emails Reqio sends.',
  Auth: "Signing in to the dashboard: the session cookie, never a token in the page's reach.",
  'Portal pages': 'The public portal, rendered on the server: readable with JavaScript off.',
  'Portal writes':
    "The portal's votes, requests and comments: the public API's rules and answers, for its visitors.",
  Operations: 'For load balancers and monitoring.',
  Files: 'The built scripts and pages.',
  Demo: 'Only with demo mode on: the demo page plays a customer site.',
  'API description': 'This document and its page.',
  [STRIPE_TAG]: STRIPE_TAG_DESCRIPTION,
  ...ADMIN_TAG_DESCRIPTIONS,
}
