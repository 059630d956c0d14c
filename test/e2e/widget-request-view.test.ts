// Issue 26's widget redesign and bug 6, as a person sees them in Chromium on the built
// widget.js: the request view's hierarchy (Back at the top left, the vote with a title larger
// than the text, the team's note labelled, comment times, one badge per comment), the launcher's
// one marker, four tabs on one row at 320 px in every language, and counts and dates in the
// widget's language. Screenshots at 1280 and 375 px go to test/e2e/screenshots/.
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { CreatedProjectResponse } from '../../src/shared/api'
import { seriousWidgetViolations } from './support/axe'
import { createProject, fileRequest, tokenFor } from './support/backend'
import { eventually, SCREENSHOT_DIR, serveHostPage, useWorld } from './support/world'

const world = useWorld()

const admin = (projectId: string, path: string, method: string, body: unknown) =>
  world.server.adminFetch(`/v1/admin/projects/${projectId}${path}`, {
    method,
    body: JSON.stringify(body),
  })

/** "Dark mode" by Ann, planned with a note, one team reply (nameless) and one comment of Ann's. */
async function darkModeThread(created: CreatedProjectResponse) {
  const projectId = created.project.id
  const token = await tokenFor(created, { sub: 'ann', email: 'ann@example.com' })
  const res = await fetch(`${world.server.url}/v1/projects/${projectId}/requests`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${token}`,
      'X-Reqio-Anonymous-Id': crypto.randomUUID(),
    },
    body: JSON.stringify({ title: 'Dark mode', body: 'The app is too bright at night.' }),
  })
  expect(res.status).toBe(201)
  const { request } = (await res.json()) as { request: { id: string } }
  const patch = { status: 'planned', statusNote: 'Planned for Q1: the editor first.' }
  expect((await admin(projectId, `/requests/${request.id}`, 'PATCH', patch)).status).toBe(200)
  const reply = { body: 'Thanks Ann, we are on it.' }
  expect((await admin(projectId, `/requests/${request.id}/comments`, 'POST', reply)).status).toBe(
    201,
  )
  const mine = await fetch(
    `${world.server.url}/v1/projects/${projectId}/requests/${request.id}/comments`,
    {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${token}`,
        'X-Reqio-Anonymous-Id': crypto.randomUUID(),
        'Idempotency-Key': crypto.randomUUID(),
      },
      body: JSON.stringify({ body: 'Even a dim theme would do.' }),
    },
  )
  expect(mine.status).toBe(201)
  await world.server.drainJobs()
  return { token, requestId: request.id }
}

async function openDarkMode(page: Page) {
  const root = page.locator('reqio-widget')
  await root.getByRole('button', { name: /^Feedback/ }).click()
  const dialog = root.getByRole('dialog')
  await dialog.getByRole('button', { name: 'Dark mode', exact: true }).click()
  await dialog.getByRole('listitem').filter({ hasText: 'Even a dim theme' }).waitFor()
  return dialog
}

