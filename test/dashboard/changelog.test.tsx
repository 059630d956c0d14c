import { fireEvent, screen, waitFor, within } from '@testing-library/preact'
import { expect, it } from 'vitest'
import type {
  CreatedProjectResponse,
  PublicChangelogResponse,
  RoadmapResponse,
} from '../../src/shared/api'
import { useDashboardServer } from './helpers/dashboard-world'
import { renderSignedIn } from './helpers/render-dashboard'
import { seedBacklog } from './helpers/seed-backlog'

const server = useDashboardServer()

async function openChangelog(created: CreatedProjectResponse) {
  renderSignedIn(server, `#/projects/${created.project.id}/changelog`)
  return screen.findByRole('form', { name: 'New changelog entry' })
}

async function publicJson<T>(created: CreatedProjectResponse, path: string): Promise<T> {
  return (await (await fetch(`${server.url}/v1/projects/${created.project.id}${path}`)).json()) as T
}

function link(form: HTMLElement, search: string, title: string) {
  fireEvent.input(within(form).getByRole('searchbox', { name: 'Find a request by title' }), {
    target: { value: search },
  })
  return within(form)
    .findByRole('button', { name: `Link ${title}` })
    .then((button) => fireEvent.click(button))
}

it('previews the Markdown live, as formatted text with HTML left inert', async () => {
  const created = await seedBacklog(server)
  const form = await openChangelog(created)
  fireEvent.input(within(form).getByRole('textbox', { name: /^Body/ }), {
    target: {
      value:
        '## Faster\n\n**Dark mode** and `code` <img src=x onerror=alert(1)> [x](javascript:alert(1))',
    },
  })
  const preview = within(form).getByRole('region', { name: 'Preview' })
  expect(preview.querySelector('h5')?.textContent).toBe('Faster')
  expect(preview.querySelector('strong')?.textContent).toBe('Dark mode')
  expect(preview.querySelector('code')?.textContent).toBe('code')
  expect(preview.querySelector('img, a')).toBeNull()
})

it('saves a draft the public changelog does not show, then publishes it, closing its requests', async () => {
  const created = await seedBacklog(server)
  const form = await openChangelog(created)
  fireEvent.input(within(form).getByRole('textbox', { name: 'Title' }), {
    target: { value: 'March release' },
  })
  fireEvent.input(within(form).getByRole('textbox', { name: /^Body/ }), {
    target: { value: 'Two things shipped.' },
  })
  await link(form, 'dark', 'Dark mode')
  await link(form, 'sso', 'SSO login')
  expect(within(form).getByRole('button', { name: 'Unlink Dark mode' })).toBeTruthy()

  fireEvent.click(within(form).getByRole('button', { name: 'Save draft' }))
  expect(await screen.findByText('Saved.')).toBeTruthy()
  const list = screen.getByRole('region', { name: 'Entries' })
  await within(list).findByText('Draft')
  expect((await publicJson<PublicChangelogResponse>(created, '/changelog')).entries).toEqual([])

  const editor = await screen.findByRole('form', { name: 'Edit “March release”' })
  fireEvent.click(within(editor).getByRole('button', { name: 'Publish now' }))
  const confirm = await within(editor).findByRole('alertdialog', {
    name: 'Publish “March release”?',
  })
  // bob (SSO login) gave an email; Dark mode's three voters are anonymous.
  await within(confirm).findByText(/^1 person will be emailed/)
  expect(confirm.textContent).toContain('2 linked requests move to Done.')
  expect(confirm.textContent).toContain('3 anonymous voters cannot be told.')
  fireEvent.click(within(confirm).getByRole('button', { name: 'Publish and email 1 person' }))
  expect(await screen.findByText('Published. 2 linked requests are now Done.')).toBeTruthy()
  await within(list).findByText(/^Published /)
  const { entries } = await publicJson<PublicChangelogResponse>(created, '/changelog')
  expect(entries.map((e) => [e.title, e.requests.map((r) => r.title)])).toEqual([
    ['March release', ['Dark mode', 'SSO login']],
  ])
  const roadmap = await publicJson<RoadmapResponse>(created, '/roadmap')
  expect(roadmap.lanes[2]?.requests.map((r) => r.title).sort()).toEqual(['Dark mode', 'SSO login'])
})

