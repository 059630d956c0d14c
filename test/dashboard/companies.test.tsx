import { fireEvent, screen, waitFor, within } from '@testing-library/preact'
import { expect, it } from 'vitest'
import type { CreatedProjectResponse } from '../../src/shared/api'
import { mintToken } from '../helpers/tokens'
import { useDashboardServer } from './helpers/dashboard-world'
import { renderSignedIn } from './helpers/render-dashboard'
import { visitor } from './helpers/visitor'

const server = useDashboardServer()

/**
 *   SSO login   ann, ben, cy of Globex ($49.00/mo, counted once) + solo ($9.00)   $58
 *   CSV export  solo                                                               $9
 */
async function seedCompanies(): Promise<CreatedProjectResponse> {
  const created = await server.createProject('Accounts Co')
  const { id, audience } = created.project
  const person = async (sub: string, claims: object) =>
    visitor(
      server,
      id,
      await mintToken(created.secret, {
        sub,
        aud: audience,
        email: `${sub}@globex.test`,
        ...claims,
      }),
    )
  const globex = { company: { id: 'globex', name: 'Globex' } }
  const pro = { traits: { plan: 'pro', amount: 4900, interval: 'month' } }
  const people = [
    await person('ann', { ...pro, ...globex }),
    await person('ben', { ...pro, ...globex }),
    await person('cy', { ...pro, ...globex }),
  ]
  const solo = await person('solo', { traits: { plan: 'starter', amount: 900, interval: 'month' } })
  const sso = await solo.submit('SSO login')
  for (const someone of [...people, solo]) await someone.vote(sso)
  const csv = await solo.submit('CSV export')
  await solo.vote(csv)
  return created
}

function cells(table: HTMLElement, rowName: string): string[] {
  const row = within(table).getByRole('rowheader', { name: rowName }).closest('tr') as HTMLElement
  return (
    within(row)
      .getAllByRole('cell')
      // The tick box for bulk actions (tags, delete) is not one of the request's facts.
      .filter((cell) => !cell.classList.contains('select'))
      .map((cell) => cell.textContent ?? '')
  )
}

it('counts a company once in the backlog and groups its people under it in the drawer', async () => {
  const created = await seedCompanies()
  renderSignedIn(server, `#/projects/${created.project.id}/backlog`)
  const table = await screen.findByRole('table', { name: 'Backlog' })
  expect(cells(table, 'SSO login').slice(0, 5)).toEqual(['$58.00', '—', '2', '4', 'Open'])

  fireEvent.click(within(table).getByRole('button', { name: 'SSO login' }))
  const detail = screen.getByRole('dialog', { name: 'Request: SSO login' })
  const rows = within(detail)
    .getByRole('table', { name: 'Voters by account' })
    .querySelectorAll('tbody tr')
  expect([...rows].map((row) => row.textContent)).toEqual([
    'Globex (3 people, counted once)$49.00',
    '↳ annann@globex.testproincluded',
    '↳ benben@globex.testproincluded',
    '↳ cycy@globex.testproincluded',
    'solosolo@globex.teststarter$9.00',
  ])
})

it('ranks companies by MRR or by requests and opens one to show its requests', async () => {
  const created = await seedCompanies()
  renderSignedIn(server, `#/projects/${created.project.id}/companies`)
  const table = await screen.findByRole('table', { name: 'Companies' })
  expect(cells(table, 'Globex')).toEqual([
    'pro',
    expect.stringMatching(/^\$49\.00 from token, as of /),
    '3',
    '1',
  ])

  fireEvent.click(screen.getByRole('button', { name: 'Requests' }))
  await waitFor(() =>
    expect(screen.getByRole('button', { name: 'Requests' }).getAttribute('aria-pressed')).toBe(
      'true',
    ),
  )
  fireEvent.click(within(table).getByRole('button', { name: 'Globex' }))
  const detail = await screen.findByRole('region', { name: 'Company: Globex' })
  const requests = await within(detail).findByRole('table', { name: 'Requests of Globex' })
  expect(cells(requests, 'SSO login')).toEqual(['3', '$58.00', 'Open'])
})
