import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { frozenClock } from '../../../src/server/clock'
import { truncateAllTables } from '../../../src/server/store/reset'
import type { AuditLogEntry } from '../../../src/shared/api'
import type { PendingInvite, TeamMemberListed } from '../../../src/shared/team-api'
import { startTestServer, type TestServer } from '../../helpers/start-server'
import {
  acceptInvite,
  invite,
  inviteCode,
  joinTeam,
  logIn,
  postJson,
  type SignedInMember,
  setUpOwner,
  TEST_PASSWORD,
} from '../../helpers/team'

const clock = frozenClock(Date.parse('2026-03-02T09:00:00Z'))
let server: TestServer
let owner: SignedInMember

beforeAll(async () => {
  server = await startTestServer({ demo: false, clock })
})
afterAll(() => server.close())
beforeEach(async () => {
  await truncateAllTables(server.store.db)
  clock.set(Date.parse('2026-03-02T09:00:00Z'))
  owner = await setUpOwner(server)
})

async function errorCode(res: Response): Promise<string> {
  return ((await res.json()) as { error: { code: string } }).error.code
}

describe('invites', () => {
  it('answers a link to the accept page with a code, good for 7 days', async () => {
    const created = await invite(owner, 'Sam.Support@Example.com', 'member')
    expect(created).toMatchObject({
      email: 'sam.support@example.com',
      role: 'member',
      reset: false,
    })
    const url = new URL(created.url)
    expect(`${url.origin}${url.pathname}`).toBe(`${server.url}/dashboard/accept`)
    expect(inviteCode(created).length).toBeGreaterThanOrEqual(40)
    expect(Date.parse(created.expiresAt)).toBe(clock.now() + 7 * 24 * 3600_000)
    const stored = await server.store.db.query<{ code_hash: string }>(
      'SELECT code_hash FROM invites',
    )
    expect(stored[0]?.code_hash).not.toBe(inviteCode(created))
  })

  it('is accepted once, with a name and password, and signs the new member in', async () => {
    const created = await invite(owner, 'sam@example.com', 'member')
    const preview = await fetch(`${server.url}/v1/auth/invite?code=${inviteCode(created)}`)
    expect(await preview.json()).toMatchObject({
      invite: { email: 'sam@example.com', role: 'member' },
    })
    const sam = await acceptInvite(server, created, { name: 'Sam' })
    expect(sam.member).toMatchObject({ email: 'sam@example.com', name: 'Sam', role: 'member' })
    expect((await sam.fetch('/v1/auth/me')).status).toBe(200)
    const again = await postJson(server, '/v1/auth/accept', {
      code: inviteCode(created),
      name: 'Sam again',
      password: TEST_PASSWORD,
    })
    expect(again.status).toBe(404)
  })

  it('expires after 7 days, and can be revoked before', async () => {
    const late = await invite(owner, 'late@example.com', 'viewer')
    const revoked = await invite(owner, 'revoked@example.com', 'viewer')
    const pending = (await (await owner.fetch('/v1/admin/invites')).json()) as {
      invites: PendingInvite[]
    }
    expect(pending.invites.map((i) => i.email).sort()).toEqual([
      'late@example.com',
      'revoked@example.com',
    ])
    expect(
      (await owner.fetch(`/v1/admin/invites/${revoked.id}`, { method: 'DELETE' })).status,
    ).toBe(204)
    const accept = (created: { url: string }) =>
      postJson(server, '/v1/auth/accept', {
        code: inviteCode(created),
        name: 'X',
        password: TEST_PASSWORD,
      })
    expect((await accept(revoked)).status).toBe(404)
    clock.advance(7 * 24 * 3600_000 + 1)
    expect((await accept(late)).status).toBe(404)
    const after = (await (await owner.fetch('/v1/admin/invites')).json()) as {
      invites: PendingInvite[]
    }
    expect(after.invites).toEqual([])
  })

  it('refuses to invite someone already on the team, and short passwords on accept', async () => {
    const again = await owner.fetch('/v1/admin/invites', {
      method: 'POST',
      body: JSON.stringify({ email: owner.member.email, role: 'viewer' }),
    })
    expect(again.status).toBe(409)
    const created = await invite(owner, 'short@example.com', 'viewer')
    const short = await postJson(server, '/v1/auth/accept', {
      code: inviteCode(created),
      name: 'Short',
      password: 'nine char',
    })
    expect(short.status).toBe(400)
  })

  it('can be made with the admin token alone, for scripts', async () => {
    const res = await server.adminFetch('/v1/admin/invites', {
      method: 'POST',
      body: JSON.stringify({ email: 'ci@example.com', role: 'viewer' }),
    })
    expect(res.status).toBe(201)
  })
})

