import { fireEvent, waitFor } from '@testing-library/preact'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { SETTLE_MS } from '../../../src/widget/ui'
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
  vi.useRealTimers()
  resetPage()
})

/** The board most tests below read (none of them writes to it): seeded once for the file. */
let board: RealServer
beforeAll(async () => {
  board = await createRealServer()
  await board.seed([
    { title: 'Dark mode', votes: 5, status: 'planned' },
    { title: 'Export to CSV', votes: 9, status: 'in_progress' },
    { title: 'Slack integration', votes: 1, status: 'done' },
  ])
})
const seeded = async () => samePageAgain(board)

describe('the board', () => {
  it('fetches nothing while the page loads, the launcher’s request once it settled, and the board once the launcher is hovered', async () => {
    const server = await seeded()
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const w = startWidget({ server })
    await vi.advanceTimersByTimeAsync(SETTLE_MS - 100)
    expect(w.server.calls).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1100)
    expect(w.server.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      `GET /v1/projects/${w.server.projectId}/widget`,
    ])
    fireEvent.pointerOver(w.ui().getByRole('button', { name: 'Feedback' }))
    await vi.advanceTimersByTimeAsync(0)
    expect(w.server.calls.at(-1)?.path).toBe(`/v1/projects/${w.server.projectId}/requests`)
    vi.useRealTimers()
    w.reqio.open()
    expect(await w.ui().findByText('Dark mode')).toBeTruthy()
    expect(w.server.calls).toHaveLength(2)
  })

  it('starts loading the board when the launcher gets keyboard focus', async () => {
    const w = startWidget({ server: await seeded() })
    w.ui().getByRole('button', { name: 'Feedback' }).focus()
    await waitFor(() =>
      expect(w.server.calls.map((c) => c.path)).toContain(
        `/v1/projects/${w.server.projectId}/requests`,
      ),
    )
  })

  it('parses the panel’s styles only once the panel is near: hover, focus or open', async () => {
    const w = startWidget({ server: await seeded() })
    expect(w.shadow().adoptedStyleSheets).toHaveLength(1)
    w.reqio.open()
    expect(w.shadow().adoptedStyleSheets).toHaveLength(2)
    w.reqio.close()
    w.reqio.open()
    expect(w.shadow().adoptedStyleSheets).toHaveLength(2)
  })

  it('reads nothing from localStorage while the page loads, and keeps what was kept for the panel', async () => {
    const server = await seeded()
    localStorage.setItem(
      `reqio:draft:${server.projectId}`,
      JSON.stringify({ title: 'Half typed', body: '' }),
    )
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const read = vi.spyOn(localStorage, 'getItem')
    const w = startWidget({ server })
    await vi.advanceTimersByTimeAsync(SETTLE_MS - 100)
    expect(read).not.toHaveBeenCalled()
    // Settled: the launcher's request carries the anonymous id; the outbox is looked at.
    await vi.advanceTimersByTimeAsync(1100)
    expect(new Set(read.mock.calls.map(([key]) => key))).toEqual(
      new Set(['reqio:anonymous-id', `reqio:outbox:${server.projectId}`]),
    )
    vi.useRealTimers()
    w.reqio.open()
    fireEvent.click(await w.ui().findByRole('button', { name: 'Suggest a feature' }))
    expect(((await w.ui().findByLabelText('Title')) as HTMLInputElement).value).toBe('Half typed')
    read.mockRestore()
  })

  it('lists requests by votes with their status badges', async () => {
    const w = startWidget({ server: await seeded() })
    w.reqio.open()
    await w.ui().findByText('Export to CSV')
    const titles = w
      .ui()
      .getAllByRole('listitem')
      .map((li) => li.textContent)
    expect(titles[0]).toContain('Export to CSV')
    expect(titles[0]).toContain('In progress')
    expect(titles[1]).toContain('Planned')
    expect(w.server.calls[0]?.query.get('sort')).toBe('top')
  })

  it('switches to New and asks the server for sort=new', async () => {
    const w = startWidget({ server: await seeded() })
    w.reqio.open()
    await w.ui().findByText('Dark mode')
    const newest = w.ui().getByRole('button', { name: 'New' })
    fireEvent.click(newest)
    await waitFor(() => expect(w.server.calls.at(-1)?.query.get('sort')).toBe('new'))
    expect(newest.getAttribute('aria-pressed')).toBe('true')
    await waitFor(() =>
      expect(w.ui().getAllByRole('listitem')[0]?.textContent).toContain('Slack integration'),
    )
  })

  it('searches with the typed text', async () => {
    const w = startWidget({ server: await seeded() })
    w.reqio.open()
    await w.ui().findByText('Dark mode')
    fireEvent.input(w.ui().getByRole('searchbox'), { target: { value: 'csv' } })
    await waitFor(() => expect(w.ui().queryByText('Dark mode')).toBeNull())
    expect(w.server.calls.at(-1)?.query.get('q')).toBe('csv')
    expect(w.ui().getByText('Export to CSV')).toBeTruthy()
  })

  it('invites the first suggestion when the board is empty', async () => {
    const w = startWidget()
    w.reqio.open()
    expect(await w.ui().findByText('No requests yet: suggest the first one.')).toBeTruthy()
  })

  it('says Reqio is not answering (not offline) while the browser is online, and Retry loads', async () => {
    const server = await seeded()
    // The first request is lost on the way (a proxy dropping it); the server itself is up.
    server.answerNext('offline')
    const w = startWidget({ server })
    w.reqio.open()
    const alert = await w.ui().findByRole('alert')
    expect(alert.textContent).toContain('Reqio is not answering, retrying.')
    expect(alert.textContent).not.toContain('offline')
    fireEvent.click(w.ui().getByRole('button', { name: 'Retry' }))
    expect(await w.ui().findByText('Dark mode')).toBeTruthy()
  })

  it('reloads a board that failed offline when the connection comes back', async () => {
    const server = await seeded()
    server.setOffline(true)
    const w = startWidget({ server })
    w.reqio.open()
    expect((await w.ui().findByRole('alert')).textContent).toContain('You seem to be offline.')
    server.setOffline(false)
    window.dispatchEvent(new Event('online'))
    expect(await w.ui().findByText('Dark mode')).toBeTruthy()
    expect(w.ui().queryByRole('alert')).toBeNull()
  })

  it('says when to retry after a rate limit', async () => {
    const server = await seeded()
    // The test server's limits are set high for every test: the network hands over its 429.
    server.answerNext({
      status: 429,
      body: { error: { code: 'rate_limited', message: 'slow down' } },
      headers: { 'Retry-After': '30' },
    })
    const w = startWidget({ server })
    w.reqio.open()
    expect((await w.ui().findByRole('alert')).textContent).toContain('Try again in 30 s.')
    expect(w.eventsNamed('error')).toContainEqual({
      code: 'rate_limited',
      message: 'Too many requests. Try again in 30 s.',
    })
  })

  it('explains an expired identity instead of showing a blank panel', async () => {
    const server = await seeded()
    // A token the server refuses makes the widget read anonymously (dead-ends.test.tsx); what
    // is checked here is the words for a read that still meets token_expired, so the network
    // hands that answer over.
    server.answerNext({ status: 401, body: { error: { code: 'token_expired', message: 'x' } } })
    const w = startWidget({ server })
    w.reqio.open()
    expect((await w.ui().findByRole('alert')).textContent).toContain('Your session expired.')
  })

  it('shows an answer that is not JSON as a server problem with a retry', async () => {
    const server = await seeded()
    // A gateway in front of the server answers for it.
    server.answerNext({ status: 500, body: '<html>oops</html>' })
    const w = startWidget({ server })
    w.reqio.open()
    expect((await w.ui().findByRole('alert')).textContent).toContain('Something went wrong.')
    expect(w.ui().getByRole('button', { name: 'Retry' })).toBeTruthy()
  })

  it('renders titles that look like HTML as plain text', async () => {
    const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>'
    await currentServer().seed([{ title: payload }])
    const w = startWidget()
    w.reqio.open()
    expect(await w.ui().findByText(payload)).toBeTruthy()
    expect(w.shadow().querySelector('img, script')).toBeNull()
    expect((window as { __pwned?: number }).__pwned).toBeUndefined()
  })
})