describe('the request view', () => {
  it.each([
    [1280, 800],
    [375, 740],
  ])(
    'reads top down at %i px: Back top left, vote with a larger title, the team’s note, one badge and a time per comment',
    async (width, height) => {
      const created = await createProject(world)
      const { token } = await darkModeThread(created)
      const { page } = await world.openPage({ viewport: { width, height }, isMobile: width < 500 })
      await page.goto(serveHostPage(world, { projectId: created.project.id, token }))
      const dialog = await openDarkMode(page)

      const box = async (locator: ReturnType<typeof dialog.locator>) => {
        const found = await locator.boundingBox()
        if (!found) throw new Error('not on screen')
        return found
      }
      const panel = await box(dialog)
      const back = await box(dialog.getByRole('button', { name: 'Back' }))
      const heading = dialog.getByRole('heading', { name: 'Dark mode' })
      const title = await box(heading)
      const vote = await box(dialog.getByRole('button', { name: /^Vote for Dark mode: \d+$/ }))
      // Back: the first thing at the top left, above the title.
      expect(back.x - panel.x).toBeLessThan(30)
      expect(back.y + back.height).toBeLessThanOrEqual(title.y)
      // The vote sits beside the title, on its first line.
      expect(vote.x + vote.width).toBeLessThanOrEqual(title.x)
      expect(Math.abs(vote.y - title.y)).toBeLessThan(vote.height)
      const fontSize = (selector: string) =>
        dialog
          .locator(selector)
          .first()
          .evaluate((e) => Number.parseFloat(getComputedStyle(e).fontSize))
      expect(await fontSize('h3')).toBeGreaterThan(await fontSize('.text'))

      // The status note says whose it is.
      const note = dialog.locator('.note')
      expect(await note.innerText()).toMatch(
        /^Note from the team\n+Planned for Q1: the editor first\.$/,
      )

      // Each comment: who, at most one badge, and when. Never "Team Team" nor "Customer · You".
      const comments = dialog.getByRole('list', { name: '2 comments' }).getByRole('listitem')
      const read = await comments.evaluateAll((items) =>
        items.map((li) => ({
          who: (li.querySelector('.who') as HTMLElement).innerText.split('\n').slice(0, 2),
          badges: li.querySelectorAll('.badge').length,
          time: li.querySelector('time')?.getAttribute('datetime') ?? '',
        })),
      )
      expect(read.map((c) => c.badges)).toEqual([1, 0])
      expect(read[0]?.who[0]).toBe('Team')
      expect(read[1]?.who[0]).toBe('You')
      for (const comment of read) expect(comment.time).toMatch(/^\d{4}-\d{2}-\d{2}T/)
      const shown = await comments.first().locator('time').innerText()
      expect(shown).toMatch(/\d{4}/)

      await page.screenshot({ path: join(SCREENSHOT_DIR, `widget-request-view-${width}.png`) })
      expect(await seriousWidgetViolations(page)).toEqual([])
    },
  )

  it('is usable from the keyboard: focus on the title, Back reached from it, focus back on the row', async () => {
    const created = await createProject(world)
    const { token } = await darkModeThread(created)
    const { page } = await world.openPage()
    await page.goto(serveHostPage(world, { projectId: created.project.id, token }))
    const root = page.locator('reqio-widget')
    await root.getByRole('button', { name: /^Feedback/ }).focus()
    await page.keyboard.press('Enter')
    const dialog = root.getByRole('dialog')
    const row = dialog.getByRole('button', { name: 'Dark mode', exact: true })
    await row.focus()
    await page.keyboard.press('Enter')
    const focused = () =>
      page.evaluate(() => {
        const active = document.querySelector('reqio-widget')?.shadowRoot?.activeElement
        return `${active?.tagName} ${active?.textContent?.trim()}`
      })
    await eventually(focused).toBe('H3 Dark mode')
    await page.keyboard.press('Shift+Tab')
    expect(await focused()).toMatch(/^BUTTON \d+$/)
    // The signed-in reader's Follow toggle sits at the top right, after Back in reading order.
    await page.keyboard.press('Shift+Tab')
    expect(await focused()).toMatch(/^BUTTON Follow(ing)?$/)
    await page.keyboard.press('Shift+Tab')
    expect(await focused()).toBe('BUTTON ‹ Back')
    await page.keyboard.press('Enter')
    await eventually(focused).toBe('BUTTON Dark mode')
  })

  it('speaks French: plurals by Intl.PluralRules, dates by Intl.DateTimeFormat, on an English browser', async () => {
    const created = await createProject(world)
    const { token, requestId } = await darkModeThread(created)
    const entry = { title: 'Thème sombre', body: 'Voilà.', requestIds: [requestId], publish: true }
    expect((await admin(created.project.id, '/changelog', 'POST', entry)).status).toBe(201)
    // Shipping clears the old note (bug 2): the team writes one for Done, shown under its label.
    const doneNote = { statusNote: 'Disponible pour tous.' }
    expect(
      (await admin(created.project.id, `/requests/${requestId}`, 'PATCH', doneNote)).status,
    ).toBe(200)
    // A second request with exactly one comment: "1 commentaire", not "1 commentaires".
    const single = await fileRequest(world, created.project.id, 'Export CSV')
    const one = { body: 'Bientôt.' }
    expect(
      (await admin(created.project.id, `/requests/${single.id}/comments`, 'POST', one)).status,
    ).toBe(201)
    const { page } = await world.openPage({
      viewport: { width: 375, height: 740 },
      isMobile: true,
      locale: 'en-US',
    })
    await page.goto(serveHostPage(world, { projectId: created.project.id, token, lang: 'fr' }))
    const root = page.locator('reqio-widget')
    await root.getByRole('button', { name: /^Feedback/ }).click()
    const dialog = root.getByRole('dialog')
    const csvRow = dialog.getByRole('listitem').filter({ hasText: 'Export CSV' })
    await eventually(() => csvRow.locator('.badge').allInnerTexts()).toContain('1 commentaire')
    const darkRow = dialog.getByRole('listitem').filter({ hasText: 'Dark mode' })
    expect(await darkRow.locator('.badge').allInnerTexts()).toContain('2 commentaires')

    await dialog.getByRole('button', { name: 'Dark mode', exact: true }).click()
    await dialog.getByRole('list', { name: '2 commentaires' }).waitFor()
    expect(await dialog.locator('.note strong').innerText()).toBe('Note de l’équipe')
    // A French date: day, month name, year; never the browser's US "12/6/2026".
    const FRENCH_DATE = /^\d{1,2} [a-zéû.]+ \d{4}/
    expect(await dialog.locator('.c time').first().innerText()).toMatch(FRENCH_DATE)
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'widget-request-view-375-fr.png') })
    await dialog.getByRole('button', { name: 'Retour' }).click()
    await dialog.getByRole('tab', { name: 'Nouveautés' }).click()
    const published = dialog.getByRole('article').locator('time')
    await eventually(() => published.innerText()).toMatch(FRENCH_DATE)
  })
})

