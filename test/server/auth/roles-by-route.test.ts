import { describe, expect, it } from 'vitest'
import { ADMIN_ROUTE_PERMISSIONS } from '../../../src/server/auth/admin-route-permissions'
import { ROLE_PERMISSIONS, roleMay, type TeamRole } from '../../../src/shared/roles'
import { serverWithFreshProject } from '../../helpers/fresh-project'
import type { TestServer } from '../../helpers/start-server'
import { joinTeam, type SignedInMember, setUpOwner } from '../../helpers/team'

let server: TestServer
let projectId: string
serverWithFreshProject({ demo: false }, 'Roles', (fresh) => {
  ;({ server, projectId } = fresh)
})

const ROLES = Object.keys(ROLE_PERMISSIONS) as TeamRole[]

/** Fills a route pattern: the real project, ids that match nothing for the rest. */
function concretePath(pattern: string): string {
  return pattern
    .replace(':id', pattern.startsWith('/v1/admin/projects') ? projectId : 'no-such-id')
    .replace(/:[a-z]+/g, 'no-such-id')
}

describe('every admin route, for every role, from the one table', () => {
  // Tables are emptied before each test, so each test that needs people signs them in anew.
  let people: Record<TeamRole, SignedInMember>

  async function signInEveryRole() {
    const owner = await setUpOwner(server)
    people = {
      owner,
      admin: await joinTeam(server, owner, 'admin'),
      member: await joinTeam(server, owner, 'member'),
      viewer: await joinTeam(server, owner, 'viewer'),
    }
  }

  it('answers 403 forbidden exactly where the role lacks the permission, and never 401', async () => {
    await signInEveryRole()
    const seen: string[] = []
    for (const rule of ADMIN_ROUTE_PERMISSIONS) {
      for (const role of ROLES) {
        const path = concretePath(rule.path)
        const init: RequestInit = { method: rule.method }
        if (rule.method !== 'GET') init.body = '{}'
        const res = await people[role].fetch(path, init)
        const label = `${role} ${rule.method} ${rule.path} -> ${res.status}`
        seen.push(label)
        expect(res.status, label).not.toBe(401)
        if (roleMay(role, rule.permission)) {
          expect(res.status, label).not.toBe(403)
        } else {
          expect(res.status, label).toBe(403)
          const body = (await res.json()) as { error: { code: string; message: string } }
          expect(body.error.code, label).toBe('forbidden')
          expect(body.error.message, label).toContain(role)
        }
      }
    }
    expect(seen.length).toBe(ADMIN_ROUTE_PERMISSIONS.length * ROLES.length)
  })

  it('lets the admin token do every route, as the owner', async () => {
    for (const rule of ADMIN_ROUTE_PERMISSIONS) {
      const init: RequestInit = { method: rule.method }
      if (rule.method !== 'GET') init.body = '{}'
      const res = await server.adminFetch(concretePath(rule.path), init)
      expect(res.status, `${rule.method} ${rule.path}`).not.toBe(401)
      expect(res.status, `${rule.method} ${rule.path}`).not.toBe(403)
    }
  })

  it('answers 401 unauthorized on every route with neither cookie nor token', async () => {
    for (const rule of ADMIN_ROUTE_PERMISSIONS) {
      const res = await fetch(`${server.url}${concretePath(rule.path)}`, {
        method: rule.method,
        headers: { Origin: server.url, 'Content-Type': 'application/json' },
        body: rule.method === 'GET' ? undefined : '{}',
      })
      expect(res.status, `${rule.method} ${rule.path}`).toBe(401)
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthorized')
    }
  })

  it('closes an unlisted admin write to members and viewers, and leaves unlisted reads open', async () => {
    await signInEveryRole()
    const write = await people.member.fetch(`/v1/admin/projects/${projectId}/not-yet-a-route`, {
      method: 'POST',
      body: '{}',
    })
    expect(write.status).toBe(403)
    const read = await people.viewer.fetch(`/v1/admin/projects/${projectId}/not-yet-a-route`)
    expect(read.status).toBe(404)
    const adminWrite = await people.admin.fetch(`/v1/admin/projects/${projectId}/not-yet-a-route`, {
      method: 'POST',
      body: '{}',
    })
    expect(adminWrite.status).toBe(404)
  })

  it('lets a member triage but not rotate the secret, and a viewer only look', async () => {
    await signInEveryRole()
    const rotate = await people.member.fetch(`/v1/admin/projects/${projectId}/secret`, {
      method: 'POST',
      body: '{}',
    })
    expect(rotate.status).toBe(403)
    expect(((await rotate.json()) as { error: { code: string } }).error.code).toBe('forbidden')
    const backlog = await people.viewer.fetch(`/v1/admin/projects/${projectId}/backlog`)
    expect(backlog.status).toBe(200)
    const rename = await people.viewer.fetch(`/v1/admin/projects/${projectId}`, {
      method: 'PATCH',
      body: JSON.stringify({ name: 'Renamed' }),
    })
    expect(rename.status).toBe(403)
    const adminRename = await people.admin.fetch(`/v1/admin/projects/${projectId}`, {
      method: 'PATCH',
      body: JSON.stringify({ name: 'Renamed' }),
    })
    expect(adminRename.status).toBe(200)
  })

  it('keeps webhook URLs, deliveries, jobs and sent mail from members and viewers, and shows them to admins', async () => {
    await signInEveryRole()
    const created = await people.admin.fetch(`/v1/admin/projects/${projectId}/webhooks`, {
      method: 'POST',
      body: JSON.stringify({ url: 'https://hooks.slack.test/services/T0/B0/secret-part' }),
    })
    expect(created.status).toBe(201)
    const { webhook } = (await created.json()) as { webhook: { id: string } }
    const reads = [
      `/v1/admin/projects/${projectId}/webhooks`,
      `/v1/admin/projects/${projectId}/webhooks/${webhook.id}/deliveries`,
      `/v1/admin/projects/${projectId}/jobs`,
      `/v1/admin/projects/${projectId}/mail`,
    ]
    for (const path of reads) {
      for (const role of ['member', 'viewer'] as const) {
        const res = await people[role].fetch(path)
        expect(res.status, `${role} GET ${path}`).toBe(403)
        expect(await res.text(), `${role} GET ${path}`).not.toContain('secret-part')
      }
      expect((await people.admin.fetch(path)).status, `admin GET ${path}`).toBe(200)
    }
  })
})
