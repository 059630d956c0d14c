import type { RouteDoc } from '../route-doc'
import { adminAuditDocs } from './admin-audit'
import { adminBacklogDocs } from './admin-backlog'
import { adminChangelogDocs } from './admin-changelog'
import { adminCompaniesDocs } from './admin-companies'
import { adminMailDocs } from './admin-mail'
import { adminNotificationsDocs } from './admin-notifications'
import { adminProjectsDocs } from './admin-projects'
import { adminRequestsDocs } from './admin-requests'
import { adminTeamDocs } from './admin-team'
import { adminV3Docs } from './admin-v3'
import { adminWebhooksDocs } from './admin-webhooks'

/** Every /v1/admin route's RouteDoc, in the order /docs/api shows their tags. */
export const ADMIN_ROUTE_DOCS: readonly RouteDoc[] = [
  ...adminProjectsDocs,
  ...adminBacklogDocs,
  ...adminRequestsDocs,
  ...adminCompaniesDocs,
  ...adminAuditDocs,
  ...adminChangelogDocs,
  ...adminWebhooksDocs,
  ...adminNotificationsDocs,
  ...adminTeamDocs,
  ...adminMailDocs,
  ...adminV3Docs,
]
