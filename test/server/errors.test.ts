import { describe, expect, it } from 'vitest'
import { createApp } from '../../src/server/app'
import { systemClock } from '../../src/server/clock'
import { readServerConfig } from '../../src/server/config'
import { ApiError, ERROR_STATUS, invalid, notFound } from '../../src/server/errors'
import { silentLogger } from '../../src/server/logger'
import { ERROR_CODES } from '../../src/shared/errors'
import { openTestStore } from '../helpers/test-store'

describe('the code → status table', () => {
  it('gives every error code of shared/errors.ts a status, and knows no other code', () => {
    const missing = ERROR_CODES.filter((code) => !(code in ERROR_STATUS))
    expect(missing).toEqual([])
    expect(Object.keys(ERROR_STATUS).sort()).toEqual([...ERROR_CODES].sort())
  })

  it('answers the statuses spec/api.md names for its codes', () => {
    expect(new ApiError('token_expired', 'x').status).toBe(401)
    expect(notFound.project('p1')).toMatchObject({ status: 404, code: 'project_not_found' })
    expect(notFound.request()).toMatchObject({ status: 404, code: 'request_not_found' })
    expect(invalid('title', 'title: too long')).toMatchObject({
      status: 400,
      code: 'validation_failed',
      field: 'title',
    })
    expect(ERROR_STATUS).toMatchObject({
      identity_required: 401,
      forbidden: 403,
      csrf_rejected: 403,
      conflict: 409,
      payload_too_large: 413,
      rate_limited: 429,
      unavailable: 503,
      internal_error: 500,
    })
  })
})

describe('error answers', () => {
  it('answers 500 internal_error with a plain message, never a stack, when the database fails', async () => {
    const store = await openTestStore()
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
    const store = await openTestStore()
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
