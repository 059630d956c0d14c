// Issue 19, onboarding and accessibility: the Install page first (a tag that works as
// pasted, the live "widget seen" check, the checklist), an h1, tabs by arrow keys, code
// blocks a keyboard can scroll and a copy button whose name says "Copied".

import { request } from 'node:http'
import { fireEvent, screen, waitFor, within } from '@testing-library/preact'
import { expect, it } from 'vitest'
import { useDashboardServer } from './helpers/dashboard-world'
import { codeBlockText, renderSignedIn } from './helpers/render-dashboard'

const server = useDashboardServer()

/** A POST as the widget on `origin` sends it; answers the status code. */
function postFromSite(url: string, origin: string, body: unknown): Promise<number> {
  return new Promise((done, fail) => {
    const req = request(
      url,
      {
        method: 'POST',
        headers: {
          Origin: origin,
          'X-Reqio-Anonymous-Id': 'anon-install-page',
          'Content-Type': 'application/json',
        },
      },
      (res) => {
        res.resume()
        res.on('end', () => done(res.statusCode ?? 0))
      },
    )
    req.on('error', fail)
    req.end(JSON.stringify(body))
  })
}

it('puts Install first, with an anonymous tag, a live check that turns green, and the checklist', async () => {
  const created = await server.createProject('Shop')
  const id = created.project.id
  renderSignedIn(server, `#/projects/${id}/install`)
  await screen.findByRole('heading', { level: 1, name: 'Shop' })
  const tabs = screen.getAllByRole('tab')
  expect(tabs[0]?.textContent).toBe('Install')
  expect(tabs[0]?.getAttribute('aria-selected')).toBe('true')

  const tag = codeBlockText('Anonymous script tag')
  expect(tag).toMatch(
    new RegExp(`^<script src="[^"]+/widget\\.js" data-project-id="${id}" async></script>$`),
  )
  expect(tag).not.toContain('token')
  const live = await screen.findByText(/^Waiting for the widget/)
  const checklist = screen.getByRole('list', { name: 'Your first hour' })
  expect(
    within(checklist)
      .getAllByRole('listitem')
      .map((li) => li.textContent),
  ).toEqual([
    '○ Widget installed on your site (not yet)',
    '○ Identity verified (a signed token arrived) (not yet)',
    '○ First request submitted (not yet)',
    '○ First vote from someone else (not yet)',
  ])

  // The customer's page loads the widget: its first request carries the page's Origin.
  // (node:http, not the page's fetch: a browser fetch would send the dashboard's own Origin.)
  const status = await postFromSite(
    `${server.url}/v1/projects/${id}/requests`,
    'https://shop.example',
    {
      title: 'Gift cards',
    },
  )
  expect(status).toBe(201)
  await waitFor(
    () => expect(live.textContent).toMatch(/^Widget seen on https:\/\/shop\.example at /),
    {
      timeout: 10_000,
    },
  )
  expect(live.className).toContain('seen')
  expect(within(checklist).getAllByRole('listitem')[0]?.textContent).toBe(
    '✓ Widget installed on your site (done)',
  )
  expect(within(checklist).getAllByRole('listitem')[2]?.textContent).toBe(
    '✓ First request submitted (done)',
  )
}, 30_000)

it('moves between tabs with the arrow keys, Home and End, each tab controlling the panel', async () => {
  const created = await server.createProject('Keys')
  renderSignedIn(server, `#/projects/${created.project.id}/install`)
  const first = await screen.findByRole('tab', { name: 'Install' })
  const panel = screen.getByRole('tabpanel')
  for (const tab of screen.getAllByRole('tab'))
    expect(tab.getAttribute('aria-controls')).toBe(panel.id)
  fireEvent.keyDown(first, { key: 'ArrowRight' })
  await waitFor(() =>
    expect(screen.getByRole('tab', { name: 'Backlog' }).getAttribute('aria-selected')).toBe('true'),
  )
  await waitFor(() => expect(document.activeElement?.textContent).toBe('Backlog'))
  fireEvent.keyDown(screen.getByRole('tab', { name: 'Backlog' }), { key: 'ArrowLeft' })
  await waitFor(() => expect(first.getAttribute('aria-selected')).toBe('true'))
  fireEvent.keyDown(first, { key: 'End' })
  await waitFor(() =>
    expect(screen.getByRole('tab', { name: 'Settings' }).getAttribute('aria-selected')).toBe(
      'true',
    ),
  )
  expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe('tab-settings')
})

it('lets a keyboard scroll code blocks, and names the copy button "Copied" after a copy', async () => {
  const created = await server.createProject('Copy')
  renderSignedIn(server, `#/projects/${created.project.id}/install`)
  const button = await screen.findByRole('button', { name: 'Copy Anonymous script tag' })
  const pre = button.closest('figure')?.querySelector('pre') as HTMLElement
  expect(pre.getAttribute('tabindex')).toBe('0')
  expect(pre.getAttribute('aria-label')).toBe('Anonymous script tag (code)')
  Object.defineProperty(navigator, 'clipboard', {
    value: { writeText: async () => {} },
    configurable: true,
  })
  fireEvent.click(button)
  await screen.findByRole('button', { name: 'Copied Anonymous script tag' })
})
