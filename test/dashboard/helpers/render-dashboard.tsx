import { render, screen, within } from '@testing-library/preact'
import { App } from '../../../src/dashboard/app'
import type { DashboardTestServer } from './test-server-process'

/** Opens the dashboard already signed in, on the given hash route. */
export function renderSignedIn(server: DashboardTestServer, hash = '#/') {
  sessionStorage.setItem('reqio.dashboard.adminToken', server.adminToken)
  location.hash = hash
  return render(<App />)
}

/** Opens the dashboard already signed in at a path under this origin (a shared link). */
export function renderSignedInAt(server: DashboardTestServer, path: string) {
  sessionStorage.setItem('reqio.dashboard.adminToken', server.adminToken)
  history.replaceState(null, '', path)
  return render(<App />)
}

/** The text inside the code block with this title (as its copy button names it). */
export function codeBlockText(title: string): string {
  // The copy button is named "Copy <title>", and "Copied <title>" just after a copy.
  const button = screen
    .getAllByRole('button')
    .find((candidate) =>
      [`Copy ${title}`, `Copied ${title}`].includes(candidate.getAttribute('aria-label') ?? ''),
    )
  if (!button) throw new Error(`no copy button for ${title}`)
  const figure = button.closest('figure')
  if (!figure) throw new Error(`no code block titled ${title}`)
  return within(figure as HTMLElement).getByText((_, element) => element?.tagName === 'CODE')
    .textContent as string
}
