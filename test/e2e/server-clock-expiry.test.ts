// The browser's clock says the token is fine; the server's (400 s ahead) says it has expired.
// The widget must believe the server: renew through the site's provider, or hold back.
import { describe, expect, it } from 'vitest'
import { frozenClock } from '../../src/server/clock'
import { authorsOf, backlog, createProject, fileRequest, tokenFor } from './support/backend'
import { recordApiRequests } from './support/network'
import { widgetOf } from './support/widget'
import { eventually, REQIO_INLINE_STUB_TAG, serveHostPage, useWorld } from './support/world'

const SERVER_AHEAD_MS = 400_000
const clock = frozenClock(Date.now() + SERVER_AHEAD_MS)

describe('a token the server calls expired while the browser thinks it is fresh', () => {
  const world = useWorld({ clock })

  it("is renewed through the site's refresh provider once, and the vote is stored for the user", async () => {
    clock.set(Date.now() + SERVER_AHEAD_MS)
    const created = await createProject(world)
    const projectId = created.project.id
    const filed = await fileRequest(
      world,
      projectId,
      'Webhooks',
      await tokenFor(created, { sub: 'author' }, clock.now()),
    )
    const person = { sub: 'skewed-user' }
    const stale = await tokenFor(created, person)
    const fresh: string[] = []

    // The server answers 401 to the stale token; Chromium logs that as a failed resource.
    const { page } = await world.openPage({ allowNetworkFailureLogs: true })
    await page.exposeFunction('mintFreshToken', async () => {
      const token = await tokenFor(created, person, clock.now())
      fresh.push(token)
      return token
    })
    const sent = recordApiRequests(page, world.server)
    const refusals: Promise<string>[] = []
    page.on('response', (response) => {
      if (response.status() !== 401) return
      refusals.push(
        response
          .json()
          .then((body) => body?.error?.code ?? 'unreadable')
          .catch(() => 'unreadable'),
      )
    })
    await page.goto(
      serveHostPage(world, {
        projectId,
        head: `${REQIO_INLINE_STUB_TAG}<script>
          window.Reqio.identify(${JSON.stringify(stale)}, { refresh: function () { return window.mintFreshToken() } })
        </script>`,
      }),
    )
    const widget = widgetOf(page)
    await widget.launcher.click()
    const voted = page.waitForResponse(
      (r) => r.url().endsWith('/vote') && r.request().method() === 'POST',
    )
    await widget.voteButton('Webhooks').click()
    expect((await voted).status()).toBe(200)

    expect(fresh).toHaveLength(1)
    const refused = await Promise.all(refusals)
    expect(refused.length).toBeGreaterThan(0)
    expect(new Set(refused)).toEqual(new Set(['token_expired']))
    const vote = sent.find((r) => r.url.endsWith('/vote'))
    expect(vote?.headers.authorization).toBe(`Bearer ${fresh[0]}`)
    for (const request of sent) expect(request.headers.authorization).toMatch(/^Bearer /)
    const [stored] = await backlog(world, projectId)
    expect(stored?.votes).toBe(filed.votes + 1)
    // The author's own vote (issue 11) and the skewed user's.
    expect(stored?.voters.map((voter) => voter.sub).sort()).toEqual(['author', 'skewed-user'])
  })

  it('without a provider keeps the board readable, says the session expired on a write, and never writes anonymously', async () => {
    clock.set(Date.now() + SERVER_AHEAD_MS)
    const created = await createProject(world)
    const projectId = created.project.id
    await fileRequest(
      world,
      projectId,
      'Webhooks',
      await tokenFor(created, { sub: 'author' }, clock.now()),
    )
    const stale = await tokenFor(created, { sub: 'skewed-user' })

    const { page } = await world.openPage({ allowNetworkFailureLogs: true })
    const sent = recordApiRequests(page, world.server)
    await page.goto(
      serveHostPage(world, {
        projectId,
        head: `${REQIO_INLINE_STUB_TAG}<script>window.Reqio.identify(${JSON.stringify(stale)})</script>`,
      }),
    )
    const widget = widgetOf(page)
    await widget.launcher.click()
    // The server refuses the token for the list too: the widget reads it anonymously instead.
    await widget.voteButton('Webhooks').waitFor()
    await widget.suggest.click()
    await widget.title.fill('Written with a stale token')
    await widget.send.click()
    await eventually(() => widget.notice.innerText()).toContain('Your session expired.')

    expect(sent.length).toBeGreaterThan(0)
    for (const request of sent.filter((r) => r.method !== 'GET'))
      expect(request.headers.authorization, `${request.method} ${request.url}`).toBe(
        `Bearer ${stale}`,
      )
    expect(await authorsOf(world, projectId)).toEqual({ Webhooks: 's:author' })
    const rows = await world.server.store.db.query(
      'SELECT 1 FROM votes v JOIN requests r ON r.id = v.request_id WHERE r.project_id = $1',
      [projectId],
    )
    // Only the author's own vote: nothing went in anonymously or as the stale user.
    expect(rows).toHaveLength(1)
  })
})
