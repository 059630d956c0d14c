/**
 * Two real `npm start` processes on one PostgreSQL database behave as one server (issue 17):
 * what one process writes, the other answers at once. Needs DATABASE_URL (CI starts one).
 */
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreatedProjectResponse, FeedbackRequest } from '../../../src/shared/api'
import { audienceFor } from '../../../src/shared/identity'
import { createThrowawayDatabase, type ThrowawayDatabase } from '../../helpers/postgres-database'
import { type ServerProcess, startServerProcess } from '../../helpers/server-process'
import { mintToken } from '../../helpers/tokens'

const databaseUrl = process.env.DATABASE_URL
if (!databaseUrl && process.env.CI !== 'true') {
  console.log(
    'skipped two-process tests: set DATABASE_URL to a PostgreSQL server (Debian: postgresql)',
  )
}

describe.skipIf(!databaseUrl && process.env.CI !== 'true')(
  'two server processes on one PostgreSQL',
  () => {
    const adminToken = randomBytes(24).toString('base64url')
    let database: ThrowawayDatabase
    let a: ServerProcess
    let b: ServerProcess

    beforeAll(async () => {
      if (!databaseUrl) throw new Error('CI=true: DATABASE_URL must name a PostgreSQL server')
      database = await createThrowawayDatabase(databaseUrl)
      const env = { DATABASE_URL: database.url, REQIO_ADMIN_TOKEN: adminToken }
      // Both at the same moment on an empty database: migrations must serialise, not collide.
      ;[a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)])
    })
    afterAll(async () => {
      await Promise.all([a?.stop(), b?.stop()])
      await database?.drop()
    })

    const admin = (server: ServerProcess, path: string, init: RequestInit = {}) =>
      fetch(`${server.url}${path}`, {
        ...init,
        headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
      })

    async function createProject(server: ServerProcess): Promise<CreatedProjectResponse> {
      const res = await admin(server, '/v1/admin/projects', {
        method: 'POST',
        body: JSON.stringify({ name: 'Acme' }),
      })
      expect(res.status).toBe(201)
      return (await res.json()) as CreatedProjectResponse
    }

    async function voteWith(
      server: ServerProcess,
      projectId: string,
      requestId: string,
      headers: Record<string, string>,
    ) {
      return fetch(`${server.url}/v1/projects/${projectId}/requests/${requestId}/vote`, {
        method: 'POST',
        headers,
      })
    }

    it('start together on an empty database, both applying the schema once', async () => {
      const health = await Promise.all([a, b].map((server) => admin(server, '/v1/admin/projects')))
      expect(health.map((res) => res.status)).toEqual([200, 200])
      expect(a.output() + b.output()).not.toMatch(/could not start/)
    })

    it('show a request submitted on one process in the other process list at once', async () => {
      const { project } = await createProject(a)
      // B reads (and caches) the empty list first, so a stale cache would show.
      const before = await fetch(`${b.url}/v1/projects/${project.id}/requests`)
      expect(((await before.json()) as { requests: unknown[] }).requests).toEqual([])
      const created = await fetch(`${a.url}/v1/projects/${project.id}/requests`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Reqio-Anonymous-Id': 'anon-writer-1' },
        body: JSON.stringify({ title: 'Dark mode' }),
      })
      expect(created.status).toBe(201)
      const after = await fetch(`${b.url}/v1/projects/${project.id}/requests`)
      const { requests } = (await after.json()) as { requests: FeedbackRequest[] }
      expect(requests.map((r) => r.title)).toEqual(['Dark mode'])
    })

    it('refuse the old secret on B as soon as A rotates it with no grace', async () => {
      const { project, secret } = await createProject(a)
      const created = await fetch(`${a.url}/v1/projects/${project.id}/requests`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Reqio-Anonymous-Id': 'anon-writer-2' },
        body: JSON.stringify({ title: 'Exports' }),
      })
      const { request } = (await created.json()) as { request: FeedbackRequest }
      const oldToken = await mintToken(secret, { sub: 'u1', aud: audienceFor(project.id) })
      // B caches the project (and this token) before the rotation.
      expect(
        (await voteWith(b, project.id, request.id, { Authorization: `Bearer ${oldToken}` })).status,
      ).toBe(200)

      const rotated = await admin(a, `/v1/admin/projects/${project.id}/secret`, {
        method: 'POST',
        body: JSON.stringify({ graceSeconds: 0 }),
      })
      expect(rotated.status).toBe(201)
      const { secret: newSecret } = (await rotated.json()) as { secret: string }

      const refused = await voteWith(b, project.id, request.id, {
        Authorization: `Bearer ${oldToken}`,
      })
      expect(refused.status).toBe(401)
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
        'token_signature',
      )
      const newToken = await mintToken(newSecret, { sub: 'u1', aud: audienceFor(project.id) })
      expect(
        (await voteWith(b, project.id, request.id, { Authorization: `Bearer ${newToken}` })).status,
      ).toBe(200)
    })

    it('enforce requireIdentity on B as soon as A switches it on', async () => {
      const { project } = await createProject(a)
      const created = await fetch(`${b.url}/v1/projects/${project.id}/requests`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Reqio-Anonymous-Id': 'anon-writer-3' },
        body: JSON.stringify({ title: 'SSO' }),
      })
      const { request } = (await created.json()) as { request: FeedbackRequest }
      const patched = await admin(a, `/v1/admin/projects/${project.id}`, {
        method: 'PATCH',
        body: JSON.stringify({ settings: { requireIdentity: true } }),
      })
      expect(patched.status).toBe(200)
      const widget = await fetch(`${b.url}/v1/projects/${project.id}/widget`)
      const { project: seen } = (await widget.json()) as {
        project: { settings: { requireIdentity: boolean } }
      }
      expect(seen.settings.requireIdentity).toBe(true)
      expect(request.id).toBeTruthy()
    })
  },
)
