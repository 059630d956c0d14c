// Issue 26 in Chromium, on the built bundles: publishing a changelog entry asks first and says
// who will be emailed (bug 4), Unpublish and Delete confirm too, the shipped request no longer
// shows its old status note in the widget (bug 2), and headings scale below the entry's title
// in the dashboard's preview and the widget's What's new. Screenshots at 1280 and 375 px.
import { join } from 'node:path'
import type { Locator } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { seriousViolations } from './support/axe'
import { createProject, fileRequest, tokenFor, voteThroughApi } from './support/backend'
import { createOwner } from './support/dashboard'
import { isFocused, tabTo } from './support/keyboard'
import { eventually, SCREENSHOT_DIR, serveHostPage, useWorld, type World } from './support/world'

/** The owner createOwner() makes (support/dashboard.ts). */
const OWNER = { email: 'olive@example.com', password: 'correct horse battery' }
const OLD_NOTE = 'Planned for Q1: CSV first, Excel after.'
const BODY = [
  '# Safer sign-in',
  'Turn on **2FA** in *Settings › Security*.',
  '## Apps that work',
  '- Authy\n- 1Password',
  '### Recovery codes',
  'Keep them somewhere safe.',
].join('\n\n')

/** Computed font sizes in px, in the order of `selectors`, inside `scope`. */
function fontSizes(scope: Locator, selectors: string[]): Promise<number[]> {
  return Promise.all(
    selectors.map((selector) =>
      scope
        .locator(selector)
        .first()
        .evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize)),
    ),
  )
}

function strictlyDecreasing(sizes: number[]): boolean {
  return sizes.every((size, i) => i === 0 || size < (sizes[i - 1] as number))
}

/** A signed-in owner on the project's changelog (the hash link keeps working across the nav). */
async function openChangelog(world: World, projectId: string, width: number) {
  const opened = await world.openPage({ viewport: { width, height: 900 }, bypassCSP: true })
  const { page } = opened
  await page.goto(`${world.server.url}/dashboard`)
  // The file's first test creates the owner; later ones sign in as her.
  const signIn = page.getByRole('button', { name: 'Sign in', exact: true })
  const setUp = page.getByRole('button', { name: 'Create the owner account' })
  await signIn.or(setUp).first().waitFor()
  if (await setUp.isVisible()) await createOwner(page, world.server.adminToken)
  else {
    await page.getByLabel('Email').fill(OWNER.email)
    await page.getByLabel('Password', { exact: true }).fill(OWNER.password)
    await signIn.click()
  }
  await page.getByRole('heading', { level: 1, name: 'Projects' }).waitFor()
  await page.goto(`${world.server.url}/dashboard/#/projects/${projectId}/changelog`)
  await page.getByRole('region', { name: 'Entries' }).waitFor()
  return opened
}

