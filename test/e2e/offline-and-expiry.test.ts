import { describe, expect, it } from 'vitest'
import { authorsOf, backlog, createProject, fileRequest, tokenFor } from './support/backend'
import { recordApiRequests } from './support/network'
import { widgetOf } from './support/widget'
import {
  eventually,
  REQIO_INLINE_STUB_TAG,
  type ReqioWindow,
  serveHostPage,
  useWorld,
} from './support/world'

const OUTBOX_KEY = (projectId: string) => `reqio:outbox:${projectId}`
const TEN_MINUTES_AGO = () => Date.now() - 10 * 60_000

const world = useWorld()

describe('offline', () => {
  it('keeps a request submitted offline and stores it exactly once when the browser is back online', async () => {
    const { project } = await createProject(world)
    const { page, context } = await world.openPage({ allowNetworkFailureLogs: true })
    await page.goto(serveHostPage(world, { projectId: project.id }))
    const widget = widgetOf(page)
    await widget.launcher.click()
    await widget.dialog.getByText('No requests yet: suggest the first one.').waitFor()

    await context.setOffline(true)
    await widget.suggest.click()
    await widget.title.fill('Offline notes')
    await widget.send.click()
    await eventually(() => widget.notice.innerText()).toBe(
      'You seem to be offline. Saved; it will be sent automatically.',
    )
    expect(await backlog(world, project.id)).toEqual([])

    await context.setOffline(false)
    await eventually(async () => (await backlog(world, project.id))[0]?.votes).toBe(1)
    await eventually(() =>
      page.evaluate((key) => localStorage.getItem(key), OUTBOX_KEY(project.id)),
    ).toBe('[]')

    // A reload finds nothing left to send: still exactly one.
    await page.reload()
    await widget.launcher.click()
    const own = widget.voteButton('Offline notes')
    await own.waitFor()
    expect((await backlog(world, project.id)).map((r) => r.title)).toEqual(['Offline notes'])
    // Synced, the author's own vote counts (spec v2), as it did while it waited in the outbox.
    expect(await own.getAttribute('aria-label')).toBe('Vote for Offline notes: 1')
    expect(await own.getAttribute('aria-pressed')).toBe('true')
  })

  it('sends a request kept offline once the site is opened again online', async () => {
    const { project } = await createProject(world)
    const { page, context, openPage } = await world.openPage({ allowNetworkFailureLogs: true })
    const url = serveHostPage(world, { projectId: project.id })
    await page.goto(url)
    const widget = widgetOf(page)
    await widget.launcher.click()
    await widget.dialog.getByText('No requests yet: suggest the first one.').waitFor()
    await context.setOffline(true)
    await widget.suggest.click()
    await widget.title.fill('Kept across visits')
    await widget.send.click()
    await eventually(() => widget.notice.innerText()).toContain('Saved')
    await page.close()

    await context.setOffline(false)
    const again = await openPage()
    const submitted = again.waitForResponse(
      (r) => r.url().endsWith('/requests') && r.request().method() === 'POST',
    )
    await again.goto(url)
    expect((await submitted).status()).toBe(201)
    const reopened = widgetOf(again)
    await reopened.launcher.click()
    await reopened.voteButton('Kept across visits').waitFor()
    expect((await backlog(world, project.id)).map((r) => r.title)).toEqual(['Kept across visits'])
  })

  it('stores a request exactly once when two open tabs both come back online', async () => {
    const { project } = await createProject(world)
    const { page, context, openPage } = await world.openPage({ allowNetworkFailureLogs: true })
    const url = serveHostPage(world, { projectId: project.id })
    // POSTs of the submission that went out, and those settled (answered, or failed offline).
    let sent = 0
    let settled = 0
    const isSubmit = (r: { method(): string; url(): string }) =>
      r.method() === 'POST' && r.url().endsWith('/requests')
    context.on('request', (r) => {
      if (isSubmit(r)) sent++
    })
    const settle = (r: { method(): string; url(): string }) => {
      if (isSubmit(r)) settled++
    }
    context.on('requestfinished', settle)
    context.on('requestfailed', settle)
    const other = await openPage()
    await Promise.all([page.goto(url), other.goto(url)])
    const widget = widgetOf(page)
    await widget.launcher.click()
    await widget.dialog.getByText('No requests yet: suggest the first one.').waitFor()

    await context.setOffline(true)
    await widget.suggest.click()
    await widget.title.fill('Sent from one of two tabs')
    await widget.send.click()
    await eventually(() => widget.notice.innerText()).toContain('Saved')
    await context.setOffline(false)

    await eventually(() =>
      page.evaluate((key) => localStorage.getItem(key), OUTBOX_KEY(project.id)),
    ).toBe('[]')
    await eventually(() => settled).toBe(sent)
    expect((await backlog(world, project.id)).map((r) => r.title)).toEqual([
      'Sent from one of two tabs',
    ])
  })
})

