import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { XSS_PAYLOADS } from '../helpers/xss-payloads'
import { createProject, fileRequest } from './support/backend'
import { createOwner } from './support/dashboard'
import { eventually, SCREENSHOT_DIR, serveHostPage, useWorld } from './support/world'

describe('roadmap and changelog', () => {
  const world = useWorld()

  it('publishes an entry in the dashboard; the widget on another site shows it under What’s new with the marker, and its requests under Done', async () => {
    const created = await createProject(world, 'Initech')
    const projectId = created.project.id
    await fileRequest(world, projectId, 'Dark mode')
    await fileRequest(world, projectId, 'CSV export')
    await fileRequest(world, projectId, 'Slack alerts')

    // The owner writes and publishes the entry in the dashboard.
    const { page: dashboard } = await world.openPage({ viewport: { width: 1280, height: 900 } })
    await dashboard.goto(`${world.server.url}/dashboard`)
    await createOwner(dashboard, world.server.adminToken)
    await dashboard.getByRole('button', { name: 'Initech' }).click()
    await dashboard.getByRole('tab', { name: 'Changelog' }).click()
    const editor = dashboard.getByRole('form', { name: 'New changelog entry' })
    await editor.getByRole('textbox', { name: 'Title' }).fill('Spring release')
    await editor
      .getByRole('textbox', { name: /^Body/ })
      .fill(
        '## Easier on the eyes\n\n- **Dark mode** everywhere\n- Exports as `CSV`\n\nRead the [docs](https://docs.example/spring).',
      )
    for (const [search, title] of [
      ['dark', 'Dark mode'],
      ['csv', 'CSV export'],
    ]) {
      await editor
        .getByRole('searchbox', { name: 'Find a request by title' })
        .fill(search as string)
      await editor.getByRole('button', { name: `Link ${title}` }).click()
    }
    const preview = editor.getByRole('region', { name: 'Preview' })
    expect(await preview.locator('strong').innerText()).toBe('Dark mode')
    await editor.getByRole('button', { name: 'Publish now' }).click()
    // Publishing asks first (nobody here gave an email): changelog-publishing.test.ts covers it.
    await editor.getByRole('alertdialog').getByRole('button', { name: 'Publish' }).click()
    await dashboard.getByText('Published. 2 linked requests are now Done.').waitFor()

    // An end user on the customer's site, in another browser.
    const { page } = await world.openPage({ viewport: { width: 1280, height: 800 } })
    await page.goto(serveHostPage(world, { projectId }))
    const widget = page.locator('reqio-widget')
    const marker = widget.getByRole('img', { name: '1 new for you' })
    await marker.waitFor()
    await widget.getByRole('button', { name: /^Feedback/ }).click()
    const dialog = widget.getByRole('dialog', { name: 'Feedback' })
    await dialog.getByRole('tab', { name: 'What’s new' }).click()
    const entry = dialog.getByRole('article').filter({ hasText: 'Spring release' })
    await entry.waitFor()
    expect(await entry.locator('h5').innerText()).toBe('Easier on the eyes')
    expect(await entry.locator('li strong').innerText()).toBe('Dark mode')
    expect(await entry.locator('code').innerText()).toBe('CSV')
    const docs = entry.getByRole('link', { name: 'docs' })
    expect(await docs.getAttribute('href')).toBe('https://docs.example/spring')
    expect(await docs.getAttribute('rel')).toBe('noopener noreferrer')
    expect(await entry.getByRole('button', { name: 'Dark mode' }).count()).toBe(1)
    expect(await entry.getByRole('button', { name: 'CSV export' }).count()).toBe(1)
    await eventually(() => marker.count()).toBe(0)
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'widget-whats-new.png') })

    await dialog.getByRole('tab', { name: 'What’s new' }).press('ArrowLeft')
    const done = dialog.locator('section', { has: page.getByRole('heading', { name: 'Done' }) })
    await eventually(() => done.innerText()).toContain('Dark mode')
    expect(await done.innerText()).toContain('CSV export')
    expect(await done.innerText()).not.toContain('Slack alerts')
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'widget-roadmap.png') })

    // A shipped request's card opens its request view; Back returns to the roadmap.
    await done.getByRole('button', { name: 'CSV export' }).click()
    await dialog.getByRole('heading', { name: 'CSV export' }).waitFor()
    await dialog.getByRole('button', { name: 'Back' }).click()
    await eventually(() =>
      dialog.getByRole('tab', { name: 'Roadmap' }).getAttribute('aria-selected'),
    ).toBe('true')
  })

  it('never runs HTML or script from an entry', async () => {
    const created = await createProject(world, 'Hostile')
    const projectId = created.project.id
    const body = XSS_PAYLOADS.join('\n\n')
    const res = await world.server.adminFetch(`/v1/admin/projects/${projectId}/changelog`, {
      method: 'POST',
      body: JSON.stringify({ title: '<img src=x onerror=alert(1)>', body, publish: true }),
    })
    expect(res.status).toBe(201)

    const { page } = await world.openPage()
    const dialogs: string[] = []
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    await page.goto(serveHostPage(world, { projectId }))
    const widget = page.locator('reqio-widget')
    await widget.getByRole('button', { name: /^Feedback/ }).click()
    const dialog = widget.getByRole('dialog', { name: 'Feedback' })
    await dialog.getByRole('tab', { name: 'What’s new' }).click()
    await dialog.getByRole('article').waitFor()
    // Click every link the entry has: none may lead anywhere but http(s) or mailto.
    const hrefs = await dialog
      .locator('a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')))
    for (const href of hrefs) expect(href).toMatch(/^(https?:\/\/|mailto:)/)
    const found = await page.evaluate(() => {
      const root = document.querySelector('reqio-widget')?.shadowRoot
      const all = [...(root?.querySelectorAll('*') ?? [])]
      return {
        dangerous: root?.querySelectorAll(
          'script, img, svg, iframe, object, embed, form, style, math',
        ).length,
        handlers: all.flatMap((element) =>
          element.getAttributeNames().filter((name) => name.startsWith('on')),
        ),
        hostScripts: document.querySelectorAll('script').length,
      }
    })
    expect(found).toEqual({ dangerous: 0, handlers: [], hostScripts: 1 })
    // Let any delayed handler fire before checking that none did.
    await page.waitForTimeout(500)
    expect(dialogs).toEqual([])
    expect(await dialog.getByRole('article').innerText()).toContain('alert(1)')
  })
})
