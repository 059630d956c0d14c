import { describe, expect, it } from 'vitest'
import { frozenClock } from '../../src/server/clock'
import { backlog, createProject, fileRequest } from './support/backend'
import { widgetOf } from './support/widget'
import { eventually, serveHostPage, useWorld } from './support/world'

// Two writes a minute, and a clock that stands still: the third write waits exactly 30 s.
const world = useWorld({ clock: frozenClock(Date.now()), rateLimitPerMinute: 2 })

describe('rate limiting seen from another origin', () => {
  it('tells the user how long to wait, read from Retry-After across CORS, and keeps the vote', async () => {
    const { project } = await createProject(world)
    await fileRequest(world, project.id, 'Gantt chart')
    // The 429 is logged by Chromium as a failed resource.
    const { page } = await world.openPage({ allowNetworkFailureLogs: true })
    await page.goto(serveHostPage(world, { projectId: project.id }))
    const widget = widgetOf(page)
    await widget.launcher.click()
    const vote = widget.voteButton('Gantt chart')

    for (const method of ['POST', 'DELETE']) {
      const answered = page.waitForResponse(
        (r) => r.url().endsWith('/vote') && r.request().method() === method,
      )
      await vote.click()
      expect((await answered).status()).toBe(200)
    }
    const limited = page.waitForResponse((r) => r.url().endsWith('/vote'))
    await vote.click()
    expect((await limited).status()).toBe(429)
    expect(await (await limited).headerValue('retry-after')).toBe('30')

    await eventually(() => widget.notice.innerText()).toBe(
      'Too many requests. Try again in 30 s. Saved; it will be sent automatically.',
    )
    expect(await vote.getAttribute('aria-pressed')).toBe('true')
    // Only the author's own vote: the visitor's vote waits in the outbox.
    expect((await backlog(world, project.id))[0]?.votes).toBe(1)
  })
})
