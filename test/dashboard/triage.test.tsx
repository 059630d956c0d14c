// Issue 19 in the dashboard: who submitted each request, search and filters, CSV export,
// a merge that says what moves and can be undone, a visible "Saved", and the drawer's focus.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact'
import { parse } from 'csv-parse/sync'
import { afterEach, expect, it, vi } from 'vitest'
import type { CreatedProjectResponse } from '../../src/shared/api'
import { useDashboardServer } from './helpers/dashboard-world'
import { renderSignedIn, renderSignedInAt } from './helpers/render-dashboard'
import { seedBacklog } from './helpers/seed-backlog'

const server = useDashboardServer()

afterEach(() => vi.restoreAllMocks())

async function openBacklog(created: CreatedProjectResponse) {
  renderSignedIn(server, `#/projects/${created.project.id}/backlog`)
  return screen.findByRole('table', { name: 'Backlog' })
}

/** The titles' buttons: on a phone the row header also holds a line of the row's facts. */
function rowTitles(table: HTMLElement): string[] {
  return within(table)
    .getAllByRole('rowheader')
    .map((cell) => cell.querySelector('button')?.textContent ?? '')
}

function cellsOf(table: HTMLElement, title: string): string[] {
  const row = within(table).getByRole('rowheader', { name: title }).closest('tr') as HTMLElement
  return (
    within(row)
      .getAllByRole('cell')
      // The tick box for bulk actions (tags, delete) is not one of the request's facts.
      .filter((cell) => !cell.classList.contains('select'))
      .map((cell) => cell.textContent ?? '')
  )
}

it('says who submitted each request, in the table and in the drawer', async () => {
  const table = await openBacklog(await seedBacklog(server))
  expect(cellsOf(table, 'CSV export').at(-1)).toBe('alice@acme.test (pro) · $49.00/mo')
  expect(cellsOf(table, 'Dark mode').at(-1)).toBe('Anonymous')
  fireEvent.click(within(table).getByRole('button', { name: 'SSO login' }))
  const drawer = screen.getByRole('dialog', { name: 'Request: SSO login' })
  expect(drawer.textContent).toContain('Submitted by bob@acme.test (team), $99.00 MRR')
})

it('searches titles and filters by status and by paying customers', async () => {
  const table = await openBacklog(await seedBacklog(server))
  fireEvent.input(screen.getByLabelText('Search titles'), { target: { value: 'csv' } })
  await waitFor(() => expect(rowTitles(table).sort()).toEqual(['CSV export', 'Export to CSV']))
  fireEvent.input(screen.getByLabelText('Search titles'), { target: { value: '' } })
  await waitFor(() => expect(rowTitles(table)).toHaveLength(4))

  fireEvent.click(screen.getByLabelText('Submitted by paying customers'))
  await waitFor(() => expect(rowTitles(table)).not.toContain('Dark mode'))
  expect(rowTitles(table)).toHaveLength(3)

  fireEvent.click(within(table).getByRole('button', { name: 'SSO login' }))
  const drawer = screen.getByRole('dialog', { name: 'Request: SSO login' })
  fireEvent.change(within(drawer).getByLabelText('Status'), { target: { value: 'planned' } })
  fireEvent.click(within(drawer).getByRole('button', { name: 'Save and tell people' }))
  await within(drawer).findByText('Status saved.')
  fireEvent.change(screen.getByLabelText('Filter by status'), { target: { value: 'planned' } })
  await waitFor(() => expect(rowTitles(table)).toEqual(['SSO login']))
  fireEvent.change(screen.getByLabelText('Filter by status'), {
    target: { value: 'done' },
  })
  await screen.findByText('No request matches these filters.')
})

it('shows "Saved" after a title save', async () => {
  const table = await openBacklog(await seedBacklog(server))
  fireEvent.click(within(table).getByRole('button', { name: 'Dark mode' }))
  const drawer = screen.getByRole('dialog', { name: 'Request: Dark mode' })
  fireEvent.input(within(drawer).getByLabelText('Title'), { target: { value: 'Dark theme' } })
  fireEvent.click(within(drawer).getByRole('button', { name: 'Save title' }))
  await within(table).findByRole('rowheader', { name: 'Dark theme' })
  await screen.findByText('Title saved.')
})

it('confirms what a merge moves, and undo gives back the votes and revenue', async () => {
  const table = await openBacklog(await seedBacklog(server))
  const before = cellsOf(table, 'CSV export')
  fireEvent.click(within(table).getByRole('button', { name: 'Export to CSV' }))
  const drawer = screen.getByRole('dialog', { name: 'Request: Export to CSV' })
  fireEvent.input(within(drawer).getByLabelText('Find the request to keep'), {
    target: { value: 'sso' },
  })
  const matches = within(drawer).getByRole('list', { name: 'Requests to merge into' })
  expect(
    within(matches)
      .getAllByRole('button')
      .map((b) => b.textContent),
  ).toEqual(['SSO login'])
  fireEvent.input(within(drawer).getByLabelText('Find the request to keep'), {
    target: { value: 'csv' },
  })
  fireEvent.click(within(drawer).getByRole('button', { name: 'CSV export' }))
  expect(drawer.textContent).toContain('2 votes, 0 comments, $148.00 MRR move into “CSV export”')
  // Nothing moved before the confirm.
  expect(rowTitles(table)).toContain('Export to CSV')
  fireEvent.click(within(drawer).getByRole('button', { name: 'Merge into “CSV export”' }))

  await screen.findByText('Merged “Export to CSV” into “CSV export”.')
  await waitFor(() => expect(rowTitles(table)).not.toContain('Export to CSV'))
  expect(cellsOf(table, 'CSV export').slice(0, 4)).toEqual(['$148.00', '—', '3', '3'])

  fireEvent.click(screen.getByRole('button', { name: 'Undo merge' }))
  await screen.findByText('Undone: “Export to CSV” stands on its own again.')
  await waitFor(() => expect(rowTitles(table)).toContain('Export to CSV'))
  expect(cellsOf(table, 'CSV export')).toEqual(before)
  expect(cellsOf(table, 'Export to CSV').slice(0, 4)).toEqual(['$148.00', '—', '2', '2'])
})

