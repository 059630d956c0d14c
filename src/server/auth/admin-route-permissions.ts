import type { Permission } from '../../shared/roles'

export interface AdminRouteRule {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
  /** `:name` matches one path segment. */
  path: string
  permission: Permission
}

/**
 * Every admin route and the permission it needs: the server's half of "who may do what"
 * (which role holds which permission is src/shared/roles.ts). Add a line here with each new
 * admin route; one that is missing falls back to DEFAULT_PERMISSION below.
 */
export const ADMIN_ROUTE_PERMISSIONS: readonly AdminRouteRule[] = [
  { method: 'GET', path: '/v1/admin/projects', permission: 'view' },
  { method: 'POST', path: '/v1/admin/projects', permission: 'configure' },
  { method: 'PATCH', path: '/v1/admin/projects/:id', permission: 'configure' },
  { method: 'POST', path: '/v1/admin/projects/:id/secret', permission: 'configure' },
  { method: 'POST', path: '/v1/admin/projects/:id/token-check', permission: 'configure' },
  { method: 'GET', path: '/v1/admin/projects/:id/install', permission: 'view' },
  { method: 'GET', path: '/v1/admin/projects/:id/backlog', permission: 'view' },
  { method: 'GET', path: '/v1/admin/projects/:id/backlog.csv', permission: 'view' },
  { method: 'GET', path: '/v1/admin/projects/:id/audit', permission: 'view' },
  { method: 'PATCH', path: '/v1/admin/projects/:id/requests/:rid', permission: 'triage' },
  { method: 'POST', path: '/v1/admin/projects/:id/requests/:rid/unmerge', permission: 'triage' },
  // Moderation (spec v3 "Spam and deletion"): deleting, restoring and approving are triage.
  { method: 'DELETE', path: '/v1/admin/projects/:id/requests/:rid', permission: 'triage' },
  { method: 'POST', path: '/v1/admin/projects/:id/requests/:rid/restore', permission: 'triage' },
  { method: 'POST', path: '/v1/admin/projects/:id/requests/:rid/approve', permission: 'triage' },
  // Comments (spec "Comments"): reading a request, replying and hiding are triage.
  { method: 'GET', path: '/v1/admin/projects/:id/requests/:rid', permission: 'view' },
  { method: 'POST', path: '/v1/admin/projects/:id/requests/:rid/comments', permission: 'triage' },
  { method: 'PATCH', path: '/v1/admin/projects/:id/comments/:cid', permission: 'triage' },
  // Deleting any comment (spec v3 "Editing your own words") is moderation, like hiding.
  { method: 'DELETE', path: '/v1/admin/projects/:id/comments/:cid', permission: 'triage' },
  // On a customer's behalf (spec v3): filing, voting and taking a vote back are triage, like
  // replying (POST .../comments with onBehalfOf is the comments line above).
  { method: 'POST', path: '/v1/admin/projects/:id/requests', permission: 'triage' },
  { method: 'POST', path: '/v1/admin/projects/:id/requests/:rid/votes', permission: 'triage' },
  {
    method: 'DELETE',
    path: '/v1/admin/projects/:id/requests/:rid/votes/:sub',
    permission: 'triage',
  },
  // Companies (spec "Companies") are read-only views of the backlog.
  { method: 'GET', path: '/v1/admin/projects/:id/companies', permission: 'view' },
  { method: 'GET', path: '/v1/admin/projects/:id/companies/:cid', permission: 'view' },
  {
    method: 'GET',
    path: '/v1/admin/projects/:id/companies/:cid/mrr-history',
    permission: 'view',
  },
  // Settings › Revenue: whether a Stripe secret is set and the last event: settings-level.
  { method: 'GET', path: '/v1/admin/projects/:id/stripe', permission: 'configure' },
  // People (spec v3 "People (GDPR)"): reading and exporting is viewing; erasing is triage.
  { method: 'GET', path: '/v1/admin/projects/:id/people', permission: 'view' },
  { method: 'GET', path: '/v1/admin/projects/:id/people/:sub', permission: 'view' },
  { method: 'GET', path: '/v1/admin/projects/:id/people/:sub/export', permission: 'view' },
  { method: 'DELETE', path: '/v1/admin/projects/:id/people/:sub', permission: 'triage' },
  // The changelog (spec "Roadmap and changelog") is triage work: members write and publish.
  { method: 'GET', path: '/v1/admin/projects/:id/changelog', permission: 'view' },
  { method: 'POST', path: '/v1/admin/projects/:id/changelog', permission: 'triage' },
  { method: 'PATCH', path: '/v1/admin/projects/:id/changelog/:eid', permission: 'triage' },
  { method: 'DELETE', path: '/v1/admin/projects/:id/changelog/:eid', permission: 'triage' },
  // Images for changelog entries (spec v3 "Images"): whoever writes the changelog uploads them.
  { method: 'POST', path: '/v1/admin/projects/:id/attachments', permission: 'triage' },
  // Who a change would tell (a count, no one named), read before a status change or a publish.
  { method: 'GET', path: '/v1/admin/projects/:id/changelog/audience', permission: 'view' },
  { method: 'GET', path: '/v1/admin/projects/:id/requests/:rid/audience', permission: 'view' },
  // Webhook URLs are often bearer secrets (Slack, Zapier), and the job and mail logs show where
  // and to whom things went: settings-level, even to read (spec v3 "Hardening (round three)").
  { method: 'GET', path: '/v1/admin/projects/:id/webhooks', permission: 'configure' },
  { method: 'POST', path: '/v1/admin/projects/:id/webhooks', permission: 'configure' },
  { method: 'PATCH', path: '/v1/admin/projects/:id/webhooks/:wid', permission: 'configure' },
  { method: 'DELETE', path: '/v1/admin/projects/:id/webhooks/:wid', permission: 'configure' },
  { method: 'POST', path: '/v1/admin/projects/:id/webhooks/:wid/secret', permission: 'configure' },
  { method: 'POST', path: '/v1/admin/projects/:id/webhooks/:wid/test', permission: 'configure' },
  {
    method: 'GET',
    path: '/v1/admin/projects/:id/webhooks/:wid/deliveries',
    permission: 'configure',
  },
  {
    method: 'POST',
    path: '/v1/admin/projects/:id/webhooks/:wid/deliveries/:did/retry',
    permission: 'configure',
  },
  { method: 'GET', path: '/v1/admin/projects/:id/jobs', permission: 'configure' },
  { method: 'POST', path: '/v1/admin/projects/:id/jobs/:jid/retry', permission: 'configure' },
  { method: 'GET', path: '/v1/admin/projects/:id/mail', permission: 'configure' },
  // The server's email set-up and its test email: settings work, like SMTP itself.
  { method: 'GET', path: '/v1/admin/mail', permission: 'configure' },
  { method: 'POST', path: '/v1/admin/mail/test', permission: 'configure' },
  // Project API keys (spec v3): owners and admins; a key never reaches them (api-key-scopes.ts).
  { method: 'GET', path: '/v1/admin/projects/:id/api-keys', permission: 'configure' },
  { method: 'POST', path: '/v1/admin/projects/:id/api-keys', permission: 'configure' },
  { method: 'DELETE', path: '/v1/admin/projects/:id/api-keys/:kid', permission: 'configure' },
  // Tags (spec v3 "Tags"): everyone reads the vocabulary; shaping it (names, colours, deleting a
  // tag off every request) is settings work, like Canny's; putting tags on a request is the
  // PATCH .../requests/:rid line above (triage).
  { method: 'GET', path: '/v1/admin/projects/:id/tags', permission: 'view' },
  { method: 'POST', path: '/v1/admin/projects/:id/tags', permission: 'configure' },
  { method: 'PATCH', path: '/v1/admin/projects/:id/tags/:tagId', permission: 'configure' },
  { method: 'DELETE', path: '/v1/admin/projects/:id/tags/:tagId', permission: 'configure' },
  // The team itself.
  { method: 'GET', path: '/v1/admin/members', permission: 'manage_members' },
  { method: 'PATCH', path: '/v1/admin/members/:id', permission: 'manage_members' },
  { method: 'DELETE', path: '/v1/admin/members/:id', permission: 'manage_members' },
  { method: 'POST', path: '/v1/admin/members/:id/reset-link', permission: 'manage_members' },
  { method: 'GET', path: '/v1/admin/invites', permission: 'manage_members' },
  { method: 'POST', path: '/v1/admin/invites', permission: 'manage_members' },
  { method: 'DELETE', path: '/v1/admin/invites/:id', permission: 'manage_members' },
]

/**
 * For a route nobody listed yet: reads are for everyone on the team, writes need an admin.
 * Safe by default (a new write is closed to members and viewers until it is listed), and a
 * new dashboard page still loads for every role.
 */
export function defaultPermission(method: string): Permission {
  return method === 'GET' || method === 'HEAD' ? 'view' : 'configure'
}

function matches(pattern: string, path: string): boolean {
  const want = pattern.split('/')
  const got = path.split('/')
  if (want.length !== got.length) return false
  return want.every((part, i) => (part.startsWith(':') ? got[i] !== '' : part === got[i]))
}

export function permissionFor(method: string, path: string): Permission {
  const upper = method.toUpperCase()
  const asMethod = upper === 'HEAD' ? 'GET' : upper
  const rule = ADMIN_ROUTE_PERMISSIONS.find(
    (candidate) => candidate.method === asMethod && matches(candidate.path, path),
  )
  return rule?.permission ?? defaultPermission(upper)
}
