import { fireEvent, screen, waitFor, within } from '@testing-library/preact'
import { describe, expect, it } from 'vitest'
import {
  attachmentIdsInBody,
  insertAt,
  markdownImage,
} from '../../../src/dashboard/changelog/entry-images'
import type { CreatedProjectResponse, PublicChangelogResponse } from '../../../src/shared/api'
import { useDashboardServer } from '../helpers/dashboard-world'
import { renderSignedIn } from '../helpers/render-dashboard'
import { seedBacklog } from '../helpers/seed-backlog'

const server = useDashboardServer()

/** A 1×1 PNG. */
const TINY_PNG = Uint8Array.from(
  atob(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  ),
  (char) => char.charCodeAt(0),
)

async function openChangelog(created: CreatedProjectResponse) {
  renderSignedIn(server, `#/projects/${created.project.id}/changelog`)
  return screen.findByRole('form', { name: 'New changelog entry' })
}

describe('the images of a changelog entry', () => {
  it('finds the project’s attachments a body shows, in order, once each', () => {
    const body = [
      '![a](/v1/projects/p1/attachments/att_one)',
      'text ![b](https://reqio.example/v1/projects/p1/attachments/att_two)',
      '![again](/v1/projects/p1/attachments/att_one)',
      '![other project](/v1/projects/p2/attachments/att_three)',
      '![elsewhere](https://cdn.example/cat.png)',
    ].join('\n')
    expect(attachmentIdsInBody(body, 'p1')).toEqual(['att_one', 'att_two'])
  })

  it('writes an uploaded image as Markdown on a line of its own where the caret is', () => {
    expect(markdownImage('Screen [1].png', '/v1/x')).toBe('![Screen 1](/v1/x)')
    expect(insertAt('ab', '![i](/u)', { start: 1, end: 1 })).toEqual({
      body: 'a\n![i](/u)\nb',
      caret: 11,
    })
  })

  it('uploads an image from the button, previews it and saves it attached to the entry', async () => {
    const created = await seedBacklog(server)
    const form = await openChangelog(created)
    fireEvent.input(within(form).getByRole('textbox', { name: 'Title' }), {
      target: { value: 'With a picture' },
    })
    const picker = form.querySelector<HTMLInputElement>('input[type="file"]')
    if (!picker) throw new Error('no file input')
    const file = new File([TINY_PNG], 'chart.png', { type: 'image/png' })
    fireEvent.change(picker, { target: { files: [file] } })

    const body = within(form).getByRole<HTMLTextAreaElement>('textbox', { name: /^Body/ })
    await waitFor(() =>
      expect(body.value).toMatch(/!\[chart\]\(\/v1\/projects\/[^/]+\/attachments\/att_[\w-]+\)/),
    )
    const preview = within(form).getByRole('region', { name: 'Preview' })
    const image = await within(preview).findByRole('img', { name: 'chart' })
    expect(image.getAttribute('src')).toMatch(
      new RegExp(`^/v1/projects/${created.project.id}/attachments/att_`),
    )

    fireEvent.click(within(form).getByRole('button', { name: 'Publish now' }))
    const confirm = await within(form).findByRole('alertdialog', {
      name: 'Publish “With a picture”?',
    })
    const yes = await within(confirm).findByRole<HTMLButtonElement>('button', { name: /^Publish/ })
    // Enabled once it has counted who will hear.
    await waitFor(() => expect(yes.disabled).toBe(false))
    fireEvent.click(yes)
    expect(await screen.findByText(/^Published\./)).toBeTruthy()
    await waitFor(
      async () => {
        const published = (await (
          await fetch(`${server.url}/v1/projects/${created.project.id}/changelog`)
        ).json()) as PublicChangelogResponse
        expect(published.entries[0]?.attachments).toHaveLength(1)
      },
      { timeout: 5000 },
    )
  })
})
