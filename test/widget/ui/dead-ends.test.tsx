import { fireEvent, waitFor } from '@testing-library/preact'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  createRealServer,
  currentServer,
  type RealServer,
  samePageAgain,
  useRealServer,
} from './helpers/real-server'
import { resetPage, startWidget } from './helpers/widget'

useRealServer()

afterEach(() => {
  resetPage()
  vi.restoreAllMocks()
})

async function seededForWriting(server = currentServer()) {
  await server.seed([
    { title: 'Dark mode', votes: 5 },
    { title: 'Export to CSV', votes: 2, status: 'done' },
    { title: 'Offline mode', votes: 1, status: 'declined' },
  ])
  return server
}

/** The same board for the tests that write nothing to it: seeded once for the file. */
let board: RealServer
beforeAll(async () => {
  board = await seededForWriting(await createRealServer())
})
const seeded = async () => samePageAgain(board)

describe('an identity problem never empties the board', () => {
  it('shows the board with the snippet’s placeholder token, warns once naming the attribute, and holds votes back with the reason', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const w = startWidget({
      server: await seeded(),
      config: { token: '<token minted by your server>' },
    })
    w.reqio.open()
    expect(await w.ui().findByText('Dark mode')).toBeTruthy()
    const list = w.server.calls.find((c) => c.path.endsWith('/requests'))
    expect(list?.headers.get('Authorization')).toBeNull()
    const warnings = warn.mock.calls.map(([m]) => String(m))
    expect(warnings.filter((m) => m.includes('data-identity-token'))).toHaveLength(1)

    fireEvent.click(w.ui().getByRole('button', { name: 'Vote for Dark mode: 5' }))
    expect(await w.ui().findByText('Pending')).toBeTruthy()
    await waitFor(() =>
      expect(w.ui().getByRole('status').textContent).toContain('We could not confirm who you are.'),
    )
    expect(w.server.writes()).toEqual([])
  })

  it('reads anonymously when the server refuses the token', async () => {
    const server = await seeded()
    // Signed with another key than the project's secret: the server answers token_signature.
    const forged = await server.tokenFor('erin', 300, 'not-the-project-secret')
    const w = startWidget({ server })
    w.reqio.identify(forged)
    w.reqio.open()
    expect(await w.ui().findByText('Dark mode')).toBeTruthy()
    expect(server.calls.at(-1)?.headers.get('Authorization')).toBeNull()
  })

  it('with an expired token reads anonymously, and a fresh identify() sends what waited and reloads the board', async () => {
    const server = await seededForWriting()
    const w = startWidget({ server })
    const stale = await server.tokenFor('dana', -60)
    w.reqio.identify(stale)
    w.reqio.open()
    expect(await w.ui().findByText('Dark mode')).toBeTruthy()
    fireEvent.click(w.ui().getByRole('button', { name: 'Vote for Dark mode: 5' }))
    await w.ui().findByText('Pending')
    await waitFor(() =>
      expect(w.ui().getByRole('status').textContent).toContain('Your session expired.'),
    )
    const readsBefore = server.calls.filter((c) => c.method === 'GET').length

    const fresh = await server.tokenFor('dana')
    w.reqio.identify(fresh)
    const votes = () => server.writes().filter((c) => c.path.endsWith('/vote'))
    await waitFor(() => expect(votes()).toHaveLength(1))
    expect(votes()[0]?.headers.get('Authorization')).toBe(`Bearer ${fresh}`)
    await waitFor(() =>
      expect(server.calls.filter((c) => c.method === 'GET').length).toBeGreaterThan(readsBefore),
    )
    expect(server.calls.at(-1)?.headers.get('Authorization')).toBe(`Bearer ${fresh}`)
  })
})

describe('a server that does not answer', () => {
  it('keeps the sort buttons on the order the list shows when a reload fails', async () => {
    const server = await seeded()
    const w = startWidget({ server })
    w.reqio.open()
    await w.ui().findByText('Dark mode')
    // The server cannot be reached (the network drops what goes to it); the browser is online.
    server.setDown(true)
    fireEvent.click(w.ui().getByRole('button', { name: 'New' }))
    const alert = await w.ui().findByRole('alert')
    expect(alert.textContent).toContain('Reqio is not answering, retrying.')
    expect(w.ui().getByRole('button', { name: 'Top' }).getAttribute('aria-pressed')).toBe('true')
    expect(w.ui().getByRole('button', { name: 'New' }).getAttribute('aria-pressed')).toBe('false')
  })

  it('never shows unfiltered rows under a search that failed', async () => {
    const server = await seeded()
    const w = startWidget({ server })
    w.reqio.open()
    await w.ui().findByText('Dark mode')
    // The server cannot be reached (the network drops what goes to it); the browser is online.
    server.setDown(true)
    fireEvent.input(w.ui().getByRole('searchbox', { name: 'Search' }), {
      target: { value: 'csv' },
    })
    await w.ui().findByRole('alert')
    expect(w.ui().queryByText('Dark mode')).toBeNull()
  })
})