describe('an expired identity token', () => {
  it("asks the site's refresh provider for a fresh token and the vote goes through as the user", async () => {
    const created = await createProject(world)
    const projectId = created.project.id
    const filed = await fileRequest(world, projectId, 'Zapier integration')
    const person = { sub: 'refresh-user', email: 'rae@example.com' }
    const expired = await tokenFor(created, person, TEN_MINUTES_AGO())
    const fresh: string[] = []

    const { page } = await world.openPage()
    await page.exposeFunction('mintFreshToken', async () => {
      const token = await tokenFor(created, person)
      fresh.push(token)
      return token
    })
    const sent = recordApiRequests(page, world.server)
    await page.goto(
      serveHostPage(world, {
        projectId,
        head: `${REQIO_INLINE_STUB_TAG}<script>
          window.Reqio.identify(${JSON.stringify(expired)}, { refresh: function () { return window.mintFreshToken() } })
        </script>`,
      }),
    )
    const widget = widgetOf(page)
    await widget.launcher.click()
    const voted = page.waitForResponse(
      (r) => r.url().endsWith('/vote') && r.request().method() === 'POST',
    )
    await widget.voteButton('Zapier integration').click()
    expect((await voted).status()).toBe(200)

    expect(fresh).toHaveLength(1)
    expect(sent.length).toBeGreaterThan(0)
    for (const request of sent)
      expect(request.headers.authorization, `${request.method} ${request.url}`).toBe(
        `Bearer ${fresh[0]}`,
      )
    const [stored] = await backlog(world, projectId)
    expect(stored?.votes).toBe(filed.votes + 1)
    expect(stored?.voters.map((voter) => voter.sub)).toEqual(['refresh-user'])
  })

  it('without a refresh provider keeps the board readable, holds writes back with the reason, and a fresh identify() sends them', async () => {
    const created = await createProject(world)
    const projectId = created.project.id
    await fileRequest(world, projectId, 'Zapier integration')
    const person = { sub: 'stale-user' }
    const expired = await tokenFor(created, person, TEN_MINUTES_AGO())

    const { page } = await world.openPage()
    const sent = recordApiRequests(page, world.server)
    await page.goto(
      serveHostPage(world, {
        projectId,
        head: `${REQIO_INLINE_STUB_TAG}<script>
          window.expiredEvents = []
          window.Reqio.on('token_expired', function (e) { window.expiredEvents.push(e.message) })
          window.Reqio.identify(${JSON.stringify(expired)})
        </script>`,
      }),
    )
    const widget = widgetOf(page)
    await widget.launcher.click()
    // Reads go out anonymously: the board never empties for an identity problem.
    await widget.voteButton('Zapier integration').waitFor()
    expect(await widget.dialog.getByRole('alert').count()).toBe(0)
    await widget.suggest.click()
    await widget.title.fill('Written while expired')
    await widget.send.click()
    await eventually(() => widget.notice.innerText()).toBe(
      'Your session expired. Saved; it will be sent automatically.',
    )

    expect(sent.filter((r) => r.method !== 'GET')).toEqual([])
    for (const read of sent) expect(read.headers.authorization).toBeUndefined()
    sent.length = 0
    expect(
      await page.evaluate(() => (window as unknown as ReqioWindow).expiredEvents),
    ).toHaveLength(1)
    expect((await backlog(world, projectId)).map((r) => r.title)).toEqual(['Zapier integration'])

    // The site signs the same person in again: what was held back goes out under their name.
    const renewed = await tokenFor(created, person)
    const submitted = page.waitForResponse(
      (r) => r.url().endsWith('/requests') && r.request().method() === 'POST',
    )
    await page.evaluate(
      (token) => (window as unknown as ReqioWindow).Reqio.identify(token),
      renewed,
    )
    expect((await submitted).status()).toBe(201)
    expect(await authorsOf(world, projectId)).toMatchObject({
      'Written while expired': 's:stale-user',
    })
    for (const request of sent)
      expect(request.headers.authorization, `${request.method} ${request.url}`).toBe(
        `Bearer ${renewed}`,
      )
  })
})