it('shows the public roadmap as the widget gets it', async () => {
  const created = await seedBacklog(server)
  const backlog = (await (
    await server.adminFetch(`/v1/admin/projects/${created.project.id}/backlog?sort=new`)
  ).json()) as { requests: Array<{ id: string; title: string }> }
  const csv = backlog.requests.find((r) => r.title === 'CSV export')
  await server.adminFetch(`/v1/admin/projects/${created.project.id}/requests/${csv?.id}`, {
    method: 'PATCH',
    body: JSON.stringify({ status: 'planned' }),
  })
  renderSignedIn(server, `#/projects/${created.project.id}/roadmap`)
  const planned = await screen.findByRole('region', { name: 'Planned' })
  expect(planned.textContent).toContain('CSV export')
  const done = screen.getByRole('region', { name: 'Done' })
  expect(done.textContent).toContain('Nothing here.')
  expect(screen.getByRole('tab', { name: 'Roadmap' }).getAttribute('aria-selected')).toBe('true')
  await waitFor(() => expect(screen.getByRole('region', { name: 'In progress' })).toBeTruthy())
})

it('publishes nothing when the confirmation is cancelled, and gives focus back to Publish now', async () => {
  const created = await seedBacklog(server)
  const form = await openChangelog(created)
  fireEvent.input(within(form).getByRole('textbox', { name: 'Title' }), {
    target: { value: 'Not yet' },
  })
  await link(form, 'sso', 'SSO login')
  const publish = within(form).getByRole('button', { name: 'Publish now' })
  publish.focus()
  fireEvent.click(publish)
  const confirm = await within(form).findByRole('alertdialog', { name: 'Publish “Not yet”?' })
  await within(confirm).findByRole('button', { name: 'Publish and email 1 person' })
  fireEvent.keyDown(confirm, { key: 'Escape' })
  await waitFor(() => expect(within(form).queryByRole('alertdialog')).toBeNull())
  expect(document.activeElement).toBe(publish)
  expect((await publicJson<PublicChangelogResponse>(created, '/changelog')).entries).toEqual([])
  const entries = (await (
    await server.adminFetch(`/v1/admin/projects/${created.project.id}/changelog`)
  ).json()) as { entries: unknown[] }
  expect(entries.entries).toEqual([])
})

it('unpublishes and deletes an entry, each after its own confirmation', async () => {
  const created = await seedBacklog(server)
  const res = await server.adminFetch(`/v1/admin/projects/${created.project.id}/changelog`, {
    method: 'POST',
    body: JSON.stringify({ title: 'Winter release', body: 'Snow.', publish: true }),
  })
  expect(res.status).toBe(201)
  await openChangelog(created)
  const list = screen.getByRole('region', { name: 'Entries' })
  fireEvent.click(await within(list).findByRole('button', { name: 'Winter release' }))
  const editor = await screen.findByRole('form', { name: 'Edit “Winter release”' })

  fireEvent.click(within(editor).getByRole('button', { name: 'Unpublish' }))
  const unpublish = await within(editor).findByRole('alertdialog', {
    name: 'Unpublish “Winter release”?',
  })
  expect(unpublish.textContent).toContain('nobody is emailed')
  fireEvent.click(within(unpublish).getByRole('button', { name: 'Unpublish' }))
  await screen.findByText('Unpublished: it is a draft again, gone from What’s new.')
  await within(list).findByText('Draft')
  expect((await publicJson<PublicChangelogResponse>(created, '/changelog')).entries).toEqual([])

  fireEvent.click(within(editor).getByRole('button', { name: 'Delete' }))
  const remove = await within(editor).findByRole('alertdialog', {
    name: 'Delete “Winter release”?',
  })
  // Deleting cannot be undone: focus starts on Cancel.
  expect(document.activeElement?.textContent).toBe('Cancel')
  fireEvent.click(within(remove).getByRole('button', { name: 'Delete entry' }))
  await screen.findByText('Deleted “Winter release”.')
  await screen.findByRole('form', { name: 'New changelog entry' })
  await waitFor(() =>
    expect(within(list).queryByRole('button', { name: 'Winter release' })).toBeNull(),
  )
  const entries = (await (
    await server.adminFetch(`/v1/admin/projects/${created.project.id}/changelog`)
  ).json()) as { entries: unknown[] }
  expect(entries.entries).toEqual([])
})
