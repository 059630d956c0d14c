import { fireEvent, render, screen } from '@testing-library/preact'
import { describe, expect, it } from 'vitest'
import { App } from '../../../src/dashboard/app'
import { useDashboardServer } from '../helpers/dashboard-world'

// A server without REQIO_SMTP_URL: no link can be emailed.
useDashboardServer({ owner: { email: 'olive@example.com', password: 'correct horse battery' } })

describe('"Forgot password?" on a server that sends no email', () => {
  it('says to ask an owner for a reset link, and offers no form that could only pretend', async () => {
    render(<App />)
    fireEvent.click(await screen.findByRole('button', { name: 'Forgot password?' }))
    await screen.findByRole('heading', { name: 'Reset your password' })
    const advice = await screen.findByText(/This server does not send email/)
    expect(advice.textContent).toContain('Ask an owner of your team')
    expect(advice.textContent).toContain('Reset link')
    expect(screen.queryByRole('button', { name: 'Email me a reset link' })).toBeNull()

    fireEvent.click(screen.getByRole('button', { name: 'Back to sign in' }))
    await screen.findByRole('button', { name: 'Sign in' })
  }, 30_000)
})
