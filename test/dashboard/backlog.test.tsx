import { fireEvent, screen, waitFor, within } from '@testing-library/preact'
import { expect, it } from 'vitest'
import type { BacklogRequest, CreatedProjectResponse } from '../../src/shared/api'
import { useDashboardServer } from './helpers/dashboard-world'
import { renderSignedIn } from './helpers/render-dashboard'
import { seedBacklog } from './helpers/seed-backlog'

const server = useDashboardServer()

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

function rowOf(table: HTMLElement, title: string): string[] {
  const header = within(table).getByRole('rowheader', { name: title })
  const row = header.closest('tr') as HTMLElement
  return (
    within(row)
      .getAllByRole('cell')
      // The tick box for bulk actions (tags, delete) is not one of the request's facts.
      .filter((cell) => !cell.classList.contains('select'))
      .map((cell) => cell.textContent ?? '')
  )
}

async function backlogFromApi(created: CreatedProjectResponse): Promise<BacklogRequest[]> {
  const response = await server.adminFetch(
    `/v1/admin/projects/${created.project.id}/backlog?sort=new`,
  )
  return ((await response.json()) as { requests: BacklogRequest[] }).requests
}

it('ranks by revenue first and shows MRR, accounts, votes and status per row', async () => {
  const created = await seedBacklog(server)
  const table = await openBacklog(created)

  expect(rowTitles(table)).toEqual(['Export to CSV', 'SSO login', 'CSV export', 'Dark mode'])
  expect(rowOf(table, 'Export to CSV')).toEqual([
    '$148.00',
    '—',
    '2',
    '2',
    'Open',
    '0',
    'bob@acme.test (team) · $99.00/mo',
  ])
  expect(rowOf(table, 'Dark mode')).toEqual(['$0.00', '—', '0', '3', 'Open', '0', 'Anonymous'])
  const chart = screen.getByRole('img', { name: 'Monthly revenue per top request' })
  expect(chart.textContent).toContain('Export to CSV')
  expect(chart.textContent).toContain('$148.00')
  expect(chart.textContent).not.toContain('Dark mode')
})

it('re-ranks by votes and by newest', async () => {
  const created = await seedBacklog(server)
  const table = await openBacklog(created)

  fireEvent.click(screen.getByRole('button', { name: 'Votes' }))
  await waitFor(() => expect(rowTitles(table)[0]).toBe('Dark mode'))
  expect(screen.getByRole('button', { name: 'Votes' }).getAttribute('aria-pressed')).toBe('true')

  fireEvent.click(screen.getByRole('button', { name: 'Newest' }))
  await waitFor(() =>
    expect(rowTitles(table)).toEqual(['Export to CSV', 'CSV export', 'SSO login', 'Dark mode']),
  )
})

it('opens a request to show its voters, and saves a new status and title', async () => {
  const created = await seedBacklog(server)
  const table = await openBacklog(created)
  fireEvent.click(within(table).getByRole('button', { name: 'CSV export' }))

  const detail = screen.getByRole('dialog', { name: 'Request: CSV export' })
  const voters = within(detail)
    .getAllByRole('row')
    .map((row) => row.textContent)
  expect(voters).toContain('alicealice@acme.testpro$49.00')
  expect(voters).toContain('carolcarol@acme.test—$0.00')

  fireEvent.change(within(detail).getByLabelText('Status'), { target: { value: 'planned' } })
  fireEvent.click(within(detail).getByRole('button', { name: 'Save and tell people' }))
  await waitFor(() => expect(rowOf(table, 'CSV export')[4]).toBe('Planned'))

  fireEvent.input(within(detail).getByLabelText('Title'), {
    target: { value: 'CSV export of events' },
  })
  fireEvent.click(within(detail).getByRole('button', { name: 'Save title' }))
  await within(table).findByRole('rowheader', { name: 'CSV export of events' })

  const stored = (await backlogFromApi(created)).find(
    (request) => request.title === 'CSV export of events',
  )
  expect(stored?.status).toBe('planned')
})

it('merges a duplicate into another: its votes move and nobody is counted twice', async () => {
  const created = await seedBacklog(server)
  const table = await openBacklog(created)
  fireEvent.click(within(table).getByRole('button', { name: 'Export to CSV' }))

  const detail = screen.getByRole('dialog', { name: 'Request: Export to CSV' })
  fireEvent.input(within(detail).getByLabelText('Find the request to keep'), {
    target: { value: 'csv' },
  })
  fireEvent.click(within(detail).getByRole('button', { name: 'CSV export' }))
  fireEvent.click(within(detail).getByRole('button', { name: 'Merge into “CSV export”' }))

  await waitFor(() => expect(rowTitles(table)).not.toContain('Export to CSV'))
  // alice voted for both: three people, not four; bob's 99.00 joins alice's 49.00.
  expect(rowOf(table, 'CSV export').slice(0, 6)).toEqual(['$148.00', '—', '3', '3', 'Open', '0'])
  expect(rowTitles(table)[0]).toBe('CSV export')
  await screen.findByRole('dialog', { name: 'Request: CSV export' })
})
