// The Reqio server's side of a test: projects, tokens, other visitors' actions, the backlog.
import { randomUUID } from 'node:crypto'
import { expect } from 'vitest'
import type { BacklogRequest, BacklogSort, CreatedProjectResponse } from '../../../src/shared/api'
import { mintToken } from '../../helpers/tokens'
import type { World } from './world'

/** Creates a project through the admin API. */
export function createProject(world: World, name = 'Customer'): Promise<CreatedProjectResponse> {
  return world.server.createProject(name)
}

export interface Person {
  sub: string
  email?: string
  name?: string
  traits?: { plan: string; amount: number; interval: 'month' | 'year' }
  company?: { id: string; name?: string }
}

/** A token for `person`, minted as the customer's server would. */
export function tokenFor(created: CreatedProjectResponse, person: Person, nowMs?: number) {
  return mintToken(
    created.secret,
    { aud: created.project.audience, ...person },
    nowMs === undefined ? {} : { nowMs },
  )
}

/** Another visitor's request, filed straight through the public API. */
export async function fileRequest(
  world: World,
  projectId: string,
  title: string,
  token?: string,
): Promise<{ id: string; votes: number }> {
  const res = await fetch(`${world.server.url}/v1/projects/${projectId}/requests`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-Reqio-Anonymous-Id': randomUUID(),
      'Idempotency-Key': randomUUID(),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ title }),
  })
  expect(res.status).toBe(201)
  return ((await res.json()) as { request: { id: string; votes: number } }).request
}

/** A vote straight through the public API. */
export async function voteThroughApi(
  world: World,
  projectId: string,
  requestId: string,
  token: string,
): Promise<void> {
  const res = await fetch(
    `${world.server.url}/v1/projects/${projectId}/requests/${requestId}/vote`,
    {
      method: 'POST',
      headers: { 'X-Reqio-Anonymous-Id': randomUUID(), Authorization: `Bearer ${token}` },
    },
  )
  expect(res.status).toBe(200)
}

/** Who each stored request was written by (`s:<sub>` or `a:<anonymous id>`), read from the database. */
export async function authorsOf(world: World, projectId: string): Promise<Record<string, string>> {
  const rows = await world.server.store.db.query<{ title: string; author_voter: string }>(
    'SELECT title, author_voter FROM requests WHERE project_id = $1',
    [projectId],
  )
  return Object.fromEntries(rows.map((row) => [row.title, row.author_voter]))
}

/** The site owner's backlog, read through the admin API. */
export async function backlog(
  world: World,
  projectId: string,
  sort: BacklogSort = 'new',
): Promise<BacklogRequest[]> {
  const res = await world.server.adminFetch(`/v1/admin/projects/${projectId}/backlog?sort=${sort}`)
  expect(res.status).toBe(200)
  return ((await res.json()) as { requests: BacklogRequest[] }).requests
}
