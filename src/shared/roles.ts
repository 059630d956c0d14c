/**
 * Who may do what on the team (spec/api.md "Team accounts"): the one table both the server
 * (which enforces it) and the dashboard (which hides what a role cannot do) read.
 */
export const TEAM_ROLES = ['owner', 'admin', 'member', 'viewer'] as const
export type TeamRole = (typeof TEAM_ROLES)[number]

/** What an admin route needs; every route maps to one of these (server/auth/admin-route-permissions.ts). */
export type Permission = 'view' | 'triage' | 'configure' | 'manage_members'

export const ROLE_PERMISSIONS: Record<TeamRole, readonly Permission[]> = {
  /** Everything, members included. */
  owner: ['view', 'triage', 'configure', 'manage_members'],
  /** Everything but members. */
  admin: ['view', 'triage', 'configure'],
  /** Triage: status, notes, merge, replies, changelog. */
  member: ['view', 'triage'],
  /** Read only. */
  viewer: ['view'],
}

export function roleMay(role: TeamRole, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission)
}

/** The role a permission needs at the least, in words, for "why can't I…" answers. */
export const PERMISSION_EXPLANATIONS: Record<Permission, string> = {
  view: 'Every member of the team can see projects, the backlog and the audit log.',
  triage:
    'Changing statuses, titles and merges needs the member, admin or owner role; viewers only look.',
  configure:
    'Creating projects, rotating secrets and changing settings needs the admin or owner role.',
  manage_members: 'Only owners invite people, change roles and remove members.',
}

export const ROLE_DESCRIPTIONS: Record<TeamRole, string> = {
  owner: 'everything, members included',
  admin: 'everything but members',
  member: 'triage: status, notes, merge, replies, changelog',
  viewer: 'read only',
}
