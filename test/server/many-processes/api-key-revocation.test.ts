/**
 * Project API keys with two real `npm start` processes on one PostgreSQL (spec/api.md v3): a
 * key revoked on one process is refused by the other at once, although the other had it in its
 * per-process cache; the per-key limit is read from REQIO_API_KEY_REQUESTS_PER_MINUTE.
 * Needs DATABASE_URL (CI starts one).
 */
import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { CreatedApiKeyResponse, CreatedProjectResponse } from '../../../src/shared/api'
import type { ServerProcess } from '../../helpers/server-process'
import { adminFetchWith, twoProcessesCanRun, withTwoProcesses } from '../../helpers/two-processes'

/** How long B may trail A's answer in hearing of a change (as in two-processes.test.ts). */
const FEED_DELAY_TOLERANCE_MS = 400
const KEY_REQUESTS_PER_MINUTE = 20

describe.runIf(twoProcessesCanRun('API keys across two processes'))(
  'API keys on two server processes on one PostgreSQL',
  () => {
    const adminToken = randomBytes(24).toString('base64url')
    let a: ServerProcess
    let b: ServerProcess
    withTwoProcesses(
      {
        REQIO_ADMIN_TOKEN: adminToken,
        REQIO_API_KEY_REQUESTS_PER_MINUTE: String(KEY_REQUESTS_PER_MINUTE),
      },
      (started) => {
        ;[a, b] = started
      },
    )

    const admin = adminFetchWith(adminToken)
    const withKey = (server: ServerProcess, key: string, path: string) =>
      fetch(`${server.url}${path}`, { headers: { Authorization: `Bearer ${key}` } })

    async function projectWithKey(server: ServerProcess) {
      const created = await admin(server, '/v1/admin/projects', {
        method: 'POST',
        body: JSON.stringify({ name: 'Acme' }),
      })
      const { project } = (await created.json()) as CreatedProjectResponse
      const res = await admin(server, `/v1/admin/projects/${project.id}/api-keys`, {
        method: 'POST',
        body: JSON.stringify({ name: 'CRM sync', scopes: ['read'] }),
      })
      expect(res.status).toBe(201)
      const { apiKey, key } = (await res.json()) as CreatedApiKeyResponse
      return { projectId: project.id, keyId: apiKey.id, key }
    }

    /** B may hear of A's change a few milliseconds after A answers: ask again for a moment. */
    async function soonOn(server: ServerProcess, key: string, path: string): Promise<Response> {
      const deadline = Date.now() + FEED_DELAY_TOLERANCE_MS
      for (;;) {
        const res = await withKey(server, key, path)
        if (res.status === 401 || Date.now() >= deadline) return res
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
    }

    for (const [revoker, other] of [
      ['A', 'B'],
      ['B', 'A'],
    ] as const) {
      it(`refuses on ${other} a key revoked on ${revoker}, although ${other} had it cached`, async () => {
        const servers = { A: a, B: b }
        const { projectId, keyId, key } = await projectWithKey(servers[revoker])
        const backlog = `/v1/admin/projects/${projectId}/backlog`
        // Both processes know (and cache) the key before the revocation.
        expect((await withKey(servers[other], key, backlog)).status).toBe(200)
        expect((await withKey(servers[revoker], key, backlog)).status).toBe(200)
        const revoked = await admin(
          servers[revoker],
          `/v1/admin/projects/${projectId}/api-keys/${keyId}`,
          {
            method: 'DELETE',
          },
        )
        expect(revoked.status).toBe(204)
        expect((await withKey(servers[revoker], key, backlog)).status).toBe(401)
        const refused = await soonOn(servers[other], key, backlog)
        expect(refused.status).toBe(401)
        expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
          'unauthorized',
        )
      })
    }

    it('reads REQIO_API_KEY_REQUESTS_PER_MINUTE: one key is refused with 429 past it', async () => {
      const { projectId, key } = await projectWithKey(a)
      const backlog = `/v1/admin/projects/${projectId}/backlog`
      const statuses: number[] = []
      for (let i = 0; i < KEY_REQUESTS_PER_MINUTE; i++)
        statuses.push((await withKey(a, key, backlog)).status)
      expect(statuses.filter((status) => status === 200)).toHaveLength(KEY_REQUESTS_PER_MINUTE)
      const last = await withKey(a, key, backlog)
      expect(last.status).toBe(429)
      expect(Number(last.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1)
    })
  },
)
