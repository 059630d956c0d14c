// Issue 29, "Editing your own words", in Chromium: the widget (on a customer's site, across
// origins: PATCH and DELETE pass CORS), the portal with JavaScript off, and the team deleting a
// comment in the dashboard's drawer, each view scanned by axe-core with a screenshot.
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { seriousViolations } from './support/axe'
import { createProject, fileRequest, tokenFor } from './support/backend'
import { createOwnerThroughApi, signedInPage } from './support/dashboard'
import { widgetOf } from './support/widget'
import { eventually, SCREENSHOT_DIR, serveHostPage, useWorld } from './support/world'

const OWNER = { email: 'rui@example.com', name: 'Rui', password: 'correct horse battery' }

describe('editing your own words', () => {
  const world = useWorld({ demo: false })
  beforeAll(() => createOwnerThroughApi(world, OWNER))

  const stored = (projectId: string) =>
    world.server.store.db.query<{ body: string; edited: boolean }>(
      `SELECT body, edited_at IS NOT NULL AS edited FROM comments
        WHERE project_id = $1 ORDER BY created_at, seq`,
      [projectId],
    )

  async function commentThroughApi(
    projectId: string,
    requestId: string,
    token: string,
    body: string,
  ) {
    const res = await fetch(
      `${world.server.url}/v1/projects/${projectId}/requests/${requestId}/comments`,
      {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ body }),
      },
    )
    expect(res.status).toBe(201)
  }

  it('in the widget: the author edits and deletes their comment (asked first) and edits their request', async () => {
    const created = await createProject(world, 'Initech')
    const { project } = created
    const token = await tokenFor(created, { sub: 'peter', name: 'Peter' })
    const request = await fileRequest(world, project.id, 'Drak mode', token)
    await commentThroughApi(project.id, request.id, token, 'Pleese')
    await commentThroughApi(project.id, request.id, token, 'Sent twice')
    const { page } = await world.openPage({ bypassCSP: true })
    await page.goto(serveHostPage(world, { projectId: project.id, token }))
    const widget = widgetOf(page)
    await widget.launcher.click()
    await widget.dialog.getByRole('button', { name: 'Drak mode', exact: true }).click()
    await widget.dialog.getByText('Pleese').waitFor()

    // The comment: Edit, new words, Save; marked "edited".
    const first = widget.dialog.getByRole('listitem').filter({ hasText: 'Pleese' })
    await first.getByRole('button', { name: 'Edit' }).click()
    await widget.dialog.getByRole('textbox', { name: 'Comment' }).first().fill('Please')
    await expect(seriousViolations(page)).resolves.toEqual([])
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'widget-edit-comment.png') })
    await widget.dialog.getByRole('button', { name: 'Save' }).click()
    const edited = widget.dialog.getByRole('listitem').filter({ hasText: 'Please' })
    await eventually(() => edited.innerText()).toContain('edited')

    // Deleting asks first.
    const twice = widget.dialog.getByRole('listitem').filter({ hasText: 'Sent twice' })
    await twice.getByRole('button', { name: 'Delete' }).click()
    await twice.getByText('Delete this comment?').waitFor()
    await expect(seriousViolations(page)).resolves.toEqual([])
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'widget-delete-comment-asks.png') })
    expect((await stored(project.id)).length).toBe(2)
    await twice.getByRole('button', { name: 'Delete' }).click()
    await eventually(async () => (await stored(project.id)).map((c) => [c.body, c.edited])).toEqual(
      [['Please', true]],
    )
    await widget.dialog.getByRole('list', { name: '1 comment' }).waitFor()

    // The request: nobody else voted or commented, so its words may still change.
    await widget.dialog.getByRole('button', { name: 'Edit' }).first().click()
    await widget.title.fill('Dark mode')
    await widget.dialog.getByRole('button', { name: 'Save' }).click()
    await widget.dialog.getByRole('heading', { name: 'Dark mode' }).waitFor()
    const [row] = await world.server.store.db.query<{ title: string }>(
      'SELECT title FROM requests WHERE id = $1',
      [request.id],
    )
    expect(row?.title).toBe('Dark mode')
  })

  it('on the portal with JavaScript off: edit and delete your comment, edit your request', async () => {
    const { project } = await createProject(world, 'Globex')
    await world.server.adminFetch(`/v1/admin/projects/${project.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ settings: { allowAnonymousComments: true } }),
    })
    const { page, context } = await world.openPage({
      viewport: { width: 375, height: 800 },
      javaScriptEnabled: false,
    })
    await page.goto(`${world.server.url}/p/${project.id}`)
    await page.getByLabel('Title').fill('Slack alrets')
    await page.getByRole('button', { name: 'Send' }).click()
    await page.getByRole('heading', { level: 1, name: 'Slack alrets' }).waitFor()
    await page.getByLabel('Your comment').fill('Pleese')
    await page.getByRole('button', { name: 'Comment', exact: true }).click()
    await page.locator('.comment-body', { hasText: 'Pleese' }).waitFor()

    // Edit the comment: its <details> opens a form with its words.
    const comment = page.locator('[data-portal-own-comment]')
    await comment.getByText('Edit').click()
    await comment.getByRole('textbox', { name: 'Comment' }).fill('Please')
    await comment.getByRole('button', { name: 'Save' }).click()
    await page.locator('.comment-body', { hasText: 'Please' }).waitFor()
    await page.locator('.comment .edited').waitFor()

    // Edit the request.
    const own = page.locator('[data-portal-own-request]')
    await own.getByText('Edit').click()
    await own.getByRole('textbox', { name: 'Title' }).fill('Slack alerts')
    await own.getByRole('button', { name: 'Save' }).click()
    await page.getByRole('heading', { level: 1, name: 'Slack alerts' }).waitFor()

    // Delete the comment: the question comes first, inside "Delete".
    await page.locator('[data-portal-own-comment]').getByText('Delete').first().click()
    await page.getByText('Delete this comment?').waitFor()
    // axe runs as a script: the same visitor (cookies) in a page with JavaScript, forms open.
    const { page: scanned, context: scripted } = await world.openPage({
      viewport: { width: 375, height: 800 },
      bypassCSP: true,
    })
    await scripted.addCookies(await context.cookies())
    await scanned.goto(page.url())
    await scanned.locator('.own details').evaluateAll((all) => {
      for (const details of all) details.setAttribute('open', '')
    })
    expect(await seriousViolations(scanned)).toEqual([])
    await page.screenshot({
      path: join(SCREENSHOT_DIR, 'portal-own-words-no-js.png'),
      fullPage: true,
    })
    await page.getByRole('button', { name: 'Delete', exact: true }).click()
    await page.getByText('No comments yet.').waitFor()
    expect(await stored(project.id)).toEqual([])
  })

  for (const [width, height] of [
    [1280, 900],
    [375, 800],
  ] as const) {
    it(`in the dashboard at ${width} px: the team deletes any comment from the drawer, asked first`, async () => {
      const created = await createProject(world, `Acme ${width}`)
      const { project } = created
      const token = await tokenFor(created, { sub: 'spammer', email: 'spam@example.com' })
      const request = await fileRequest(world, project.id, 'Dark mode', token)
      await commentThroughApi(project.id, request.id, token, 'Buy cheap watches')
      const page: Page = await signedInPage(world, OWNER, {
        viewport: { width, height },
        bypassCSP: true,
      })
      await page.goto(`${world.server.url}/dashboard/p/${project.id}/requests/${request.id}`)
      const thread = page.getByRole('region', { name: 'Comments' })
      await thread.getByText('Buy cheap watches').waitFor()
      await thread.getByRole('button', { name: 'Delete the comment by Customer' }).click()
      const confirm = thread.getByRole('button', { name: 'Delete comment' })
      await confirm.waitFor()
      expect(await seriousViolations(page)).toEqual([])
      await page.screenshot({ path: join(SCREENSHOT_DIR, `dashboard-delete-comment-${width}.png`) })
      expect((await stored(project.id)).length).toBe(1)
      await confirm.click()
      await thread.getByText('No comments yet.').waitFor()
      expect(await stored(project.id)).toEqual([])
    })
  }
})
