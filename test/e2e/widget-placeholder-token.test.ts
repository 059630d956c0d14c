// Bug 10 of issue 26: a site whose template left its placeholder in data-identity-token got the
// Updates tab as if someone were signed in. A placeholder, "null" or "undefined" is nobody: the
// widget runs anonymous and says why in one console line.
import type { ConsoleMessage } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { createProject, fileRequest } from './support/backend'
import { recordApiRequests } from './support/network'
import { widgetOf } from './support/widget'
import { serveHostPage, useWorld } from './support/world'

const world = useWorld()

/** As they reach the attribute (HTML-escaped where the markup needs it). */
const LEFTOVERS = {
  '{{ reqio_token }}': '{{ reqio_token }}',
  '{{reqio_token}}': '{{reqio_token}}',
  '<%= token %>': '&lt;%= token %&gt;',
  '${token}': '${token}',
  null: 'null',
  undefined: 'undefined',
}

describe('a template placeholder in data-identity-token', () => {
  it.each(Object.entries(LEFTOVERS))(
    'runs %s anonymous, without Updates, and says why once',
    async (placeholder, attribute) => {
      const { project } = await createProject(world)
      await fileRequest(world, project.id, 'Dark mode')
      const { page } = await world.openPage()
      const warnings: string[] = []
      page.on('console', (message: ConsoleMessage) => {
        if (message.text().startsWith('[Reqio]')) warnings.push(message.text())
      })
      const sent = recordApiRequests(page, world.server)
      await page.goto(serveHostPage(world, { projectId: project.id, token: attribute }))
      const widget = widgetOf(page)
      await widget.launcher.click()
      await widget.voteButton('Dark mode').waitFor()
      await widget.voteButton('Dark mode').click()
      await widget
        .voteButton('Dark mode')
        .and(widget.dialog.locator('[aria-pressed="true"]'))
        .waitFor()

      const tabs = await widget.dialog.getByRole('tab').allInnerTexts()
      expect(tabs).toEqual(['Requests', 'Roadmap', 'What’s new'])
      await sent.settled()
      expect(sent.filter((r) => r.headers.authorization)).toEqual([])
      expect(sent.filter((r) => r.url.endsWith('/identify'))).toEqual([])
      expect(warnings).toEqual([
        `[Reqio] The identity token is "${placeholder}", a template placeholder left unfilled: the widget stays anonymous. Print the signed token there, or leave the attribute out for anonymous visitors.`,
      ])
    },
  )
})
