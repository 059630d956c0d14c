/** Team accounts and project administration as the dashboard calls them (spec/api.md v2). */
import type { AdminProject, AuditLogEntry, ProjectSettingsPatch } from '../../shared/api'
import type { TeamRole } from '../../shared/roles'
import type {
  CreatedInvite,
  InvitePreview,
  PendingInvite,
  SessionStatus,
  SetupStatus,
  TeamMemberInfo,
  TeamMemberListed,
} from '../../shared/team-api'
import { type AdminResult, createApiCall } from './admin-client'

type Empty = Record<string, never>

/** Signing in and out: always the cookie, never the admin token (except to create the owner). */
export function createAuthClient(apiBase = '') {
  const call = createApiCall(null, apiBase)
  return {
    setupStatus: () => call<SetupStatus>('GET', '/v1/auth/setup'),
    setUp: (input: { adminToken: string; email: string; name: string; password: string }) =>
      call<{ member: TeamMemberInfo }>('POST', '/v1/auth/setup', input),
    logIn: (email: string, password: string) =>
      call<{ member: TeamMemberInfo }>('POST', '/v1/auth/login', { email, password }),
    me: () => call<{ member: TeamMemberInfo }>('GET', '/v1/auth/me'),
    session: () => call<SessionStatus>('GET', '/v1/auth/session'),
    logOut: () => call<Empty>('POST', '/v1/auth/logout'),
    logOutEverywhere: () => call<Empty>('POST', '/v1/auth/logout-everywhere'),
    changePassword: (currentPassword: string, newPassword: string) =>
      call<Empty>('POST', '/v1/auth/password', { currentPassword, newPassword }),
    previewInvite: (code: string) =>
      call<{ invite: InvitePreview }>('GET', `/v1/auth/invite?code=${encodeURIComponent(code)}`),
    acceptInvite: (input: { code: string; name?: string; password: string }) =>
      call<{ member: TeamMemberInfo }>('POST', '/v1/auth/accept', input),
  }
}
export type AuthClient = ReturnType<typeof createAuthClient>

export interface TeamClient {
  members(): Promise<AdminResult<{ members: TeamMemberListed[] }>>
  setRole(id: string, role: TeamRole): Promise<AdminResult<{ member: TeamMemberInfo }>>
  removeMember(id: string): Promise<AdminResult<Empty>>
  resetLink(id: string): Promise<AdminResult<{ invite: CreatedInvite }>>
  invites(): Promise<AdminResult<{ invites: PendingInvite[] }>>
  invite(email: string, role: TeamRole): Promise<AdminResult<{ invite: CreatedInvite }>>
  revokeInvite(id: string): Promise<AdminResult<Empty>>
  updateProject(
    id: string,
    patch: { name?: string; settings?: ProjectSettingsPatch },
  ): Promise<AdminResult<{ project: AdminProject }>>
  /** A page of the log, newest first; `cursor` (a page's nextCursor) for the older lines. */
  audit(
    projectId: string,
    cursor?: string | null,
  ): Promise<AdminResult<{ entries: AuditLogEntry[]; nextCursor?: string | null }>>
}

/** The admin API's team and project-settings routes; `adminToken` null means the session cookie. */
export function createTeamClient(adminToken: string | null, apiBase = ''): TeamClient {
  const call = createApiCall(adminToken, apiBase)
  const member = (id: string) => `/v1/admin/members/${encodeURIComponent(id)}`
  const project = (id: string) => `/v1/admin/projects/${encodeURIComponent(id)}`
  return {
    members: () => call('GET', '/v1/admin/members'),
    setRole: (id, role) => call('PATCH', member(id), { role }),
    removeMember: (id) => call('DELETE', member(id)),
    resetLink: (id) => call('POST', `${member(id)}/reset-link`),
    invites: () => call('GET', '/v1/admin/invites'),
    invite: (email, role) => call('POST', '/v1/admin/invites', { email, role }),
    revokeInvite: (id) => call('DELETE', `/v1/admin/invites/${encodeURIComponent(id)}`),
    updateProject: (id, patch) => call('PATCH', project(id), patch),
    audit: (id, cursor) =>
      call('GET', `${project(id)}/audit${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`),
  }
}