describe('publishing a changelog entry', () => {
  const world = useWorld()

  it('asks first, naming who will be emailed; the widget then shows the request Done without its old note, headings scaled under the title', async () => {
    const created = await createProject(world, 'Tally Books')
    const projectId = created.project.id
    const ann = await tokenFor(created, { sub: 'ann', email: 'ann@tally.example' })
    const bob = await tokenFor(created, { sub: 'bob', email: 'bob@tally.example' })
    const cat = await tokenFor(created, { sub: 'cat' })
    const twoFactor = await fileRequest(world, projectId, 'Two-factor authentication', ann)
    await voteThroughApi(world, projectId, twoFactor.id, bob)
    await fileRequest(world, projectId, 'Recurring invoices', cat)
    await fileRequest(world, projectId, 'Slack alerts')
    const noted = await world.server.adminFetch(
      `/v1/admin/projects/${projectId}/requests/${twoFactor.id}`,
      { method: 'PATCH', body: JSON.stringify({ status: 'planned', statusNote: OLD_NOTE }) },
    )
    expect(noted.status).toBe(200)

    const { page } = await openChangelog(world, projectId, 1280)
    const editor = page.getByRole('form', { name: 'New changelog entry' })
    await editor.getByRole('textbox', { name: 'Title' }).fill('Two-factor authentication is here')
    await editor.getByRole('textbox', { name: /^Body/ }).fill(BODY)
    for (const [search, title] of [
      ['two', 'Two-factor authentication'],
      ['invoices', 'Recurring invoices'],
    ] as const) {
      await editor.getByRole('searchbox', { name: 'Find a request by title' }).fill(search)
      await editor.getByRole('button', { name: `Link ${title}` }).click()
    }
    const linked = editor.getByRole('list', { name: 'Linked requests' })
    expect(await linked.getByRole('listitem').count()).toBe(2)
    expect(await linked.innerText()).toContain('Planned')

    // The preview: title, then #, ##, ### each a step smaller, every one above body text.
    const preview = editor.getByRole('region', { name: 'Preview' })
    const previewSizes = await fontSizes(preview, ['.entry-title', 'h4', 'h5', 'h6', 'p'])
    expect(previewSizes, `preview sizes ${previewSizes}`).toSatisfy(strictlyDecreasing)
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'changelog-editor-1280.png') })

    await editor.getByRole('button', { name: 'Publish now' }).click()
    const confirm = editor.getByRole('alertdialog', {
      name: 'Publish “Two-factor authentication is here”?',
    })
    const publish = confirm.getByRole('button', { name: 'Publish and email 2 people' })
    await publish.waitFor()
    const sentences = await confirm.innerText()
    expect(sentences).toContain('2 people will be emailed')
    expect(sentences).toContain('1 more person without email will see it under Updates')
    expect(sentences).toContain('2 linked requests move to Done.')
    await eventually(() => isFocused(publish)).toBe(true)
    expect(await seriousViolations(page)).toEqual([])
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'changelog-publish-confirm-1280.png') })
    // Nothing has gone out while the question stands.
    expect(
      (await (await world.server.adminFetch(`/v1/admin/projects/${projectId}/changelog`)).json())
        .entries,
    ).toEqual([])

    await publish.click()
    await page.getByText('Published. 2 linked requests are now Done.').waitFor()
    await page.getByRole('form', { name: 'Edit “Two-factor authentication is here”' }).waitFor()
    expect(await seriousViolations(page)).toEqual([])

    // In the widget, on a phone: What's new with the heading scale, then the shipped request.
    const { page: phone } = await world.openPage({ viewport: { width: 375, height: 740 } })
    await phone.goto(serveHostPage(world, { projectId, token: ann }))
    const widget = phone.locator('reqio-widget')
    await widget.getByRole('button', { name: /^Feedback/ }).click()
    const dialog = widget.getByRole('dialog', { name: 'Feedback' })
    await dialog.getByRole('tab', { name: 'What’s new' }).click()
    const article = dialog.getByRole('article').filter({ hasText: 'Two-factor' })
    await article.waitFor()
    const widgetSizes = await fontSizes(article, ['h3', 'h4', 'h5', 'h6', '.md p'])
    expect(widgetSizes, `widget sizes ${widgetSizes}`).toSatisfy(strictlyDecreasing)
    await phone.screenshot({ path: join(SCREENSHOT_DIR, 'changelog-widget-whats-new-375.png') })

    await article.getByRole('button', { name: 'Two-factor authentication' }).click()
    await dialog.getByRole('heading', { name: 'Two-factor authentication' }).waitFor()
    await eventually(() => dialog.innerText()).toMatch(/Done/)
    expect(await dialog.innerText()).not.toContain('Planned for Q1')
    await phone.screenshot({
      path: join(SCREENSHOT_DIR, 'changelog-widget-shipped-request-375.png'),
    })
  })

  it('unpublishes and deletes by keyboard, each after a confirmation that Escape closes', async () => {
    const created = await createProject(world, 'Initech')
    const projectId = created.project.id
    const res = await world.server.adminFetch(`/v1/admin/projects/${projectId}/changelog`, {
      method: 'POST',
      body: JSON.stringify({ title: 'Spring release', body: '## Faster\n\nIt is.', publish: true }),
    })
    expect(res.status).toBe(201)

    const { page } = await openChangelog(world, projectId, 375)
    const list = page.getByRole('region', { name: 'Entries' })
    await list.getByRole('button', { name: 'Spring release' }).click()
    const editor = page.getByRole('form', { name: 'Edit “Spring release”' })
    await editor.waitFor()
    // At 375 px the changelog fits the width: nothing in it scrolls sideways.
    const overflow = await page
      .locator('.changelog')
      .evaluate((element) => element.getBoundingClientRect().right - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await page.screenshot({
      path: join(SCREENSHOT_DIR, 'changelog-editor-375.png'),
      fullPage: true,
    })

    const unpublish = editor.getByRole('button', { name: 'Unpublish' })
    await tabTo(page, unpublish)
    await page.keyboard.press('Enter')
    const asked = editor.getByRole('alertdialog', { name: 'Unpublish “Spring release”?' })
    const yes = asked.getByRole('button', { name: 'Unpublish' })
    await eventually(() => isFocused(yes)).toBe(true)
    await page.keyboard.press('Escape')
    await eventually(() => asked.count()).toBe(0)
    await eventually(() => isFocused(unpublish)).toBe(true)
    await page.keyboard.press('Enter')
    await eventually(() => isFocused(yes)).toBe(true)
    await page.keyboard.press('Enter')
    await page.getByText('Unpublished: it is a draft again, gone from What’s new.').waitFor()
    await list.getByText('Draft').waitFor()
    const publicEntries = await (
      await fetch(`${world.server.url}/v1/projects/${projectId}/changelog`)
    ).json()
    expect(publicEntries.entries).toEqual([])

    const remove = editor.getByRole('button', { name: 'Delete', exact: true })
    await tabTo(page, remove)
    await page.keyboard.press('Enter')
    const deleting = editor.getByRole('alertdialog', { name: 'Delete “Spring release”?' })
    await deleting.waitFor()
    // It cannot be undone: focus starts on Cancel, one Shift+Tab away from the act.
    await eventually(() => isFocused(deleting.getByRole('button', { name: 'Cancel' }))).toBe(true)
    expect(await seriousViolations(page)).toEqual([])
    await page.screenshot({
      path: join(SCREENSHOT_DIR, 'changelog-delete-confirm-375.png'),
      fullPage: true,
    })
    await page.keyboard.press('Shift+Tab')
    await page.keyboard.press('Enter')
    await page.getByText('Deleted “Spring release”.').waitFor()
    await eventually(() => list.getByRole('button', { name: 'Spring release' }).count()).toBe(0)
  })
})
