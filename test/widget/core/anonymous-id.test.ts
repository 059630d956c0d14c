import { afterEach, describe, expect, it, vi } from 'vitest'
import { randomUuid } from '../../../src/widget/anonymous-id'

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

afterEach(() => vi.unstubAllGlobals())

describe('randomUuid', () => {
  it('uses crypto.randomUUID where the page is a secure context', () => {
    const spy = vi.spyOn(crypto, 'randomUUID')
    expect(randomUuid()).toMatch(V4)
    expect(spy).toHaveBeenCalledOnce()
    spy.mockRestore()
  })

  it('builds a version 4 UUID itself on plain-http pages, where randomUUID is missing', () => {
    vi.stubGlobal('crypto', { getRandomValues: crypto.getRandomValues.bind(crypto) })
    const ids = new Set(Array.from({ length: 200 }, () => randomUuid()))
    expect(ids.size).toBe(200)
    for (const id of ids) expect(id).toMatch(V4)
  })
})
