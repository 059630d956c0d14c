/**
 * The per-process memory of API keys (auth/api-key-cache.ts): a known key is answered without
 * the database, a project's keys are forgotten when it is told so (a revocation here or, through
 * the change feed, elsewhere), and a lookup that began before such a drop is not remembered.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { ApiKeyCache } from '../../../src/server/auth/api-key-cache'
import { newApiKey } from '../../../src/server/auth/api-key-format'
import { systemClock } from '../../../src/server/clock'
import type { Store } from '../../../src/server/store'
import { storeBackends } from '../../helpers/backends'

describe.each(storeBackends())('the API key cache on $name', (backend) => {
  let store: Store
  afterEach(() => store?.close())

  async function projectWithKey(projectId: string) {
    const now = Date.now()
    await store.projects.create({ id: projectId, name: projectId, secret: 'x'.repeat(43), now })
    const made = newApiKey()
    const record = await store.apiKeys.create({
      projectId,
      name: `${projectId} key`,
      scopes: ['read'],
      keyHash: made.hash,
      prefix: made.prefix,
      createdBy: 'admin-token',
      now,
    })
    return { ...made, id: record.id }
  }

  it('answers a known key from memory until its project is forgotten', async () => {
    store = await backend.open()
    const cache = new ApiKeyCache(store, systemClock)
    const acme = await projectWithKey('acme')
    const other = await projectWithKey('other')
    expect((await cache.find(acme.hash))?.projectId).toBe('acme')
    expect((await cache.find(other.hash))?.projectId).toBe('other')
    // Gone from the database behind the cache's back: still answered, from memory.
    await store.db.query('DELETE FROM api_keys')
    expect((await cache.find(acme.hash))?.name).toBe('acme key')
    cache.forgetProject('acme')
    expect(await cache.find(acme.hash)).toBeNull()
    // Another project's keys stay.
    expect((await cache.find(other.hash))?.name).toBe('other key')
  })

  it('never remembers an unknown or revoked key', async () => {
    store = await backend.open()
    const cache = new ApiKeyCache(store, systemClock)
    const acme = await projectWithKey('acme')
    await store.apiKeys.revoke('acme', acme.id, Date.now())
    expect(await cache.find(acme.hash)).toBeNull()
    expect(await cache.find(newApiKey().hash)).toBeNull()
    expect(cache.size).toBe(0)
  })

  it('does not remember what a lookup read before a drop that came while it ran', async () => {
    store = await backend.open()
    const cache = new ApiKeyCache(store, systemClock)
    const acme = await projectWithKey('acme')
    const pending = cache.find(acme.hash)
    // The drop arrives while the lookup is on its way (a revocation elsewhere).
    cache.forgetProject('acme')
    expect((await pending)?.id).toBe(acme.id)
    await store.apiKeys.revoke('acme', acme.id, Date.now())
    expect(await cache.find(acme.hash)).toBeNull()
  })

  it('writes last use at most once a minute per key', async () => {
    store = await backend.open()
    const cache = new ApiKeyCache(store, systemClock)
    expect(cache.dueForLastUsed('key_a', 0)).toBe(true)
    expect(cache.dueForLastUsed('key_a', 59_999)).toBe(false)
    expect(cache.dueForLastUsed('key_b', 59_999)).toBe(true)
    expect(cache.dueForLastUsed('key_a', 60_000)).toBe(true)
  })
})
