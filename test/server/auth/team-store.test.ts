import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Store } from '../../../src/server/store'
import { storeBackends } from '../../helpers/backends'

describe.each(storeBackends())('team accounts on $name', (backend) => {
  let store: Store
  beforeAll(async () => {
    store = await backend.open()
  })
  afterAll(() => store.close())

  it('keeps members, their sessions by hash with idle expiry, and invites until used', async () => {
    const now = Date.parse('2026-03-02T09:00:00Z')
    const owner = await store.members.create({
      id: 'm1',
      email: 'olive@example.com',
      name: 'Olive',
      role: 'owner',
      passwordHash: '$argon2id$fake',
      now,
    })
    expect(owner).toMatchObject({ email: 'olive@example.com', role: 'owner' })
    await expect(
      store.members.create({ ...owner, id: 'm2', passwordHash: 'x', now }),
    ).rejects.toThrow()

    await store.sessions.create({ idHash: 'h1', memberId: 'm1', now })
    expect((await store.sessions.findActive('h1', now - 1000))?.member.email).toBe(
      'olive@example.com',
    )
    expect(await store.sessions.findActive('h1', now + 1)).toBeNull()
    await store.sessions.touch('h1', now + 5000)
    expect(await store.sessions.findActive('h1', now + 1)).not.toBeNull()

    await store.invites.create({
      id: 'i1',
      codeHash: 'c1',
      email: 'sam@example.com',
      role: 'member',
      memberId: null,
      createdBy: 'olive@example.com',
      now,
      expiresAt: now + 1000,
    })
    expect((await store.invites.listPending(now)).map((i) => i.email)).toEqual(['sam@example.com'])
    expect(await store.invites.findPendingByCode('c1', now + 2000)).toBeNull()
    const used = await store.db.transaction((tx) => store.invites.markAccepted('i1', now, tx))
    expect(used).toBe(true)
    const again = await store.db.transaction((tx) => store.invites.markAccepted('i1', now, tx))
    expect(again).toBe(false)

    // Removing a member takes their sessions with them.
    await store.db.transaction((tx) => store.members.remove('m1', tx))
    expect(await store.sessions.findActive('h1', 0)).toBeNull()
    expect(await store.members.count()).toBe(0)
  })
})
