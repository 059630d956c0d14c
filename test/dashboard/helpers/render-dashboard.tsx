import { render, screen, within } from '@testing-library/preact'
import { App } from '../../../src/dashboard/app'
import type { DashboardTestServer } from './server-process'

/** Opens the dashboard already signed in, on the given hash route. */
export function renderSignedIn(server: DashboardTestServer, hash = '#/') {
  sessionStorage.setItem('reqio.dashboard.adminToken', server.adminToken)
  location.hash = hash
  return render(<App />)
}

/** The text inside the code block with this title (as its copy button names it). */
export function codeBlockText(title: string): string {
  const button = screen.getByRole('button', { name: `Copy ${title}` })
  const figure = button.closest('figure')
  if (!figure) throw new Error(`no code block titled ${title}`)
  return within(figure as HTMLElement).getByText((_, element) => element?.tagName === 'CODE')
    .textContent as string
}
