/**
 * Invite and reset links die with the events that replace them (issue 24, item 4): an older
 * reset link, or an owner invite sent by mistake, must never open an account later.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { truncateAllTables } from '../../../src/server/store/reset'
import type { CreatedInvite, PendingInvite } from '../../../src/shared/team-api'
import { storeBackends } from '../../helpers/backends'
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

const NEW_PASSWORD = 'a brand new passphrase 2026'
const ATTACKER_PASSWORD = 'the attacker knows this one'

describe.each(storeBackends())('stale links on $name', (backend) => {
  let server: TestServer
  let owner: SignedInMember

  beforeAll(async () => {
    server = await startTestServer({ demo: false, databaseUrl: backend.databaseUrl })
  })
  afterAll(() => server.close())
  beforeEach(async () => {
    await truncateAllTables(server.store.db)
    owner = await setUpOwner(server)
  })

  async function resetLink(memberId: string): Promise<CreatedInvite> {
    const res = await owner.fetch(`/v1/admin/members/${memberId}/reset-link`, { method: 'POST' })
    expect(res.status).toBe(201)
    return ((await res.json()) as { invite: CreatedInvite }).invite
  }

  const useLink = (link: { url: string }, password: string, name?: string) =>
    postJson(server, '/v1/auth/accept', { code: inviteCode(link), password, name })

  const preview = (link: { url: string }) =>
    fetch(`${server.url}/v1/auth/invite?code=${encodeURIComponent(inviteCode(link))}`)

  async function pendingInvites(): Promise<PendingInvite[]> {
    const res = await owner.fetch('/v1/admin/invites')
    return ((await res.json()) as { invites: PendingInvite[] }).invites
  }

  it('refuses an older reset link once a newer one was used and the password changed', async () => {
    const member = await joinTeam(server, owner, 'member', 'mia@example.com')
    const older = await resetLink(member.member.id)
    const newer = await resetLink(member.member.id)
    expect((await useLink(newer, NEW_PASSWORD)).status).toBe(200)

    const takeover = await useLink(older, ATTACKER_PASSWORD)
    expect(takeover.status).toBe(404)
    expect((await logIn(server, 'mia@example.com', ATTACKER_PASSWORD)).status).toBe(401)
    expect((await logIn(server, 'mia@example.com', NEW_PASSWORD)).status).toBe(200)
  })

  it('voids the earlier reset link as soon as another is issued', async () => {
    const member = await joinTeam(server, owner, 'member', 'max@example.com')
    const older = await resetLink(member.member.id)
    const newer = await resetLink(member.member.id)
    expect((await preview(older)).status).toBe(404)
    expect((await preview(newer)).status).toBe(200)
    expect((await pendingInvites()).map((pending) => pending.id)).toEqual([newer.id])
  })

  it('voids a pending reset link when the member changes the password', async () => {
    const member = await joinTeam(server, owner, 'admin', 'ada@example.com')
    const link = await resetLink(member.member.id)
    const changed = await member.fetch('/v1/auth/password', {
      method: 'POST',
      body: JSON.stringify({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }),
    })
    expect(changed.status).toBe(204)
    expect((await useLink(link, ATTACKER_PASSWORD)).status).toBe(404)
    expect((await logIn(server, 'ada@example.com', NEW_PASSWORD)).status).toBe(200)
  })

  it('voids an owner invite sent by mistake once the person joins on a viewer invite, and after removal', async () => {
    const mistake = await invite(owner, 'val@example.com', 'owner')
    const meant = await invite(owner, 'val@example.com', 'viewer')
    const val = await acceptInvite(server, meant, { name: 'Val' })
    expect(val.member.role).toBe('viewer')
    expect((await preview(mistake)).status).toBe(404)
    expect((await useLink(mistake, ATTACKER_PASSWORD, 'Val')).status).toBe(404)

    const removed = await owner.fetch(`/v1/admin/members/${val.member.id}`, { method: 'DELETE' })
    expect(removed.status).toBe(204)
    const takeover = await useLink(mistake, ATTACKER_PASSWORD, 'Val again')
    expect(takeover.status).toBe(404)
    expect((await logIn(server, 'val@example.com', ATTACKER_PASSWORD)).status).toBe(401)
  })

  it('voids a pending invite to the same email when the person joins on another link', async () => {
    // Two invites pending at once (as from before this rule): joining on one voids the other.
    const first = await invite(owner, 'ola@example.com', 'owner')
    await server.store.db.query('UPDATE invites SET revoked_at = NULL')
    const second = await invite(owner, 'ola@example.com', 'viewer')
    await server.store.db.query('UPDATE invites SET revoked_at = NULL')
    expect((await pendingInvites()).length).toBe(2)
    await acceptInvite(server, second, { name: 'Ola' })
    expect((await preview(first)).status).toBe(404)
    expect(await pendingInvites()).toEqual([])
  })

  it('voids pending links of a member whose role changes or who is removed', async () => {
    const member = await joinTeam(server, owner, 'admin', 'rex@example.com')
    const beforeDemotion = await resetLink(member.member.id)
    const demoted = await owner.fetch(`/v1/admin/members/${member.member.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ role: 'viewer' }),
    })
    expect(demoted.status).toBe(200)
    expect((await useLink(beforeDemotion, ATTACKER_PASSWORD)).status).toBe(404)

    const beforeRemoval = await resetLink(member.member.id)
    expect(
      (await owner.fetch(`/v1/admin/members/${member.member.id}`, { method: 'DELETE' })).status,
    ).toBe(204)
    expect((await useLink(beforeRemoval, ATTACKER_PASSWORD)).status).toBe(404)
  })

  it('leaves links to other people alone', async () => {
    const other = await invite(owner, 'other@example.com', 'member')
    const member = await joinTeam(server, owner, 'member', 'kim@example.com')
    await resetLink(member.member.id)
    expect((await preview(other)).status).toBe(200)
  })
})
