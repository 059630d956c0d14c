import { describe, expect, it } from 'vitest'
import { createProject, fileRequest } from './support/backend'
import { computedStyle, widgetOf } from './support/widget'
import { eventually, serveHostPage, useWorld } from './support/world'

/** The element focused inside the widget's shadow root, described for assertions. */
const focusedInWidget = () => {
  const active = document.querySelector('reqio-widget')?.shadowRoot?.activeElement
  return {
    inDialog: !!active?.closest('[role="dialog"]'),
    label: active?.getAttribute('aria-label') || active?.textContent?.trim() || '',
  }
}

describe('the widget with a keyboard, on a phone, in other themes and languages', () => {
  const world = useWorld()

  it('keeps Tab and Shift+Tab inside the open dialog, and Escape returns focus to the launcher', async () => {
    const { project } = await createProject(world)
    await fileRequest(world, project.id, 'Keyboard shortcuts')
    const { page } = await world.openPage()
    await page.goto(
      serveHostPage(world, { projectId: project.id, body: '<a href="#x">Host link</a>' }),
    )
    const widget = widgetOf(page)
    await widget.launcher.focus()
    await page.keyboard.press('Enter')
    await widget.voteButton('Keyboard shortcuts').waitFor()

    const visited = new Set<string>()
    // From the search field: the one request, round to Close, the tab, then Suggest; and back.
    for (let step = 0; step < 10; step++) {
      await page.keyboard.press(step < 5 ? 'Tab' : 'Shift+Tab')
      const focused = await page.evaluate(focusedInWidget)
      expect(focused.inDialog, `after ${step + 1} presses`).toBe(true)
      visited.add(focused.label)
    }
    expect(visited).toContain('Suggest a feature')
    expect(visited).toContain('Close')

    await page.keyboard.press('Escape')
    await widget.dialog.waitFor({ state: 'detached' })
    expect(await page.evaluate(focusedInWidget)).toEqual({ inDialog: false, label: 'Feedback' })
  })

  it('fits the dialog inside a phone screen', async () => {
    const { project } = await createProject(world)
    const { page } = await world.openPage({
      viewport: { width: 360, height: 640 },
      isMobile: true,
      hasTouch: true,
    })
    await page.goto(serveHostPage(world, { projectId: project.id }))
    const widget = widgetOf(page)
    await widget.launcher.tap()
    await widget.suggest.waitFor()
    // The panel rises 8 px into place as it opens (0.15 s): measure where it ends up.
    await eventually(async () => {
      const box = await widget.dialog.boundingBox()
      return (box?.y ?? 0) + (box?.height ?? 0)
    }).toBeLessThanOrEqual(640 + 0.5)
    // A bottom sheet ends at the screen's edge; allow the sub-pixel rounding of a mobile viewport.
    const SUBPIXEL = 0.5
    for (const part of [widget.dialog, widget.suggest]) {
      const box = await part.boundingBox()
      expect(box?.x).toBeGreaterThanOrEqual(0)
      expect(box?.y).toBeGreaterThanOrEqual(0)
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(360 + SUBPIXEL)
      expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(640 + SUBPIXEL)
    }
  })

  it('takes the dark theme and the accent colour from its script tag', async () => {
    const { project } = await createProject(world)
    const { page } = await world.openPage()
    await page.goto(
      serveHostPage(world, {
        projectId: project.id,
        attributes: 'data-theme="dark" data-accent="#e11d48"',
      }),
    )
    const widget = widgetOf(page)
    expect(await computedStyle(widget.launcher, ['background-color'])).toEqual({
      'background-color': 'rgb(225, 29, 72)',
    })
    await widget.launcher.click()
    expect(await computedStyle(widget.dialog, ['background-color'])).toEqual({
      'background-color': 'rgb(27, 31, 36)',
    })
  })

  it('keeps an accent that tries to add CSS inside its one property: the default colour stays', async () => {
    const { project } = await createProject(world)
    const { page } = await world.openPage()
    await page.goto(
      serveHostPage(world, {
        projectId: project.id,
        attributes: 'data-accent="red; background-image: linear-gradient(red, red)"',
      }),
    )
    expect(
      await computedStyle(widgetOf(page).launcher, ['background-color', 'background-image']),
    ).toEqual({ 'background-color': 'rgb(79, 70, 229)', 'background-image': 'none' })
  })

  it('speaks German on a page whose lang is de', async () => {
    const { project } = await createProject(world)
    const { page } = await world.openPage()
    await page.goto(serveHostPage(world, { projectId: project.id, lang: 'de-AT' }))
    const root = page.locator('reqio-widget')
    await root.getByRole('button', { name: 'Feedback' }).click()
    await root.getByRole('button', { name: 'Funktion vorschlagen' }).click()
    await root.getByRole('textbox', { name: 'Titel' }).waitFor()
    expect(await root.getByRole('button', { name: 'Zurück' }).count()).toBe(1)
  })
})
