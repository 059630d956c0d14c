import { describe, expect, it } from 'vitest'
import { createProject, fileRequest, tokenFor } from './support/backend'
import { createOwner } from './support/dashboard'
import { widgetOf } from './support/widget'
import { eventually, type ReqioWindow, serveHostPage, useWorld } from './support/world'

const world = useWorld()

/** Chromium would run either of these if a comment ever reached the page as HTML. */
const XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>'

async function storedComments(projectId: string) {
  return world.server.store.db.query<{ body: string; kind: string }>(
    'SELECT body, kind FROM comments WHERE project_id = $1 ORDER BY created_at, seq',
    [projectId],
  )
}

describe('conversations', () => {
  it('a customer opens a request, comments online and offline (sent once), and reads the team’s reply from the dashboard', async () => {
    const created = await createProject(world, 'Initech')
    const { project } = created
    await fileRequest(world, project.id, 'Dark mode')
    const token = await tokenFor(created, { sub: 'cust-1', email: 'peter@initech.test' })
    const { page, context } = await world.openPage({ allowNetworkFailureLogs: true })
    await page.goto(serveHostPage(world, { projectId: project.id, token }))
    const widget = widgetOf(page)

    // Open the request from its row: focus lands on its heading.
    await widget.launcher.click()
    await widget.dialog.getByRole('button', { name: 'Dark mode', exact: true }).click()
    const heading = widget.dialog.getByRole('heading', { name: 'Dark mode' })
    await heading.waitFor()
    await eventually(() =>
      heading.evaluate(
        (h) =>
          h.getRootNode() instanceof ShadowRoot &&
          (h.getRootNode() as ShadowRoot).activeElement === h,
      ),
    ).toBe(true)
    await widget.dialog.getByText('No comments yet.').waitFor()

    const box = widget.dialog.getByRole('textbox', { name: 'Comment' })
    await box.fill(XSS)
    await widget.send.click()
    await eventually(async () => (await storedComments(project.id)).length).toBe(1)

    // Offline: the comment waits, marked pending, and nothing reaches the server.
    await context.setOffline(true)
    await box.fill('Written on the train')
    await widget.send.click()
    const pending = widget.dialog.getByRole('listitem').filter({ hasText: 'Written on the train' })
    await eventually(() => pending.innerText()).toContain('Pending')
    expect(await storedComments(project.id)).toHaveLength(1)

    // Back online: sent exactly once (after the offline attempt has failed, as in real life).
    await eventually(() => widget.notice.innerText()).toContain('offline')
    await context.setOffline(false)
    await eventually(async () => (await storedComments(project.id)).length).toBe(2)
    await eventually(() => pending.innerText()).not.toContain('Pending')
    await page.reload()
    await widget.launcher.click()
    await widget.dialog.getByRole('button', { name: 'Dark mode', exact: true }).click()
    await widget.dialog.getByRole('listitem').filter({ hasText: 'Written on the train' }).waitFor()
    expect((await storedComments(project.id)).map((c) => c.body)).toEqual([
      XSS,
      'Written on the train',
    ])

    // The team answers from the dashboard, where the payload is text too.
    const { page: dashboard } = await world.openPage({ viewport: { width: 1280, height: 900 } })
    await dashboard.goto(`${world.server.url}/dashboard`)
    const owner = await createOwner(dashboard, world.server.adminToken)
    await dashboard.getByRole('button', { name: 'Initech' }).click()
    await dashboard.getByRole('tab', { name: 'Backlog' }).click()
    const table = dashboard.getByRole('table', { name: 'Backlog' })
    await eventually(() => table.getByRole('row').nth(1).innerText()).toContain('unanswered')
    await table.getByRole('button', { name: 'Dark mode' }).click()
    const thread = dashboard.getByRole('region', { name: 'Comments' })
    await thread.getByText(XSS).waitFor()
    // Both comments carry the commenter's facts, for the team only.
    expect(await thread.getByText('peter@initech.test', { exact: false }).count()).toBe(2)
    await thread.getByLabel('Reply or note').fill('Shipping in May <b>really</b>')
    await thread.getByRole('button', { name: 'Reply publicly' }).click()
    await thread.getByRole('listitem', { name: `Team reply by ${owner}` }).waitFor()
    expect(await dashboard.locator('img, script:not([src]):not([type="module"])').count()).toBe(0)
    expect(await dashboard.evaluate(() => (window as unknown as ReqioWindow).__xss)).toBeUndefined()

    // The customer sees the answer the next time the panel opens, with the Team badge.
    await page.evaluate(() => (window as unknown as ReqioWindow).Reqio.close())
    await page.evaluate(() => (window as unknown as ReqioWindow).Reqio.open())
    const reply = widget.dialog.getByRole('listitem').filter({ hasText: 'Shipping in May' })
    await reply.waitFor()
    expect(await reply.innerText()).toContain('Team')
    expect(await reply.innerText()).toContain(owner)
    expect(await reply.innerText()).toContain('<b>really</b>')
    const mine = widget.dialog.getByRole('listitem').filter({ hasText: 'Written on the train' })
    expect(await mine.innerText()).toContain('You')
    await widget.dialog.getByText(XSS).waitFor()
    expect(await widget.root.locator('img, script').count()).toBe(0)
    expect(await page.evaluate(() => (window as unknown as ReqioWindow).__xss)).toBeUndefined()

    // Back: the list, focus on the row.
    await widget.dialog.getByRole('button', { name: 'Back' }).click()
    const row = widget.dialog.getByRole('button', { name: 'Dark mode', exact: true })
    await eventually(() =>
      row.evaluate((button) => (button.getRootNode() as ShadowRoot).activeElement === button),
    ).toBe(true)
    expect(await row.locator('xpath=..').innerText()).toContain('3 comments')
  })
})
