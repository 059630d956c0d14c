// Issue 26's leftovers, in the built widget.js in Chromium: a comment whose author has no name
// (the wire says "Customer" or "Visitor") is named in the widget's language, and each row of
// Updates says the day it moved, in that language's date format. Screenshots:
// widget-updates-dated-<lang>.png and widget-neutral-names-<lang>.png.
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { CreatedProjectResponse } from '../../src/shared/api'
import { createProject, fileRequest, tokenFor } from './support/backend'
import { SCREENSHOT_DIR, serveHostPage, useWorld } from './support/world'

const world = useWorld()

/** A request of Ann's (no name claim) with her comment, an anonymous one, and a team reply. */
async function threadWithNamelessAuthors(created: CreatedProjectResponse) {
  const projectId = created.project.id
  const admin = (path: string, method: string, body: unknown) =>
    world.server.adminFetch(`/v1/admin/projects/${projectId}${path}`, {
      method,
      body: JSON.stringify(body),
    })
  expect((await admin('', 'PATCH', { settings: { allowAnonymousComments: true } })).status).toBe(
    200,
  )
  const ann = await tokenFor(created, { sub: 'ann', email: 'ann@example.com' })
  const request = await fileRequest(world, projectId, 'Calendar sync', ann)
  const comment = async (body: string, headers: Record<string, string>) => {
    const res = await fetch(
      `${world.server.url}/v1/projects/${projectId}/requests/${request.id}/comments`,
      {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'Idempotency-Key': randomUUID(),
          ...headers,
        },
        body: JSON.stringify({ body }),
      },
    )
    expect(res.status).toBe(201)
  }
  const bob = await tokenFor(created, { sub: 'bob', email: 'bob@example.com' })
  await comment('Same here, with Outlook.', { Authorization: `Bearer ${bob}` })
  await comment('And Google Calendar please.', { 'X-Reqio-Anonymous-Id': randomUUID() })
  expect((await admin(`/requests/${request.id}/comments`, 'POST', { body: 'On it.' })).status).toBe(
    201,
  )
  await world.server.drainJobs()
  return { ann, requestId: request.id }
}

const LANGUAGES = {
  en: { updates: 'Updates', customer: 'Customer', visitor: 'Visitor' },
  fr: { updates: 'Mises à jour', customer: 'Client', visitor: 'Visiteur' },
  de: { updates: 'Updates', customer: 'Kunde', visitor: 'Besucher' },
}

describe('nameless authors and update days in the built widget.js', () => {
  it.each(Object.entries(LANGUAGES))(
    'names nameless authors and dates each update in the widget’s language (%s)',
    async (lang, words) => {
      const created = await createProject(world)
      const { ann } = await threadWithNamelessAuthors(created)
      const { page } = await world.openPage()
      await page.goto(serveHostPage(world, { projectId: created.project.id, token: ann, lang }))
      const root = page.locator('reqio-widget')
      await root.getByRole('button', { name: /^Feedback/ }).click()
      const dialog = root.getByRole('dialog')

      // Updates: the team's reply on Ann's request, with the day in this language's format.
      await dialog.getByRole('tab', { name: words.updates }).click()
      const row = dialog
        .getByRole('tabpanel')
        .getByRole('listitem')
        .filter({ hasText: 'Calendar sync' })
        .first()
      const day = row.locator('time')
      await day.waitFor()
      const at = (await day.getAttribute('datetime')) ?? ''
      expect(await day.innerText()).toBe(
        new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(new Date(at)),
      )
      await page.screenshot({ path: join(SCREENSHOT_DIR, `widget-updates-dated-${lang}.png`) })

      // The thread: Bob and the anonymous visitor under neutral names in this language.
      await row.getByRole('button', { name: 'Calendar sync' }).click()
      const thread = dialog.locator('li.c')
      await thread.filter({ hasText: 'Same here' }).waitFor()
      const whoWrote = async (text: string) =>
        (await thread.filter({ hasText: text }).locator('.who b').innerText()).trim()
      expect({
        customer: await whoWrote('Same here, with Outlook.'),
        visitor: await whoWrote('And Google Calendar please.'),
      }).toEqual({ customer: words.customer, visitor: words.visitor })
      await page.screenshot({ path: join(SCREENSHOT_DIR, `widget-neutral-names-${lang}.png`) })
    },
  )
})
