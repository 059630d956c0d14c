import type { RouteDoc } from '../route-doc'
import { adminAuditDocs } from './admin-audit'
import { adminBacklogDocs } from './admin-backlog'
import { adminChangelogDocs } from './admin-changelog'
import { adminCompaniesDocs } from './admin-companies'
import { adminMailDocs } from './admin-mail'
import { adminModerationDocs } from './admin-moderation'
import { adminNotificationsDocs } from './admin-notifications'
import { adminProjectsDocs } from './admin-projects'
import { adminRequestsDocs } from './admin-requests'
import { adminTagsDocs } from './admin-tags'
import { adminTeamDocs } from './admin-team'
import { adminV3Docs } from './admin-v3'
import { adminWebhooksDocs } from './admin-webhooks'
import { adminAttachmentDocs } from './attachments'
import { adminEditingDocs } from './editing'
import { adminRevenueDocs } from './revenue'

/** Every /v1/admin route's RouteDoc, in the order /docs/api shows their tags. */
export const ADMIN_ROUTE_DOCS: readonly RouteDoc[] = [
  ...adminProjectsDocs,
  ...adminBacklogDocs,
  ...adminRequestsDocs,
  ...adminModerationDocs,
  ...adminTagsDocs,
  ...adminEditingDocs,
  ...adminCompaniesDocs,
  ...adminAuditDocs,
  ...adminChangelogDocs,
  ...adminAttachmentDocs,
  ...adminWebhooksDocs,
  ...adminNotificationsDocs,
  ...adminTeamDocs,
  ...adminMailDocs,
  ...adminV3Docs,
  ...adminRevenueDocs,
]

/**
 * A sentence per admin tag, for /docs/api and the document's `tags` (registry.ts spreads these
 * into TAG_DESCRIPTIONS). Every admin route takes `Authorization: Bearer` with the admin token
 * (or, from v3, a project API key within its scope) or the dashboard's session cookie.
 */
export const ADMIN_TAG_DESCRIPTIONS: Readonly<Record<string, string>> = {
  'Admin: projects':
    'Projects, their settings and identity secret. Creating projects and changing settings needs the admin or owner role.',
  'Admin: backlog':
    'The backlog with revenue: MRR counted once per account, voters, authors; as JSON pages or a CSV file.',
  'Admin: requests':
    "One request as the team works it: its thread, status, notes, merges, replies and moderation, and feedback on a customer's behalf.",
  'Admin: tags':
    "The project's tags (name and colour): everyone on the team reads them, admins and owners shape them; tagging a request is the request's PATCH.",
  'Admin: companies': 'The accounts behind the revenue, and what their people asked for.',
  'Admin: people':
    'The people who sent feedback: search, detail, export and erasure (GDPR). Erasing takes their facts, comments and votes away at once.',
  'Admin: audit': 'Who changed what, and when, newest first.',
  'Admin: changelog':
    'The changelog: drafts, publishing (which makes linked requests done and tells their people), and who publishing would tell.',
  'Admin: webhooks':
    'Webhook endpoints, signed by the Standard Webhooks rules, and their delivery log. Owner and admin only, reading included.',
  'Admin: notifications':
    "The project's job queue, and in demo mode the emails kept instead of sent.",
  'Admin: team': 'Members, roles and invites. Owners only (or the admin token).',
  'Admin: mail': "The server's email set-up and a test email. Owner and admin only.",
  'Admin: API keys':
    'Project API keys for scripts and agents: shown once, stored hashed, scoped read, write or admin, revocable at once. Never reachable with a key.',
}
