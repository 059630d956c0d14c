// The "Webhooks & mail" page for the e2e files that test it: a signed-in owner on it, and the
// axe-core scan (support/axe.ts) under the name these files import it by.
import type { Page } from 'playwright-core'
import { createOwnerThroughApi as createOwnerAs, signedInPage } from './dashboard'
import type { World } from './world'

export { seriousViolations } from './axe'

export const OWNER = {
  email: 'olive@example.com',
  name: 'Olive',
  password: 'correct horse battery',
}

/** The owner account, made once per file through the API (what these tests test comes after). */
export const createOwnerThroughApi = (world: World): Promise<void> => createOwnerAs(world, OWNER)

/**
 * A page signed in as the owner on the project's "Webhooks & mail" page, through its old hash
 * link (which the settings area keeps working). axe is injected as a script: the context lets it
 * past the dashboard's strict CSP. The page may read what it copies.
 */
export async function openNotificationsPage(
  world: World,
  projectId: string,
  viewport = { width: 1280, height: 900 },
): Promise<Page> {
  const page = await signedInPage(world, OWNER, {
    viewport,
    bypassCSP: true,
    permissions: ['clipboard-read', 'clipboard-write'],
  })
  await page.goto(`${world.server.url}/dashboard/#/projects/${projectId}/notifications`)
  await page.getByRole('heading', { name: 'Webhooks', exact: true }).waitFor()
  return page
}

/**
 * What in the section reaches past the viewport's right edge, as `tag.class (right px)`; what
 * scrolls inside its own box (a wide table, a code block) does not count: it does not move the page.
 */
export async function pastTheRightEdge(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluate((section) => {
    const edge = document.documentElement.clientWidth + 0.5
    const insideScrollBox = (element: Element) => {
      for (
        let up = element.parentElement;
        up && up !== section.parentElement;
        up = up.parentElement
      )
        if (getComputedStyle(up).overflowX !== 'visible') return true
      return false
    }
    return [section, ...section.querySelectorAll('*')]
      .filter((element) => !insideScrollBox(element))
      .filter((element) => element.getBoundingClientRect().right > edge)
      .map(
        (element) =>
          `${element.tagName.toLowerCase()}.${element.className} (${Math.round(element.getBoundingClientRect().right)} px)`,
      )
  })
}
