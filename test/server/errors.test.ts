import { describe, expect, it } from 'vitest'
import { createApp } from '../../src/server/app'
import { systemClock } from '../../src/server/clock'
import { readServerConfig } from '../../src/server/config'
import { silentLogger } from '../../src/server/logger'
import { openStore } from '../../src/server/store'

describe('error answers', () => {
  it('answers 500 internal_error with a plain message, never a stack, when the database fails', async () => {
    const store = await openStore({ dataDir: null })
    const app = createApp({
      store,
      clock: systemClock,
      logger: silentLogger,
      config: { ...readServerConfig({}), adminToken: 'admin-secret-token' },
    })
    await store.close()
    const res = await app.request('/v1/admin/projects', {
      headers: { Authorization: 'Bearer admin-secret-token' },
    })
    expect(res.status).toBe(500)
    const text = await res.text()
    expect(JSON.parse(text)).toEqual({
      error: { code: 'internal_error', message: 'Something went wrong on our side.' },
    })
    expect(text).not.toMatch(/at .*\.ts|admin-secret-token/)
  })

  it('answers invalid JSON with validation_failed naming the body', async () => {
    const store = await openStore({ dataDir: null })
    try {
      const app = createApp({
        store,
        clock: systemClock,
        logger: silentLogger,
        config: { ...readServerConfig({}), adminToken: 'admin' },
      })
      const res = await app.request('/v1/admin/projects', {
        method: 'POST',
        headers: { Authorization: 'Bearer admin', 'Content-Type': 'application/json' },
        body: '{"name":',
      })
      expect(res.status).toBe(400)
      expect(await res.json()).toMatchObject({
        error: { code: 'validation_failed', field: 'body' },
      })
    } finally {
      await store.close()
    }
  })
})
