// Issue 19, onboarding: every way into a project lands on Install (its home, with the
// checklist), never on Identity; a new project's secret waits for Identity, shown once there.
import { fireEvent, screen, waitFor } from '@testing-library/preact'
import { expect, it } from 'vitest'
import { useDashboardServer } from './helpers/dashboard-world'
import { codeBlockText, renderSignedIn } from './helpers/render-dashboard'

const server = useDashboardServer()

async function selectedTab(): Promise<string> {
  await screen.findByRole('tablist', { name: 'Project sections' })
  return screen.getByRole('tab', { selected: true }).textContent ?? ''
}

it('opens a newly created project on Install, its secret kept for Identity', async () => {
  renderSignedIn(server)
  fireEvent.input(await screen.findByLabelText('New project name'), {
    target: { value: 'Landing Co' },
  })
  fireEvent.click(screen.getByRole('button', { name: 'Create project' }))

  expect(await selectedTab()).toBe('Install')
  expect(location.hash).toMatch(/^#\/projects\/landing-co-[0-9a-f]+\/install$/)
  await screen.findByRole('list', { name: 'Your first hour' })
  expect(screen.queryByRole('region', { name: 'New signing secret' })).toBeNull()
  expect(screen.getByText(/signing secret is waiting there/)).toBeTruthy()
  // A keyboard goes on from the project's name, not from the top of the page.
  await waitFor(() =>
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1 })),
  )

  fireEvent.click(screen.getByRole('button', { name: 'Set up identity' }))
  await screen.findByRole('region', { name: 'New signing secret' })
  await waitFor(() =>
    expect(document.activeElement).toBe(screen.getByRole('link', { name: 'Identity' })),
  )
  expect(codeBlockText('Signing secret').length).toBeGreaterThanOrEqual(32)
})

it('opens a project from the list on Install', async () => {
  const { project } = await server.createProject('Listed Co')
  renderSignedIn(server)
  fireEvent.click(await screen.findByRole('button', { name: 'Listed Co' }))
  expect(await selectedTab()).toBe('Install')
  expect(location.hash).toBe(`#/projects/${project.id}/install`)
  expect(screen.queryByText(/signing secret is waiting there/)).toBeNull()
})

it('opens a project link without a tab, or with an unknown one, on Install', async () => {
  const { project } = await server.createProject('Linked Co')
  for (const hash of [`#/projects/${project.id}`, `#/projects/${project.id}/nothing`]) {
    const view = renderSignedIn(server, hash)
    await waitFor(async () => expect(await selectedTab()).toBe('Install'))
    view.unmount()
  }
})
