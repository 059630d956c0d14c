// Bug 1 of issue 26: the built widget.js once showed the raw word "reply" on an update, because
// the bundle renamed the key its sentence sits under. Every update kind, in English and French,
// as a person reads it in Chromium.
import { describe, expect, it } from 'vitest'
import type { CreatedProjectResponse } from '../../src/shared/api'
import { createProject, fileRequest, tokenFor } from './support/backend'
import { serveHostPage, useWorld } from './support/world'

const world = useWorld()

/** Three requests of Ann's, one per update kind: a status change, a team reply, a shipping. */
async function annWithOneUpdateOfEachKind(created: CreatedProjectResponse) {
  const projectId = created.project.id
  const token = await tokenFor(created, { sub: 'ann', email: 'ann@example.com' })
  const admin = (path: string, method: string, body: unknown) =>
    world.server.adminFetch(`/v1/admin/projects/${projectId}${path}`, {
      method,
      body: JSON.stringify(body),
    })
  const moved = await fileRequest(world, projectId, 'Moved along', token)
  const answered = await fileRequest(world, projectId, 'Answered', token)
  const shipped = await fileRequest(world, projectId, 'Shipped it', token)
  expect((await admin(`/requests/${moved.id}`, 'PATCH', { status: 'planned' })).status).toBe(200)
  expect(
    (await admin(`/requests/${answered.id}/comments`, 'POST', { body: 'On it.' })).status,
  ).toBe(201)
  const entry = { title: 'Out now', body: 'Done.', requestIds: [shipped.id], publish: true }
  expect((await admin('/changelog', 'POST', entry)).status).toBe(201)
  await world.server.drainJobs()
  return token
}

const SENTENCES = {
  en: { status: 'Status changed', reply: 'The team replied', shipped: 'Shipped' },
  fr: { status: 'Statut modifié', reply: 'L’équipe a répondu', shipped: 'Livré' },
}

describe('the Updates view of the built widget.js', () => {
  it.each(Object.entries(SENTENCES))(
    'shows every update kind as its sentence (%s), never the raw kind',
    async (lang, sentence) => {
      const created = await createProject(world)
      const token = await annWithOneUpdateOfEachKind(created)
      const { page } = await world.openPage()
      await page.goto(serveHostPage(world, { projectId: created.project.id, token, lang }))
      const root = page.locator('reqio-widget')
      await root.getByRole('button', { name: /^Feedback/ }).click()
      const dialog = root.getByRole('dialog')
      await dialog.getByRole('tab', { name: lang === 'fr' ? 'Mises à jour' : 'Updates' }).click()
      const rows = dialog.getByRole('tabpanel').getByRole('listitem')
      await rows.filter({ hasText: 'Shipped it' }).waitFor()
      const kindOf = async (title: string) =>
        (await rows.filter({ hasText: title }).locator('.badge').first().innerText()).trim()
      expect({
        status: await kindOf('Moved along'),
        reply: await kindOf('Answered'),
        shipped: await kindOf('Shipped it'),
      }).toEqual(sentence)
    },
  )
})
