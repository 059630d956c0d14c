import { describe, expect, it } from 'vitest'
import { backlog, createProject, fileRequest, tokenFor } from './support/backend'
import { recordApiRequests } from './support/network'
import { widgetOf } from './support/widget'
import { eventually, type ReqioWindow, serveHostPage, useWorld } from './support/world'

describe('who a vote belongs to', () => {
  const world = useWorld()

  it('merges the anonymous vote into the user, who sees it voted on another device without a second count', async () => {
    const created = await createProject(world)
    const projectId = created.project.id
    const filed = await fileRequest(world, projectId, 'Slack integration')
    const person = { sub: 'merge-user', email: 'mia@example.com' }

    // Device one: votes before signing in.
    const laptop = await world.openPage()
    await laptop.page.goto(serveHostPage(world, { projectId }))
    const onLaptop = widgetOf(laptop.page)
    await onLaptop.launcher.click()
    const voted = laptop.page.waitForResponse(
      (r) => r.url().endsWith('/vote') && r.request().method() === 'POST',
    )
    await onLaptop.voteButton('Slack integration').click()
    const voteRequest = (await voted).request()
    expect((await voted).status()).toBe(200)
    expect(await voteRequest.headerValue('authorization')).toBeNull()

    // Signs in: the site hands the widget a token (the SPA path).
    const token = await tokenFor(created, person)
    const identified = laptop.page.waitForResponse((r) => r.url().endsWith('/identify'))
    await laptop.page.evaluate((t) => (window as unknown as ReqioWindow).Reqio.identify(t), token)
    expect((await identified).status()).toBe(200)

    const [merged] = await backlog(world, projectId)
    expect(merged?.votes).toBe(filed.votes + 1)
    expect(merged?.voters.map((voter) => voter.sub)).toEqual(['merge-user'])

    // Device two: the same person, rendered with a fresh token, nothing in its storage.
    const phone = await world.openPage()
    const freshToken = await tokenFor(created, person, Date.now() + 1000)
    await phone.page.goto(serveHostPage(world, { projectId, token: freshToken }))
    const onPhone = widgetOf(phone.page)
    await onPhone.launcher.click()
    const vote = onPhone.voteButton('Slack integration')
    await eventually(() => vote.getAttribute('aria-pressed')).toBe('true')
    expect(await vote.getAttribute('aria-label')).toBe(
      `Vote for Slack integration: ${filed.votes + 1}`,
    )
    const [after] = await backlog(world, projectId)
    expect(after?.votes).toBe(filed.votes + 1)
  })
  it("never sends one user's pending vote under the next user's token", async () => {
    const created = await createProject(world)
    const projectId = created.project.id
    const filed = await fileRequest(world, projectId, 'Kanban view')
    const alice = { sub: 'alice' }
    const bob = { sub: 'bob' }
    const { page, context } = await world.openPage({ allowNetworkFailureLogs: true })
    const sent = recordApiRequests(page, world.server)
    const aliceToken = await tokenFor(created, alice)
    await page.goto(serveHostPage(world, { projectId, token: aliceToken }))
    const widget = widgetOf(page)
    await widget.launcher.click()
    await widget.voteButton('Kanban view').waitFor()

    // Alice votes offline; the vote waits in the outbox. Then Bob signs in on this browser.
    await context.setOffline(true)
    await widget.voteButton('Kanban view').click()
    await eventually(() => widget.notice.innerText()).toContain('Saved')
    const bobToken = await tokenFor(created, bob)
    await page.evaluate((t) => (window as unknown as ReqioWindow).Reqio.identify(t), bobToken)
    const bobSeesBoard = page.waitForResponse(
      (r) =>
        r.url().includes('/requests?') &&
        r.request().headers().authorization === `Bearer ${bobToken}`,
    )
    await context.setOffline(false)
    // The board failed to load while offline; reopening loads it again.
    await page.evaluate(() => {
      const { Reqio } = window as unknown as ReqioWindow
      Reqio.close()
      Reqio.open()
    })
    await (await bobSeesBoard).finished()
    await eventually(() => widget.voteButton('Kanban view').getAttribute('aria-pressed')).toBe(
      'false',
    )
    expect((await backlog(world, projectId))[0]?.votes).toBe(filed.votes)

    // Alice signs back in: her vote goes out now, as hers.
    const aliceAgain = await tokenFor(created, alice, Date.now() + 1000)
    const voted = page.waitForResponse((r) => r.url().endsWith('/vote'))
    await page.evaluate((t) => (window as unknown as ReqioWindow).Reqio.identify(t), aliceAgain)
    expect((await voted).status()).toBe(200)
    const [stored] = await backlog(world, projectId)
    expect(stored?.voters.map((voter) => voter.sub)).toEqual(['alice'])
    const votes = sent.filter((r) => r.url.endsWith('/vote'))
    // The attempt made offline, then the one after Alice came back: never with Bob's token.
    expect(votes.map((r) => r.headers.authorization)).toEqual([
      `Bearer ${aliceToken}`,
      `Bearer ${aliceAgain}`,
    ])
  })
})