it('exports the filtered backlog as a CSV file a parser reads', async () => {
  const table = await openBacklog(await seedBacklog(server))
  let saved: Blob | undefined
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    saved = blob as Blob
    return 'blob:reqio-test'
  })
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
  fireEvent.input(screen.getByLabelText('Search titles'), { target: { value: 'csv' } })
  await waitFor(() => expect(rowTitles(table)).toHaveLength(2))
  fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }))
  await screen.findByText('Exported the backlog as CSV.')
  const records = parse(await (saved as Blob).text(), { columns: true }) as Record<string, string>[]
  expect(records.map((r) => r.title).sort()).toEqual(['CSV export', 'Export to CSV'])
  expect(records.find((r) => r.title === 'CSV export')).toMatchObject({
    author_email: 'alice@acme.test',
    mrr_usd: '49.00',
  })
})

it('moves focus into the drawer, and back to the row on Close or Escape', async () => {
  const table = await openBacklog(await seedBacklog(server))
  const row = within(table).getByRole('button', { name: 'SSO login' })
  row.focus()
  fireEvent.click(row)
  const drawer = screen.getByRole('dialog', { name: 'Request: SSO login' })
  await waitFor(() =>
    expect(document.activeElement).toBe(within(drawer).getByRole('heading', { level: 2 })),
  )
  fireEvent.click(within(drawer).getByRole('button', { name: 'Close' }))
  await waitFor(() => expect(document.activeElement).toBe(row))

  fireEvent.click(row)
  const again = screen.getByRole('dialog', { name: 'Request: SSO login' })
  fireEvent.keyDown(within(again).getByLabelText('Title'), { key: 'Escape' })
  await waitFor(() => expect(screen.queryByRole('dialog', { name: /^Request:/ })).toBeNull())
  await waitFor(() => expect(document.activeElement).toBe(row))
})

it('puts the open request in the URL as a path, and opens it from that shared link', async () => {
  const created = await seedBacklog(server)
  const id = created.project.id
  const table = await openBacklog(created)
  fireEvent.click(within(table).getByRole('button', { name: 'SSO login' }))
  const link = location.pathname
  expect(link).toMatch(new RegExp(`^/dashboard/p/${id}/requests/r_[\\w-]+$`))
  expect(location.hash).toBe('')
  fireEvent.click(screen.getByRole('button', { name: 'Close' }))
  expect(`${location.pathname}${location.hash}`).toBe(`/dashboard/#/projects/${id}/backlog`)
  cleanup()

  renderSignedInAt(server, link)
  const drawer = await screen.findByRole('dialog', { name: 'Request: SSO login' })
  expect(screen.getByRole('tab', { selected: true }).textContent).toBe('Backlog')
  // Another tab, then Back: the drawer's path again, and the drawer with it.
  fireEvent.click(screen.getByRole('tab', { name: 'Install' }))
  expect(`${location.pathname}${location.hash}`).toBe(`/dashboard/#/projects/${id}/install`)
  expect(drawer.isConnected).toBe(false)
  history.back()
  await screen.findByRole('dialog', { name: 'Request: SSO login' })
  expect(location.pathname).toBe(link)
})

it('copies the link to the open request from the drawer', async () => {
  const created = await seedBacklog(server)
  const table = await openBacklog(created)
  const copied: string[] = []
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: { writeText: async (text: string) => void copied.push(text) },
  })
  fireEvent.click(within(table).getByRole('button', { name: 'SSO login' }))
  const drawer = screen.getByRole('dialog', { name: 'Request: SSO login' })
  fireEvent.click(within(drawer).getByRole('button', { name: 'Copy link to this request' }))
  await within(drawer).findByRole('button', { name: 'Copied link to this request' })
  expect(copied).toEqual([`${server.url}${location.pathname}`])
  expect(copied[0]).toMatch(/\/dashboard\/p\/[\w-]+\/requests\/r_[\w-]+$/)
})

it('still opens the older hash link, and shows it as the path', async () => {
  const created = await seedBacklog(server)
  const table = await openBacklog(created)
  fireEvent.click(within(table).getByRole('button', { name: 'Dark mode' }))
  const path = location.pathname
  const requestId = path.split('/').at(-1)
  cleanup()

  history.replaceState(null, '', '/dashboard/')
  renderSignedIn(server, `#/projects/${created.project.id}/requests/${requestId}`)
  await screen.findByRole('dialog', { name: 'Request: Dark mode' })
  expect(`${location.pathname}${location.hash}`).toBe(path)
})
