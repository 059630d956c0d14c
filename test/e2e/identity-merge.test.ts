import { describe, expect, it } from 'vitest'
import {
  backlog,
  createProject,
  eventually,
  fileRequest,
  type ReqioWindow,
  serveHostPage,
  tokenFor,
  useWorld,
  widgetOf,
} from './support/world'

describe('signing in after voting anonymously', () => {
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
      `Vote for Slack integration (${filed.votes + 1})`,
    )
    const [after] = await backlog(world, projectId)
    expect(after?.votes).toBe(filed.votes + 1)
  })
})
