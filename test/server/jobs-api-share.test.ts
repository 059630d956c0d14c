import { describe, expect, it } from 'vitest'
import { ApiShare } from '../../src/server/jobs/api-share'

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('the queue giving way to the API (ApiShare)', () => {
  it('runs work at once while no request is in flight', async () => {
    const share = new ApiShare(true, { min: 1e-6, max: 1e-6 })
    await share.run(() => pause(5))
    let ran = false
    await share.run(async () => {
      ran = true
    })
    expect(ran).toBe(true)
  })

  it('while a request is in flight, waits after a piece of work until the request ends', async () => {
    // A tiny share: after 5 ms of work the next piece would wait over an hour.
    const share = new ApiShare(true, { min: 1e-6, max: 1e-6 })
    share.requestStarted()
    await share.run(() => pause(5))
    let ran = false
    const next = share.run(async () => {
      ran = true
    })
    await pause(50)
    expect(ran).toBe(false)
    share.requestEnded()
    await next
    expect(ran).toBe(true)
  })

  it('runs pieces one at a time, in order', async () => {
    const share = new ApiShare(true)
    const order: string[] = []
    await Promise.all([
      share.run(async () => {
        order.push('a starts')
        await pause(10)
        order.push('a ends')
      }),
      share.run(async () => {
        order.push('b')
      }),
    ])
    expect(order).toEqual(['a starts', 'a ends', 'b'])
  })

  it('never waits on PostgreSQL, where the API has connections of its own', async () => {
    const share = new ApiShare(false, { min: 1e-6, max: 1e-6 })
    share.requestStarted()
    await share.run(() => pause(5))
    let ran = false
    await share.run(async () => {
      ran = true
    })
    expect(ran).toBe(true)
  })

  it('a piece that fails does not stop the next', async () => {
    const share = new ApiShare(true)
    await expect(share.run(() => Promise.reject(new Error('claim failed')))).rejects.toThrow(
      'claim failed',
    )
    expect(await share.run(async () => 'next')).toBe('next')
  })

  it('takes what the API leaves idle, and only its minimum while the API keeps the process busy', async () => {
    const share = new ApiShare(true, { min: 0.03, max: 0.9 })
    share.requestStarted()
    await pause(100) // the event loop idle: the API leaves nearly all of it
    await share.run(async () => {})
    expect(share.currentShare).toBeGreaterThan(0.5)
    const spinUntil = performance.now() + 100 // the API busy on the thread
    while (performance.now() < spinUntil) {}
    await share.run(async () => {})
    expect(share.currentShare).toBe(0.03)
    share.requestEnded()
  })
})