describe('the author’s vote', () => {
  it('shows 1 vote, voted, on an offline submission before and after it syncs', async () => {
    const server = currentServer()
    server.setOffline(true)
    const w = startWidget({ server })
    w.reqio.open()
    fireEvent.click(await w.ui().findByRole('button', { name: 'Suggest a feature' }))
    fireEvent.input(w.ui().getByRole('textbox', { name: 'Title' }), {
      target: { value: 'Mine' },
    })
    fireEvent.click(w.ui().getByRole('button', { name: 'Send' }))
    await w.ui().findByText('Pending')
    expect(w.shadow().querySelector('.vote')?.textContent).toBe('1')
    server.setOffline(false)
    window.dispatchEvent(new Event('online'))
    const vote = await w.ui().findByRole('button', { name: 'Vote for Mine: 1' })
    expect(vote.getAttribute('aria-pressed')).toBe('true')
  })
})

describe('search and the empty board', () => {
  it('offers to suggest what a search found nothing for, with the text as the title', async () => {
    const w = startWidget({ server: await seeded() })
    w.reqio.open()
    await w.ui().findByText('Dark mode')
    fireEvent.input(w.ui().getByRole('searchbox', { name: 'Search' }), {
      target: { value: 'Calendar sync' },
    })
    fireEvent.click(await w.ui().findByRole('button', { name: 'Suggest “Calendar sync”' }))
    const title = (await w.ui().findByRole('textbox', { name: 'Title' })) as HTMLInputElement
    expect(title.value).toBe('Calendar sync')
  })
})

describe('statuses', () => {
  it('styles done and declined apart from open, and filters by status', async () => {
    const w = startWidget({ server: await seeded() })
    w.reqio.open()
    await w.ui().findByText('Dark mode')
    const rows = [...w.shadow().querySelectorAll('li.row')].map((li) => li.className)
    expect(rows).toEqual(['row s-open', 'row s-done', 'row s-declined'])
    fireEvent.change(w.ui().getByRole('combobox', { name: 'Status' }), {
      target: { value: 'done' },
    })
    await waitFor(() => expect(w.ui().queryByText('Dark mode')).toBeNull())
    expect(w.ui().getByText('Export to CSV')).toBeTruthy()
  })

  it('says a done request already shipped instead of voting for it', async () => {
    const w = startWidget({ server: await seeded() })
    w.reqio.open()
    fireEvent.click(await w.ui().findByRole('button', { name: 'Vote for Export to CSV: 2' }))
    expect(await w.ui().findByText('This already shipped.')).toBeTruthy()
    expect(w.server.writes()).toEqual([])
  })

  it('shows a vote by shape, not by colour alone, with only the count as the button’s text', async () => {
    const w = startWidget({ server: await seededForWriting() })
    w.reqio.open()
    const vote = await w.ui().findByRole('button', { name: 'Vote for Dark mode: 5' })
    // The visible text must be part of the name (axe: label-content-name-mismatch).
    expect(vote.textContent).toBe('5')
    fireEvent.click(vote)
    const voted = await w.ui().findByRole('button', { name: 'Vote for Dark mode: 6' })
    expect(voted.getAttribute('aria-pressed')).toBe('true')
    const css = (await import('./helpers/real-panel-styles')).default
    expect(css).toMatch(/\.vote::before \{\s*content: "▲"/)
    expect(css).toMatch(/\[aria-pressed="true"\]\.vote::before \{\s*content: "✓"/)
  })
})

describe('keyboard', () => {
  it('puts Suggest before every request in tab order', async () => {
    const w = startWidget({ server: await seeded() })
    w.reqio.open()
    await w.ui().findByText('Dark mode')
    const buttons = [...w.shadow().querySelectorAll('button')]
    const suggest = buttons.findIndex((b) => b.textContent === 'Suggest a feature')
    const firstVote = buttons.findIndex((b) => b.classList.contains('vote'))
    expect(suggest).toBeGreaterThan(-1)
    expect(suggest).toBeLessThan(firstVote)
  })

  it('clears a search with Esc first, and closes only on the next Esc', async () => {
    const w = startWidget({ server: await seeded() })
    w.reqio.open()
    const search = (await w.ui().findByRole('searchbox', { name: 'Search' })) as HTMLInputElement
    fireEvent.input(search, { target: { value: 'dark' } })
    fireEvent.keyDown(search, { key: 'Escape' })
    expect(search.value).toBe('')
    expect(w.ui().getByRole('dialog')).toBeTruthy()
    fireEvent.keyDown(search, { key: 'Escape' })
    await waitFor(() => expect(w.ui().queryByRole('dialog')).toBeNull())
  })
})

describe('language and accent', () => {
  it('marks the widget root with the language its strings are in', async () => {
    const en = startWidget()
    expect((en.shadow().querySelector('.r') as HTMLElement).lang).toBe('en')
    resetPage()
    const de = startWidget({ config: { locale: 'de-AT' } })
    de.reqio.open()
    await de.ui().findByRole('button', { name: 'Funktion vorschlagen' })
    expect((de.shadow().querySelector('.r') as HTMLElement).lang).toBe('de')
  })

  it('writes black on a light accent and white on a dark one', () => {
    const orange = startWidget({ config: { accent: '#f97316' } })
    const root = () => orange.shadow().querySelector('.r') as HTMLElement
    expect(root().style.getPropertyValue('--on')).toBe('#000')
    resetPage()
    const indigo = startWidget({ config: { accent: '#4f46e5' } })
    expect(
      (indigo.shadow().querySelector('.r') as HTMLElement).style.getPropertyValue('--on'),
    ).toBe('#fff')
  })
})
