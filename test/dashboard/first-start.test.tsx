import { fireEvent, render, screen } from '@testing-library/preact'
import { describe, expect, it } from 'vitest'
import { App } from '../../src/dashboard/app'
import { useDashboardServer } from './helpers/dashboard-world'

const server = useDashboardServer()
/** Creating the owner hashes a password (argon2id, ~0.1 s, more on a busy machine). */
const SLOW = { timeout: 15_000 }

function fill(label: string, value: string) {
  fireEvent.input(screen.getByLabelText(label), { target: { value } })
}

// One story, in order: happy-dom keeps the page's cookie jar from one test to the next.
describe('first start', () => {
  it('asks for the owner account while nobody has one, and refuses a wrong admin token', async () => {
    render(<App />)
    await screen.findByRole('heading', { name: 'Create the owner account' })
    fill('Admin token', 'not-the-token')
    fill('Email', 'olive@example.com')
    fill('Name', 'Olive')
    fill('Password', 'correct horse battery')
    fireEvent.click(screen.getByRole('button', { name: 'Create the owner account' }))
    expect((await screen.findByRole('alert')).textContent).toContain(
      'That admin token was not accepted',
    )
  }, 60_000)

  it('creates the owner with the admin token, keeps the existing projects, and signs in with a cookie only', async () => {
    await server.createProject('Initech')
    render(<App />)
    await screen.findByRole('heading', { name: 'Create the owner account' })
    fill('Admin token', server.adminToken)
    fill('Email', 'olive@example.com')
    fill('Name', 'Olive')
    fill('Password', 'correct horse battery')
    fireEvent.click(screen.getByRole('button', { name: 'Create the owner account' }))

    await screen.findByRole('button', { name: 'Initech' }, SLOW)
    expect(screen.getByRole('button', { name: 'Olive (owner)' })).toBeTruthy()
    expect(JSON.stringify({ ...sessionStorage, ...localStorage })).not.toContain(server.adminToken)
    expect(document.cookie).not.toContain('reqio_session')
  }, 60_000)

  it('stays signed in on the next start (the HttpOnly cookie), with the account page', async () => {
    location.hash = '#/account'
    render(<App />)
    await screen.findByRole('heading', { name: 'Your account' })
    expect(screen.getByText(/olive@example.com/).textContent).toContain('owner')
    expect(screen.getByRole('button', { name: 'Sign out everywhere' })).toBeTruthy()
  }, 60_000)
})
