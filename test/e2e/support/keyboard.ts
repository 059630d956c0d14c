// Moving through a page the way a keyboard user does: Tab and Shift+Tab only, with the target
// named by a locator so the test asserts where focus landed, never puts it there.
import type { Locator, Page } from 'playwright-core'

/** True while `target` is the focused element. */
export function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate((element) => element === document.activeElement)
}

/** What has focus now, for a failure message: tag, name and text. */
function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement
    if (!element) return 'nothing'
    const name = element.getAttribute('aria-label') ?? element.getAttribute('id') ?? ''
    return `<${element.tagName.toLowerCase()}> ${name} "${(element.textContent ?? '').slice(0, 40)}"`
  })
}

/**
 * Presses Tab (or Shift+Tab) until `target` has focus; fails after `most` presses, naming
 * where focus went instead, so a control left out of the tab order fails the test.
 */
export async function tabTo(
  page: Page,
  target: Locator,
  { most = 60, backwards = false }: { most?: number; backwards?: boolean } = {},
): Promise<void> {
  await target.waitFor()
  for (let press = 0; press < most; press++) {
    if (await isFocused(target)) return
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab')
  }
  if (await isFocused(target)) return
  throw new Error(`Tab never reached ${target}; focus is on ${await describeFocus(page)}`)
}
