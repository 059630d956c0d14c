/**
 * Team accounts in tests: the first owner, invites accepted, and fetches that carry a member's
 * session cookie (with the server's own Origin, as the dashboard's browser sends it).
 *
 *   const owner = await setUpOwner(server)
 *   const viewer = await joinTeam(server, owner, 'viewer')
 *   const res = await viewer.fetch('/v1/admin/projects')
 */
import type { CreatedProjectResponse } from '../../src/shared/api'
import type { TeamRole } from '../../src/shared/roles'
import type { CreatedInvite, TeamMemberInfo } from '../../src/shared/team-api'

export const TEST_PASSWORD = 'correct horse battery staple'

interface ServerLike {
  url: string
  adminToken: string
}

export interface SignedInMember {
  member: TeamMemberInfo
  password: string
  /** `reqio_session=...`, as a Cookie header. */
  cookie: string
  /** fetch on the server with this member's cookie, Origin set to the server's own, JSON body. */
  fetch(path: string, init?: RequestInit): Promise<Response>
}

/** The session cookie a response set, as a Cookie header value. */
export function sessionCookieFrom(response: Response): string {
  const setCookie = response.headers
    .getSetCookie()
    .find((line) => line.startsWith('reqio_session='))
  if (!setCookie) throw new Error(`no session cookie in the answer (${response.status})`)
  return setCookie.split(';')[0] as string
}

export function cookieFetch(server: ServerLike, cookie: string) {
  return (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers)
    headers.set('Cookie', cookie)
    if (!headers.has('Origin')) headers.set('Origin', server.url)
    if (init.body !== undefined && !headers.has('Content-Type'))
      headers.set('Content-Type', 'application/json')
    return fetch(`${server.url}${path}`, { ...init, headers })
  }
}

export function postJson(server: ServerLike, path: string, body: unknown, headers = {}) {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: server.url, ...headers },
    body: JSON.stringify(body),
  })
}

function signedIn(
  server: ServerLike,
  response: Response,
  member: TeamMemberInfo,
  password: string,
) {
  const cookie = sessionCookieFrom(response)
  return { member, password, cookie, fetch: cookieFetch(server, cookie) }
}

export async function setUpOwner(
  server: ServerLike,
  who: { email?: string; name?: string; password?: string } = {},
): Promise<SignedInMember> {
  const password = who.password ?? TEST_PASSWORD
  const response = await postJson(server, '/v1/auth/setup', {
    adminToken: server.adminToken,
    email: who.email ?? 'olive.owner@example.com',
    name: who.name ?? 'Olive Owner',
    password,
  })
  if (response.status !== 201)
    throw new Error(`setup answered ${response.status}: ${await response.text()}`)
  const { member } = (await response.json()) as { member: TeamMemberInfo }
  return signedIn(server, response, member, password)
}

/** A project created by `member` in the dashboard's way (their session); answers its id. */
export async function createProjectAs(member: SignedInMember, name: string): Promise<string> {
  const res = await member.fetch('/v1/admin/projects', {
    method: 'POST',
    body: JSON.stringify({ name }),
  })
  if (res.status !== 201) throw new Error(`creating a project answered ${res.status}`)
  return ((await res.json()) as CreatedProjectResponse).project.id
}

export async function invite(
  inviter: SignedInMember,
  email: string,
  role: TeamRole,
): Promise<CreatedInvite> {
  const response = await inviter.fetch('/v1/admin/invites', {
    method: 'POST',
    body: JSON.stringify({ email, role }),
  })
  if (response.status !== 201)
    throw new Error(`invite answered ${response.status}: ${await response.text()}`)
  return ((await response.json()) as { invite: CreatedInvite }).invite
}

export function inviteCode(invite: { url: string }): string {
  return new URL(invite.url).searchParams.get('code') as string
}

export async function acceptInvite(
  server: ServerLike,
  created: { url: string },
  who: { name?: string; password?: string } = {},
): Promise<SignedInMember> {
  const password = who.password ?? TEST_PASSWORD
  const response = await postJson(server, '/v1/auth/accept', {
    code: inviteCode(created),
    name: who.name ?? 'New Person',
    password,
  })
  if (response.status !== 200)
    throw new Error(`accept answered ${response.status}: ${await response.text()}`)
  const { member } = (await response.json()) as { member: TeamMemberInfo }
  return signedIn(server, response, member, password)
}

/** Invites someone with the role and signs them in through the invite link. */
export async function joinTeam(
  server: ServerLike,
  owner: SignedInMember,
  role: TeamRole,
  email = `${role}.${Math.random().toString(36).slice(2, 8)}@example.com`,
): Promise<SignedInMember> {
  const created = await invite(owner, email, role)
  return acceptInvite(server, created, { name: `A ${role}` })
}

export async function logIn(server: ServerLike, email: string, password: string) {
  return postJson(server, '/v1/auth/login', { email, password })
}
