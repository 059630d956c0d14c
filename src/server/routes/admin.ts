import { Hono } from 'hono'
import { loadAdminProject } from '../http/admin-project'
import type { AppEnv, RouteDeps } from '../http/env'
import { adminApiKeysRoutes } from './admin-api-keys'
import { adminAttachmentsRoutes } from './admin-attachments'
import { adminAuditRoutes } from './admin-audit'
import { adminBacklogRoutes } from './admin-backlog'
import { adminChangelogRoutes } from './admin-changelog'
import { adminCommentDeleteRoutes } from './admin-comment-delete'
import { adminCommentsRoutes } from './admin-comments'
import { adminCompaniesRoutes } from './admin-companies'
import { adminCompanyMrrHistoryRoutes } from './admin-company-mrr-history'
import { adminInstallRoutes } from './admin-install'
import { adminInvitesRoutes } from './admin-invites'
import { adminMailRoutes } from './admin-mail'
import { adminMembersRoutes } from './admin-members'
import { adminModerationRoutes } from './admin-moderation'
import { adminNotificationsRoutes } from './admin-notifications'
import { adminOnBehalfRoutes } from './admin-on-behalf'
import { adminPeopleRoutes } from './admin-people'
import { adminProjectSettingsRoutes } from './admin-project-settings'
import { adminProjectsRoutes } from './admin-projects'
import { adminRequestsRoutes } from './admin-requests'
import { adminSecretRoutes } from './admin-secret'
import { adminStripeRoutes } from './admin-stripe'
import { adminTagsRoutes } from './admin-tags'
import { adminTokenCheckRoutes } from './admin-token-check'
import { adminWebhooksRoutes } from './admin-webhooks'

/**
 * Everything under /v1/admin (mount it there, after the team access and role checks). The team
 * and the project list sit at the top; every route of one project is mounted under
 * /projects/:id, where the project is looked up once and read with `c.get('project')`.
 */
export function adminRoutes(deps: RouteDeps) {
  const project = new Hono<AppEnv>()
    .use('*', loadAdminProject(deps))
    .route('/', adminProjectSettingsRoutes(deps))
    .route('/secret', adminSecretRoutes(deps))
    .route('/token-check', adminTokenCheckRoutes(deps))
    .route('/install', adminInstallRoutes(deps))
    .route('/audit', adminAuditRoutes(deps))
    .route('/', adminBacklogRoutes(deps))
    .route('/companies', adminCompaniesRoutes(deps))
    .route('/companies', adminCompanyMrrHistoryRoutes(deps))
    .route('/stripe', adminStripeRoutes(deps))
    .route('/', adminRequestsRoutes(deps))
    .route('/', adminModerationRoutes(deps))
    .route('/', adminCommentsRoutes(deps))
    .route('/', adminCommentDeleteRoutes(deps))
    .route('/changelog', adminChangelogRoutes(deps))
    .route('/attachments', adminAttachmentsRoutes(deps))
    .route('/webhooks', adminWebhooksRoutes(deps))
    .route('/', adminNotificationsRoutes(deps))
    .route('/', adminOnBehalfRoutes(deps))
    .route('/api-keys', adminApiKeysRoutes(deps))
    .route('/people', adminPeopleRoutes(deps))
    .route('/tags', adminTagsRoutes(deps))
  return new Hono<AppEnv>()
    .route('/members', adminMembersRoutes(deps))
    .route('/invites', adminInvitesRoutes(deps))
    .route('/mail', adminMailRoutes(deps))
    .route('/projects', adminProjectsRoutes(deps))
    .route('/projects/:id', project)
}
