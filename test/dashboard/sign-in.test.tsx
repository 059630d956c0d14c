import { fireEvent, render, screen } from '@testing-library/preact'
import { describe, expect, it } from 'vitest'
import { App } from '../../src/dashboard/app'
import { useDashboardServer } from './helpers/dashboard-world'

// The owner exists already, signed in nowhere.
const server = useDashboardServer({
  owner: { email: 'olive@example.com', password: 'correct horse battery' },
})
/** Signing in hashes a password (argon2id, ~0.1 s, more on a busy machine). */
const SLOW = { timeout: 15_000 }

function fill(label: string, value: string) {
  fireEvent.input(screen.getByLabelText(label), { target: { value } })
}

async function useAdminToken(adminToken: string) {
  fireEvent.click(await screen.findByText('Use the admin token instead'))
  fill('Admin token', adminToken)
  fireEvent.click(screen.getByRole('button', { name: 'Sign in with the token' }))
}

describe('the admin token path (scripts, or an owner locked out)', () => {
  it('refuses an admin token the server does not accept, in plain words', async () => {
    render(<App />)
    await useAdminToken('not-the-token')
    expect((await screen.findByRole('alert')).textContent).toContain(
      'That admin token was not accepted',
    )
    expect(sessionStorage.length).toBe(0)
  }, 60_000)

  it('signs in with the admin token, keeps it in sessionStorage only, and lists projects', async () => {
    await server.createProject('Initech')
    render(<App />)
    await useAdminToken(server.adminToken)
    await screen.findByRole('button', { name: 'Initech' })
    expect(Object.values({ ...sessionStorage })).toContain(server.adminToken)
    expect(JSON.stringify({ ...localStorage })).not.toContain(server.adminToken)
    expect(location.href).not.toContain(server.adminToken)
  }, 60_000)

  it('creates a project, opens it on Install, and goes on to its Identity settings', async () => {
    render(<App />)
    await useAdminToken(server.adminToken)
    fireEvent.input(await screen.findByLabelText('New project name'), {
      target: { value: 'Globex' },
    })
    fireEvent.click(screen.getByRole('button', { name: 'Create project' }))

    await screen.findByRole('tab', { name: 'Install', selected: true })
    expect(location.hash).toMatch(/^#\/projects\/[^/]+\/install$/)
    fireEvent.click(screen.getByRole('button', { name: 'Set up identity' }))
    await screen.findByRole('tab', { name: 'Settings', selected: true })
    expect(screen.getByRole('link', { name: 'Identity' }).getAttribute('aria-current')).toBe('page')
    expect(screen.getByRole('heading', { name: '1. Choose your stack' })).toBeTruthy()
    expect(location.hash).toMatch(/^#\/projects\/[^/]+\/settings\/identity$/)
  }, 60_000)

  it('signs out and forgets the admin token', async () => {
    render(<App />)
    await useAdminToken(server.adminToken)
    fireEvent.click(await screen.findByRole('button', { name: 'Sign out' }))
    await screen.findByLabelText('Admin token')
    expect(sessionStorage.length).toBe(0)
  }, 60_000)
})

// Last in the file: a successful sign-in leaves the session cookie in happy-dom's jar.
describe('email and password', () => {
  it('refuses a wrong password in plain words, then signs in', async () => {
    render(<App />)
    await screen.findByRole('heading', { name: 'Reqio dashboard' })
    fill('Email', 'olive@example.com')
    fill('Password', 'not my password')
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }))
    expect((await screen.findByRole('alert', {}, SLOW)).textContent).toContain(
      'That email and password do not match an account',
    )
    fill('Password', 'correct horse battery')
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }))
    await screen.findByRole('button', { name: 'Olive (owner)' }, SLOW)
    expect(screen.getByRole('button', { name: 'Members' })).toBeTruthy()
  }, 60_000)
})
