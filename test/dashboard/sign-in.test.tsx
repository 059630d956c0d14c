import { fireEvent, render, screen } from '@testing-library/preact'
import { expect, it } from 'vitest'
import { App } from '../../src/dashboard/app'
import { useDashboardServer } from './helpers/dashboard-world'

const server = useDashboardServer()

function signIn(adminToken: string) {
  fireEvent.input(screen.getByLabelText('Admin token'), { target: { value: adminToken } })
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }))
}

it('refuses an admin token the server does not accept, in plain words', async () => {
  render(<App />)
  signIn('not-the-token')
  expect((await screen.findByRole('alert')).textContent).toContain(
    'That admin token was not accepted',
  )
  expect(sessionStorage.length).toBe(0)
})

it('signs in with the admin token, keeps it in sessionStorage only, and lists projects', async () => {
  await server.createProject('Initech')
  render(<App />)
  signIn(server.adminToken)

  await screen.findByRole('button', { name: 'Initech' })
  expect(Object.values({ ...sessionStorage })).toContain(server.adminToken)
  expect(JSON.stringify({ ...localStorage })).not.toContain(server.adminToken)
  expect(location.href).not.toContain(server.adminToken)
})

it('creates a project and opens its Identity settings', async () => {
  render(<App />)
  signIn(server.adminToken)
  fireEvent.input(await screen.findByLabelText('New project name'), { target: { value: 'Globex' } })
  fireEvent.click(screen.getByRole('button', { name: 'Create project' }))

  await screen.findByRole('tab', { name: 'Settings › Identity', selected: true })
  expect(screen.getByRole('heading', { name: '1. Choose your stack' })).toBeTruthy()
  expect(location.hash).toMatch(/^#\/projects\/[^/]+\/identity$/)
})

it('signs out and forgets the admin token', async () => {
  render(<App />)
  signIn(server.adminToken)
  fireEvent.click(await screen.findByRole('button', { name: 'Sign out' }))
  await screen.findByLabelText('Admin token')
  expect(sessionStorage.length).toBe(0)
})
