import { fireEvent, screen, within } from '@testing-library/preact'
import { expect, it } from 'vitest'
import { mintToken } from '../helpers/tokens'
import { useDashboardServer } from './helpers/dashboard-world'
import { codeBlockText, renderSignedIn } from './helpers/render-dashboard'

const server = useDashboardServer()

async function checkToken(token: string) {
  fireEvent.input(screen.getByLabelText('Token'), { target: { value: token } })
  fireEvent.click(screen.getByRole('button', { name: 'Check token' }))
  const outcome = await screen.findByRole('status')
  return outcome.textContent ?? ''
}

it("shows a new project's secret once, with the REQIO_SECRET line and the browser warning", async () => {
  renderSignedIn(server)
  fireEvent.input(await screen.findByLabelText('New project name'), { target: { value: 'Hooli' } })
  fireEvent.click(screen.getByRole('button', { name: 'Create project' }))

  // The project opens on Install; its secret waits for Settings › Identity.
  await screen.findByText(/signing secret is waiting there/)
  fireEvent.click(screen.getByRole('button', { name: 'Set up identity' }))
  const reveal = await screen.findByRole('region', { name: 'New signing secret' })
  const secret = codeBlockText('Signing secret')
  expect(secret.length).toBeGreaterThanOrEqual(32)
  expect(codeBlockText('Server environment line')).toBe(`REQIO_SECRET=${secret}`)
  expect(within(reveal).getByRole('note').textContent).toContain(
    'Never send this secret to the browser',
  )
  expect(reveal.textContent).toContain('shown only once')

  fireEvent.click(screen.getByRole('tab', { name: 'Backlog' }))
  // The Settings tab opens the settings page last seen: Identity.
  fireEvent.click(await screen.findByRole('tab', { name: 'Settings' }))
  await screen.findByRole('button', { name: 'Rotate secret' })
  expect(document.body.textContent).not.toContain(secret)
  expect(JSON.stringify({ ...localStorage, ...sessionStorage })).not.toContain(secret)
})

it('generates, then rotates, showing until when the previous secret still verifies', async () => {
  const { project } = await server.createProject('Rotation Inc')
  renderSignedIn(server, `#/projects/${project.id}/identity`)

  fireEvent.click(await screen.findByRole('button', { name: 'Generate secret' }))
  await screen.findByRole('region', { name: 'New signing secret' })
  const generated = codeBlockText('Signing secret')
  fireEvent.click(screen.getByRole('button', { name: 'I stored it, hide the secret' }))
  expect(document.body.textContent).not.toContain(generated)

  fireEvent.click(screen.getByRole('button', { name: 'Rotate secret' }))
  fireEvent.change(screen.getByLabelText('Keep the previous secret valid for'), {
    target: { value: '3600' },
  })
  fireEvent.click(screen.getByRole('button', { name: 'Rotate now' }))
  const reveal = await screen.findByRole('region', { name: 'New signing secret' })
  const rotated = codeBlockText('Signing secret')
  expect(rotated).not.toBe(generated)
  expect(reveal.textContent).toContain('The previous secret still verifies until')

  // Both verify now: the new one signs, the previous one is in its grace hour.
  const claims = { aud: project.audience, sub: 'u-1' }
  expect(await checkToken(await mintToken(rotated, claims))).toContain('Verified')
  expect(await checkToken(await mintToken(generated, claims))).toContain('Verified')
})

it('asks before leaving a secret that was never copied, and stays when told to', async () => {
  const created = await server.createProject('Leaving Co')
  renderSignedIn(server, `#/projects/${created.project.id}/identity`)
  fireEvent.click(await screen.findByRole('button', { name: 'Generate secret' }))
  const reveal = await screen.findByRole('region', { name: 'New signing secret' })
  expect(reveal.textContent).toContain('rotating is the only way back')

  const asked: string[] = []
  let answer = false
  // happy-dom has no window.confirm: the test answers the dialog itself.
  Object.defineProperty(window, 'confirm', {
    value: (message: string) => {
      asked.push(message)
      return answer
    },
    configurable: true,
  })
  fireEvent.click(screen.getByRole('tab', { name: 'Backlog' }))
  expect(asked[0]).toMatch(/^You have not copied the secret/)
  // Stayed: the secret is still on screen.
  expect(screen.getByRole('region', { name: 'New signing secret' })).toBeTruthy()

  // Copied: leaving asks nothing.
  Object.defineProperty(navigator, 'clipboard', {
    value: { writeText: async () => {} },
    configurable: true,
  })
  fireEvent.click(within(reveal).getByRole('button', { name: 'Copy Signing secret' }))
  await within(reveal).findByRole('button', { name: 'Copied Signing secret' })
  answer = true
  fireEvent.click(screen.getByRole('tab', { name: 'Backlog' }))
  expect(asked).toHaveLength(1)
  await screen
    .findByRole('table', { name: 'Backlog' })
    .catch(() => screen.findByText(/No requests yet/))
})
