import { fireEvent, waitFor } from '@testing-library/preact'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { PublicChangelogEntry } from '../../../src/shared/api'
import { markdownToNodes } from '../../../src/shared/markdown'
import { XSS_PAYLOADS } from '../../helpers/xss-payloads'
import {
  createRealServer,
  currentServer,
  type RealServer,
  samePageAgain,
  useRealServer,
} from './helpers/real-server'
import { reload, resetPage, settledWidget, startWidget } from './helpers/widget'

useRealServer()
afterEach(() => {
  vi.useRealTimers()
  resetPage()
})

function entry(id: string, title: string, body: string, publishedAt: string): PublicChangelogEntry {
  return {
    id,
    title,
    body,
    bodyNodes: markdownToNodes(body),
    publishedAt,
    requests: [{ id: 'r1', title: 'Dark mode' }],
    attachments: [],
  }
}

/**
 * Export to CSV planned, Dark mode shipped by two published entries (February, then March);
 * the roadmap's lanes follow from the statuses. `entries: false` publishes none.
 */
async function withNews({ entries = true, server = currentServer() } = {}) {
  const [darkMode = '', csv = ''] = await server.seed([
    { title: 'Dark mode', votes: 7 },
    { title: 'Export to CSV', votes: 4, status: 'planned' },
  ])
  if (entries) {
    await server.publish({
      title: 'February release',
      body: 'Smaller things.',
      requestIds: [darkMode],
    })
    await server.publish({
      title: 'March release',
      body: '## Faster\n\n- **Dark mode** for everyone\n- `code` and [docs](https://docs.example/x)',
      requestIds: [darkMode],
    })
  } else {
    await server.setStatus(darkMode, 'done')
  }
  return Object.assign(server, { darkMode, csv })
}

/** The news most tests below only read: published once for the file, seen from a new page. */
let news: RealServer
beforeAll(async () => {
  news = await withNews({ server: await createRealServer() })
})
const sharedNews = async () => samePageAgain(news)

const paths = (w: ReturnType<typeof startWidget>) =>
  w.server.calls.map((c) => c.path.split('/').at(-1))

