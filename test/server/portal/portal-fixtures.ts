/**
 * What portal tests share: calls to the public and admin API that fill a project, and a seam
 * for the portal's settings. Until `PATCH /v1/admin/projects/{pid}` stores `portal: {…}`
 * (portal-settings), `withPortalSettings` makes the server's store answer the project with them.
 */
import { vi } from 'vitest'
import type { ChangelogEntry, CommentResponse, RequestResponse } from '../../../src/shared/api'
import { ANONYMOUS_ID_HEADER } from '../../../src/shared/identity'
import type { TestServer } from '../../helpers/start-server'

export async function submitRequest(
  server: TestServer,
  projectId: string,
  input: { title: string; body?: string },
  headers: Record<string, string> = { [ANONYMOUS_ID_HEADER]: 'portal-anon-0001' },
): Promise<string> {
  const res = await fetch(`${server.url}/v1/projects/${projectId}/requests`, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  })
  if (res.status !== 201) throw new Error(`submit answered ${res.status}: ${await res.text()}`)
  return ((await res.json()) as RequestResponse).request.id
}

export async function commentOn(
  server: TestServer,
  projectId: string,
  requestId: string,
  body: string,
  headers: Record<string, string>,
): Promise<string> {
  const res = await fetch(`${server.url}/v1/projects/${projectId}/requests/${requestId}/comments`, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/json' },
    body: JSON.stringify({ body }),
  })
  if (res.status !== 201) throw new Error(`comment answered ${res.status}: ${await res.text()}`)
  return ((await res.json()) as CommentResponse).comment.id
}

export async function adminPatchRequest(
  server: TestServer,
  projectId: string,
  requestId: string,
  patch: Record<string, unknown>,
): Promise<void> {
  const res = await server.adminFetch(`/v1/admin/projects/${projectId}/requests/${requestId}`, {
    method: 'PATCH',
    body: JSON.stringify(patch),
  })
  if (res.status !== 200) throw new Error(`patch answered ${res.status}: ${await res.text()}`)
}

export async function writeChangelogEntry(
  server: TestServer,
  projectId: string,
  input: { title: string; body: string; requestIds?: string[]; publish: boolean },
): Promise<ChangelogEntry> {
  const res = await server.adminFetch(`/v1/admin/projects/${projectId}/changelog`, {
    method: 'POST',
    body: JSON.stringify({ requestIds: [], ...input }),
  })
  if (res.status !== 201) throw new Error(`changelog answered ${res.status}: ${await res.text()}`)
  return ((await res.json()) as { entry: ChangelogEntry }).entry
}

/**
 * The project as the server reads it, with these portal settings (and `siteUrl`/`ssoUrl`)
 * added: what the store will hold once portal-settings lands. Restored by vi.restoreAllMocks().
 */
export function withPortalSettings(
  server: TestServer,
  settings: {
    portal?: { enabled?: boolean; indexable?: boolean; domain?: string | null }
    siteUrl?: string | null
    ssoUrl?: string | null
  },
): void {
  const projects = server.store.projects
  const find = projects.find.bind(projects)
  vi.spyOn(projects, 'find').mockImplementation(async (id: string) => {
    const project = await find(id)
    if (!project) return project
    const portal = { enabled: true, indexable: false, domain: null, ...settings.portal }
    return { ...project, settings: { ...project.settings, ...settings, portal } }
  })
}

/**
 * Drops the server's cached project row (a settings change does, in every process) so the next
 * read sees the mocked settings.
 */
export async function forgetCachedProject(server: TestServer, projectId: string): Promise<void> {
  const res = await server.adminFetch(`/v1/admin/projects/${projectId}`, {
    method: 'PATCH',
    body: JSON.stringify({ settings: { allowAnonymousComments: false } }),
  })
  if (res.status !== 200) throw new Error(`settings answered ${res.status}: ${await res.text()}`)
}
