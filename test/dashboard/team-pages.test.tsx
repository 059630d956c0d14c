import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact'
import { describe, expect, it } from 'vitest'
import { App } from '../../src/dashboard/app'
import type { CreatedInvite } from '../../src/shared/team-api'
import { useDashboardServer } from './helpers/dashboard-world'
import { renderSignedIn } from './helpers/render-dashboard'

const server = useDashboardServer()
/** Accepting an invite hashes a password (argon2id): slower than the default second. */
const SLOW = { timeout: 15_000 }

function fill(label: string, value: string) {
  fireEvent.input(screen.getByLabelText(label), { target: { value } })
}

async function inviteThroughApi(email: string, role: string): Promise<CreatedInvite> {
  const res = await server.adminFetch('/v1/admin/invites', {
    method: 'POST',
    body: JSON.stringify({ email, role }),
  })
  return ((await res.json()) as { invite: CreatedInvite }).invite
}

describe('the Members page', () => {
  it('invites with a role and shows the link to copy, then lists the pending invite and revokes it', async () => {
    renderSignedIn(server, '#/members')
    await screen.findByRole('heading', { name: 'Invite someone' })
    fill('Email', 'sam@example.com')
    fireEvent.change(screen.getByLabelText('Role'), { target: { value: 'viewer' } })
    fireEvent.click(screen.getByRole('button', { name: 'Create invite link' }))

    const link = await screen.findByRole('region', { name: 'Invite link' })
    expect(link.textContent).toContain(`${server.url}/dashboard/accept?code=`)
    expect(within(link).getByRole('button', { name: 'Copy invite link' })).toBeTruthy()
    const pending = await screen.findByText(/sam@example.com \(viewer\)/)
    fireEvent.click(
      within(pending).getByRole('button', { name: 'Revoke invite for sam@example.com' }),
    )
    await screen.findByText('No pending invites.')
  }, 60_000)
})

describe('project settings and the audit log', () => {
  it('saves the name and both settings, and the audit log shows who did it', async () => {
    const { project } = await server.createProject('Acme')
    renderSignedIn(server, `#/projects/${project.id}/settings`)
    await screen.findByRole('heading', { name: 'Project settings' })
    fill('Name', 'Acme Analytics')
    fireEvent.click(screen.getByLabelText(/Require identity/))
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }))
    expect((await screen.findByRole('status')).textContent).toBe('Saved.')
    const list = (await (await server.adminFetch('/v1/admin/projects')).json()) as {
      projects: { id: string; name: string; settings: { requireIdentity: boolean } }[]
    }
    const saved = list.projects.find((p) => p.id === project.id)
    expect(saved).toMatchObject({ name: 'Acme Analytics', settings: { requireIdentity: true } })

    fireEvent.click(screen.getByRole('link', { name: 'Audit log' }))
    // Issue 26: sentences a PM reads, not action codes.
    const log = await screen.findByRole('region', { name: 'Audit log' })
    await waitFor(() =>
      expect(log.textContent).toContain('The admin token changed the project settings'),
    )
    expect(log.textContent).not.toContain('settings.changed')
  }, 60_000)
})

describe('an invited viewer', () => {
  it('accepts the invite link, and sees no Members link, no Identity tab and no create form, with reasons', async () => {
    const { project } = await server.createProject('Viewed')
    await fetch(`${server.url}/v1/projects/${project.id}/requests`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Reqio-Anonymous-Id': 'anon-viewed-1' },
      body: JSON.stringify({ title: 'Dark mode' }),
    })
    const invite = await inviteThroughApi('vera@example.com', 'viewer')
    const happyDOM = (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM
    happyDOM.setURL(invite.url)
    render(<App />)
    await screen.findByText('vera@example.com')
    fill('Your name', 'Vera')
    fill('Password', 'a viewer password')
    fireEvent.click(screen.getByRole('button', { name: 'Join' }))

    await screen.findByRole('button', { name: 'Vera (viewer)' }, SLOW)
    expect(location.search).toBe('')
    expect(screen.queryByRole('button', { name: 'Members' })).toBeNull()
    expect(screen.queryByLabelText('New project name')).toBeNull()
    const why = screen.getByText("Why can't I create projects?")
    fireEvent.click(why)
    expect(why.closest('details')?.textContent).toContain('admin or owner role')

    fireEvent.click(await screen.findByRole('button', { name: 'Viewed' }))
    fireEvent.click(await screen.findByRole('tab', { name: 'Settings' }))
    const settings = await screen.findByRole('navigation', { name: 'Settings' })
    expect(within(settings).queryByRole('link', { name: 'Identity' })).toBeNull()
    expect(within(settings).queryByRole('link', { name: 'Webhooks & mail' })).toBeNull()
    expect(within(settings).queryByRole('link', { name: 'API keys' })).toBeNull()
    // The backlog reads, but triage is hidden and says why.
    fireEvent.click(screen.getByRole('tab', { name: 'Backlog' }))
    fireEvent.click(await screen.findByRole('button', { name: 'Dark mode' }, SLOW))
    await screen.findByRole('heading', { name: 'Dark mode' })
    expect(screen.queryByRole('button', { name: 'Save title' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Reply publicly' })).toBeNull()
    expect(
      screen.getByText("Why can't I change the status, title or merges, or reply?"),
    ).toBeTruthy()
    location.hash = '#/members'
    await screen.findByText('Only owners can open the Members page.')
    expect(project.id).toBeTruthy()
  }, 60_000)
})