describe('the launcher', () => {
  it('shows one marker with one meaning: unread updates and an unseen entry as "2 new for you"', async () => {
    const created = await createProject(world)
    const projectId = created.project.id
    const token = await tokenFor(created, { sub: 'bo', email: 'bo@example.com' })
    const mine = await fileRequest(world, projectId, 'Calendar sync', token)
    expect(
      (await admin(projectId, `/requests/${mine.id}`, 'PATCH', { status: 'planned' })).status,
    ).toBe(200)
    const entry = { title: 'New exports', body: 'Out now.', publish: true }
    expect((await admin(projectId, '/changelog', 'POST', entry)).status).toBe(201)
    await world.server.drainJobs()

    const { page } = await world.openPage({ viewport: { width: 1280, height: 800 } })
    await page.goto(serveHostPage(world, { projectId, token }))
    const root = page.locator('reqio-widget')
    const launcher = root.getByRole('button', { name: /^Feedback/ })
    const marker = launcher.getByRole('img', { name: '2 new for you' })
    await marker.waitFor({ timeout: 20_000 })
    expect(await launcher.getByRole('img').count()).toBe(1)
    expect(await marker.innerText()).toBe('2')
    await launcher.screenshot({ path: join(SCREENSHOT_DIR, 'widget-launcher-marker-1280.png') })
    expect(await seriousWidgetViolations(page)).toEqual([])
  })
})

describe('the tabs', () => {
  it.each(['en', 'de', 'fr'])('fit on one row at 320 px in %s, Updates included', async (lang) => {
    const created = await createProject(world)
    const token = await tokenFor(created, { sub: `tabs-${lang}` })
    const { page } = await world.openPage({ viewport: { width: 320, height: 600 }, isMobile: true })
    await page.goto(serveHostPage(world, { projectId: created.project.id, token, lang }))
    const root = page.locator('reqio-widget')
    await root.getByRole('button', { name: /^Feedback/ }).click()
    const tabs = root.getByRole('dialog').getByRole('tab')
    await eventually(() => tabs.count()).toBe(4)
    // The page's language arrives with the launcher's request: wait for its words.
    if (lang !== 'en') await eventually(() => tabs.first().innerText()).not.toBe('Requests')
    const boxes = await tabs.evaluateAll((all) =>
      all.map((tab) => {
        const r = tab.getBoundingClientRect()
        return { top: Math.round(r.top), left: r.left, right: r.right }
      }),
    )
    expect(new Set(boxes.map((b) => b.top)).size).toBe(1)
    for (const b of boxes) expect(b.left >= 0 && b.right <= 320).toBe(true)
    await page.screenshot({ path: join(SCREENSHOT_DIR, `widget-tabs-320-${lang}.png`) })
  })
})