describe('members', () => {
  it('lists the team, changes a role, and removes a member whose session then stops', async () => {
    const sam = await joinTeam(server, owner, 'member', 'sam@example.com')
    const list = (await (await owner.fetch('/v1/admin/members')).json()) as {
      members: TeamMemberListed[]
    }
    expect(list.members.map((m) => [m.email, m.role])).toEqual([
      ['olive.owner@example.com', 'owner'],
      ['sam@example.com', 'member'],
    ])
    const promoted = await owner.fetch(`/v1/admin/members/${sam.member.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ role: 'admin' }),
    })
    expect(await promoted.json()).toMatchObject({ member: { role: 'admin' } })
    // The new role applies to the session at once.
    expect(
      (await sam.fetch('/v1/admin/projects', { method: 'POST', body: '{"name":"P"}' })).status,
    ).toBe(201)
    expect(
      (await owner.fetch(`/v1/admin/members/${sam.member.id}`, { method: 'DELETE' })).status,
    ).toBe(204)
    expect((await sam.fetch('/v1/auth/me')).status).toBe(401)
    expect((await logIn(server, 'sam@example.com', TEST_PASSWORD)).status).toBe(401)
  })

  it('keeps the last owner: no demotion, no removal (409 conflict), but a second owner frees them', async () => {
    const demote = await owner.fetch(`/v1/admin/members/${owner.member.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ role: 'admin' }),
    })
    expect(demote.status).toBe(409)
    expect(await errorCode(demote)).toBe('conflict')
    const remove = await owner.fetch(`/v1/admin/members/${owner.member.id}`, { method: 'DELETE' })
    expect(remove.status).toBe(409)
    const viaToken = await server.adminFetch(`/v1/admin/members/${owner.member.id}`, {
      method: 'DELETE',
    })
    expect(viaToken.status).toBe(409)

    const second = await joinTeam(server, owner, 'owner')
    const now = await owner.fetch(`/v1/admin/members/${owner.member.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ role: 'viewer' }),
    })
    expect(now.status).toBe(200)
    const back = await second.fetch(`/v1/admin/members/${second.member.id}`, { method: 'DELETE' })
    expect(back.status).toBe(409)
  })

  it('resets a forgotten password with a new invite link from the owner', async () => {
    const sam = await joinTeam(server, owner, 'member', 'sam@example.com')
    const res = await owner.fetch(`/v1/admin/members/${sam.member.id}/reset-link`, {
      method: 'POST',
    })
    expect(res.status).toBe(201)
    const { invite: link } = (await res.json()) as { invite: { url: string; reset: boolean } }
    expect(link.reset).toBe(true)
    const accepted = await postJson(server, '/v1/auth/accept', {
      code: inviteCode(link),
      password: 'a fresh password',
    })
    expect(accepted.status).toBe(200)
    expect(await accepted.json()).toMatchObject({
      member: { email: 'sam@example.com', role: 'member' },
    })
    expect((await sam.fetch('/v1/auth/me')).status).toBe(401)
    expect((await logIn(server, 'sam@example.com', TEST_PASSWORD)).status).toBe(401)
    expect((await logIn(server, 'sam@example.com', 'a fresh password')).status).toBe(200)
  })
})

describe('the audit log', () => {
  it('records invites, role changes and removals with their author, in every project log', async () => {
    const { project } = await server.createProject('Acme')
    const sam = await joinTeam(server, owner, 'member', 'sam@example.com')
    await owner.fetch(`/v1/admin/members/${sam.member.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ role: 'viewer' }),
    })
    await owner.fetch(`/v1/admin/members/${sam.member.id}`, { method: 'DELETE' })
    const rotate = await owner.fetch(`/v1/admin/projects/${project.id}/secret`, {
      method: 'POST',
      body: '{}',
    })
    expect(rotate.status).toBe(201)
    const { entries } = (await (
      await owner.fetch(`/v1/admin/projects/${project.id}/audit`)
    ).json()) as {
      entries: AuditLogEntry[]
    }
    const lines = entries.map((e) => `${e.actor} ${e.action} ${e.target}`)
    expect(lines).toEqual(
      expect.arrayContaining([
        'admin-token member.created olive.owner@example.com',
        'olive.owner@example.com member.invited sam@example.com',
        'sam@example.com member.joined sam@example.com',
        'olive.owner@example.com member.role_changed sam@example.com',
        'olive.owner@example.com member.removed sam@example.com',
        `olive.owner@example.com secret.rotated ${project.id}`,
      ]),
    )
  })
})
