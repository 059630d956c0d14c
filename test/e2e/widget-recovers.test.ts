// Bug 5 of issue 26: the request view said "Reqio is not answering, retrying." forever after the
// server came back, and the offline notice stayed after the browser was online and had synced.
import { describe, expect, it } from 'vitest'
import { backlog, createProject, fileRequest } from './support/backend'
import { widgetOf } from './support/widget'
import { eventually, serveHostPage, useWorld } from './support/world'

const world = useWorld()

/** The status line's text; an empty one is hidden, so it is read by its class, not its role. */
const noticeText = (widget: ReturnType<typeof widgetOf>) =>
  widget.dialog.locator('.notice').textContent()

describe('the widget when Reqio or the network comes back', () => {
  it('loads the request view by itself once the server answers again', async () => {
    const { project } = await createProject(world)
    const dark = await fileRequest(world, project.id, 'Dark mode')
    const reply = await world.server.adminFetch(
      `/v1/admin/projects/${project.id}/requests/${dark.id}/comments`,
      { method: 'POST', body: JSON.stringify({ body: 'Coming this spring.' }) },
    )
    expect(reply.status).toBe(201)
    const { page, context } = await world.openPage({ allowNetworkFailureLogs: true })
    await page.goto(serveHostPage(world, { projectId: project.id }))
    const widget = widgetOf(page)
    await widget.launcher.click()
    const row = widget.dialog.getByRole('button', { name: 'Dark mode', exact: true })
    await row.waitFor()

    // The server goes away (a restart): nothing answers on its port.
    const apiCalls = `${world.server.url}/v1/**`
    await context.route(apiCalls, (route) => route.abort('connectionrefused'))
    await row.click()
    const alert = widget.dialog.getByRole('alert')
    await eventually(() => alert.innerText()).toContain('Reqio is not answering, retrying.')

    // It is back: the thread arrives without a click, and the alert goes.
    await context.unroute(apiCalls)
    await widget.dialog.getByText('Coming this spring.').waitFor({ timeout: 15_000 })
    await alert.waitFor({ state: 'detached' })
    expect(await alert.count()).toBe(0)
  })

  it('sends a vote kept while offline, then clears the offline notice', async () => {
    const { project } = await createProject(world)
    await fileRequest(world, project.id, 'Export to CSV')
    const { page, context } = await world.openPage({ allowNetworkFailureLogs: true })
    await page.goto(serveHostPage(world, { projectId: project.id }))
    const widget = widgetOf(page)
    await widget.launcher.click()
    await widget.voteButton('Export to CSV').waitFor()

    await context.setOffline(true)
    await widget.voteButton('Export to CSV').click()
    await eventually(() => widget.notice.innerText()).toBe(
      'You seem to be offline. Saved; it will be sent automatically.',
    )
    await context.setOffline(false)
    await eventually(async () => (await backlog(world, project.id))[0]?.votes).toBe(2)
    await eventually(() => noticeText(widget)).toBe('')
  })

  it('sends a vote kept while the server was away once it is back, and clears the notice', async () => {
    const { project } = await createProject(world)
    await fileRequest(world, project.id, 'Slack alerts')
    const { page, context } = await world.openPage({ allowNetworkFailureLogs: true })
    await page.goto(serveHostPage(world, { projectId: project.id }))
    const widget = widgetOf(page)
    await widget.launcher.click()
    await widget.voteButton('Slack alerts').waitFor()

    const apiCalls = `${world.server.url}/v1/**`
    await context.route(apiCalls, (route) => route.abort('connectionrefused'))
    await widget.voteButton('Slack alerts').click()
    await eventually(() => widget.notice.innerText()).toBe(
      'Reqio is not answering, retrying. Saved; it will be sent automatically.',
    )
    await context.unroute(apiCalls)
    await eventually(async () => (await backlog(world, project.id))[0]?.votes).toBe(2)
    await eventually(() => noticeText(widget)).toBe('')
  })
})