describe('the panel views', () => {
  it('offers Requests, Roadmap and What’s new as tabs, Requests first, fetching nothing more until a tab opens', async () => {
    const w = startWidget({ server: await sharedNews() })
    w.reqio.open()
    await w.ui().findByText('Export to CSV')
    const tabs = w.ui().getAllByRole('tab')
    expect(tabs.map((tab) => [tab.textContent, tab.getAttribute('aria-selected')])).toEqual([
      ['Requests', 'true'],
      ['Roadmap', 'false'],
      ['What’s new', 'false'],
    ])
    expect(w.ui().getByRole('tabpanel').getAttribute('aria-labelledby')).toBe(tabs[0]?.id)
    expect(paths(w)).toEqual(['requests'])
  })

  it('moves between the tabs with the arrow keys, Home and End, wrapping around', async () => {
    const w = startWidget({ server: await sharedNews() })
    w.reqio.open()
    await w.ui().findByText('Export to CSV')
    const [requests, roadmap, news] = w.ui().getAllByRole('tab') as HTMLElement[]
    requests?.focus()
    fireEvent.keyDown(requests as HTMLElement, { key: 'ArrowRight' })
    expect(w.focused()).toBe(roadmap)
    expect(roadmap?.getAttribute('aria-selected')).toBe('true')
    expect(roadmap?.tabIndex).toBe(0)
    expect(requests?.tabIndex).toBe(-1)
    fireEvent.keyDown(roadmap as HTMLElement, { key: 'ArrowRight' })
    expect(w.focused()).toBe(news)
    fireEvent.keyDown(news as HTMLElement, { key: 'ArrowRight' })
    expect(w.focused()).toBe(requests)
    fireEvent.keyDown(requests as HTMLElement, { key: 'ArrowLeft' })
    expect(w.focused()).toBe(news)
    fireEvent.keyDown(news as HTMLElement, { key: 'Home' })
    expect(w.focused()).toBe(requests)
    fireEvent.keyDown(requests as HTMLElement, { key: 'End' })
    expect(w.focused()).toBe(news)
    expect(await w.ui().findByText('March release')).toBeTruthy()
  })

  it('shows the roadmap lanes Planned, In progress and Done with their requests', async () => {
    const w = startWidget({ server: await sharedNews() })
    w.reqio.open()
    fireEvent.click(await w.ui().findByRole('tab', { name: 'Roadmap' }))
    await w.ui().findByRole('heading', { name: 'Planned' })
    const headings = w
      .ui()
      .getAllByRole('heading', { level: 3 })
      .map((h) => h.textContent)
    expect(headings).toEqual(['Planned', 'In progress', 'Done'])
    expect(w.ui().getByText('Nothing here yet.')).toBeTruthy()
    expect(w.ui().getByRole('button', { name: 'Dark mode' })).toBeTruthy()
    expect(paths(w)).toEqual(['requests', 'roadmap'])
  })

  it('opens the request view from a roadmap card, and Back returns to the roadmap', async () => {
    const w = startWidget({ server: await sharedNews() })
    w.reqio.open()
    fireEvent.click(await w.ui().findByRole('tab', { name: 'Roadmap' }))
    fireEvent.click(await w.ui().findByRole('button', { name: 'Export to CSV' }))
    const heading = await w.ui().findByRole('heading', { name: 'Export to CSV' })
    await waitFor(() => expect(w.focused()).toBe(heading))
    fireEvent.click(w.ui().getByRole('button', { name: 'Back' }))
    expect(
      (await w.ui().findByRole('tab', { name: 'Roadmap' })).getAttribute('aria-selected'),
    ).toBe('true')
    expect(w.ui().getByRole('heading', { name: 'Planned' })).toBeTruthy()
  })

  it('lists published entries newest first, the Markdown as formatted text, and what each shipped', async () => {
    const w = startWidget({ server: await sharedNews() })
    w.reqio.open()
    fireEvent.click(await w.ui().findByRole('tab', { name: 'What’s new' }))
    await w.ui().findByText('March release')
    const titles = w
      .ui()
      .getAllByRole('article')
      .map((a) => a.querySelector('h3')?.firstChild?.textContent)
    expect(titles).toEqual(['March release', 'February release'])
    const first = w.ui().getAllByRole('article')[0] as HTMLElement
    expect(first.querySelector('h5')?.textContent).toBe('Faster')
    expect(first.querySelector('li strong')?.textContent).toBe('Dark mode')
    expect(first.querySelector('code')?.textContent).toBe('code')
    const link = first.querySelector('a') as HTMLAnchorElement
    expect(link.href).toBe('https://docs.example/x')
    expect(link.rel).toBe('noopener noreferrer')
    expect(link.target).toBe('_blank')
    fireEvent.click(w.ui().getAllByRole('button', { name: 'Dark mode' })[0] as HTMLElement)
    expect(await w.ui().findByRole('heading', { name: 'Dark mode' })).toBeTruthy()
  })

  it('says so and offers a retry when a view cannot load', async () => {
    const w = startWidget({ server: await sharedNews() })
    w.reqio.open()
    await w.ui().findByText('Export to CSV')
    // A gateway in front of the server answers for it.
    w.server.answerNext({ status: 503, body: { error: { code: 'internal_error', message: 'x' } } })
    fireEvent.click(w.ui().getByRole('tab', { name: 'Roadmap' }))
    fireEvent.click(await w.ui().findByRole('button', { name: 'Retry' }))
    expect(await w.ui().findByRole('heading', { name: 'Planned' })).toBeTruthy()
  })

  it('renders hostile entries as text: no script, no event handler, no unsafe link', async () => {
    const server = await withNews({ entries: false })
    for (const payload of XSS_PAYLOADS)
      await server.publish({ title: payload, body: payload, requestIds: [server.darkMode] })
    // And a tree no server of ours would send, added by a tampering proxy, straight at the renderer.
    server.tamper('/changelog', (answer) => {
      const { entries } = answer as { entries: PublicChangelogEntry[] }
      entries.push({
        ...entry('evil', 'Evil tree', '', '2026-01-01T00:00:00.000Z'),
        bodyNodes: [
          { t: 'script', c: ['alert(1)'] },
          { t: 'a', href: 'javascript:alert(1)', c: ['bad link'] },
          { t: 'img', c: [] },
          { t: ['p'], c: ['array tag'] },
        ] as never,
      })
      return { entries }
    })
    const w = startWidget({ server })
    w.reqio.open()
    fireEvent.click(await w.ui().findByRole('tab', { name: 'What’s new' }))
    await w.ui().findByText('Evil tree')
    const root = w.shadow()
    expect(
      root.querySelectorAll('script, img, svg, iframe, style, object, form, math'),
    ).toHaveLength(0)
    for (const element of root.querySelectorAll('*')) {
      for (const attribute of element.getAttributeNames()) expect(attribute).not.toMatch(/^on/)
    }
    for (const link of root.querySelectorAll('a'))
      expect(link.getAttribute('href')).toMatch(/^(https?:|mailto:)/)
    expect(w.ui().getByText('bad link').tagName).toBe('SPAN')
  })
})

describe('the launcher marker', () => {
  it('shows when an entry came out that this browser has not seen, and goes once What’s new opens', async () => {
    const server = await withNews()
    const w = await settledWidget(() => startWidget({ server }))
    // On the closed launcher, from its one background request: no board, no changelog yet.
    expect(await w.ui().findByRole('img', { name: '1 new for you' })).toBeTruthy()
    expect(paths(w)).toEqual(['widget'])
    w.reqio.open()
    fireEvent.click(await w.ui().findByRole('tab', { name: 'What’s new' }))
    await w.ui().findByText('March release')
    expect(w.ui().queryByRole('img', { name: '1 new for you' })).toBeNull()

    // Seen stays seen after a reload; a newer entry brings the marker back on the next page.
    const again = await settledWidget(() => reload(w))
    expect(paths(again).filter((path) => path === 'widget')).toHaveLength(2)
    expect(again.ui().queryByRole('img', { name: '1 new for you' })).toBeNull()
    await again.server.publish({ title: 'April', body: 'x' })
    const third = await settledWidget(() => reload(again))
    expect(await third.ui().findByRole('img', { name: '1 new for you' })).toBeTruthy()
  })

  it('never shows without published entries', async () => {
    const server = await withNews({ entries: false })
    const w = startWidget({ server })
    w.reqio.open()
    await w.ui().findByText('Export to CSV')
    expect(w.ui().queryByRole('img', { name: '1 new for you' })).toBeNull()
  })
})
