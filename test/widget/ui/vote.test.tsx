import { fireEvent, waitFor } from '@testing-library/preact'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { currentServer, useRealServer } from './helpers/real-server'
import { resetPage, startWidget } from './helpers/widget'

useRealServer()

afterEach(() => {
  vi.useRealTimers()
  resetPage()
})

describe('voting', () => {
  it('marks the vote at once, then sends it', async () => {
    const [darkMode] = await currentServer().seed([{ title: 'Dark mode', votes: 4 }])
    const w = startWidget()
    w.reqio.open()
    const vote = await w.ui().findByRole('button', { name: 'Vote for Dark mode: 4' })
    expect(vote.getAttribute('aria-pressed')).toBe('false')
    fireEvent.click(vote)
    const pressed = w.ui().getByRole('button', { name: 'Vote for Dark mode: 5', pressed: true })
    expect(pressed).toBeTruthy()
    await waitFor(() =>
      expect(w.eventsNamed('vote')).toEqual([{ requestId: darkMode, voted: true, pending: false }]),
    )
    expect(w.server.writes().map((c) => `${c.method} ${c.path}`)).toEqual([
      `POST /v1/projects/${w.server.projectId}/requests/${darkMode}/vote`,
    ])
  })

  it('takes a vote back with DELETE', async () => {
    await currentServer().seed([{ title: 'Dark mode', votes: 0 }])
    const w = startWidget()
    w.reqio.open()
    fireEvent.click(await w.ui().findByRole('button', { name: /Vote for Dark mode/ }))
    await waitFor(() => expect(w.eventsNamed('vote')).toHaveLength(1))
    fireEvent.click(w.ui().getByRole('button', { name: /Vote for Dark mode/, pressed: true }))
    await waitFor(() => expect(w.eventsNamed('vote')).toHaveLength(2))
    expect(w.server.writes().at(-1)?.method).toBe('DELETE')
    expect(
      w.ui().getByRole('button', { name: 'Vote for Dark mode: 0', pressed: false }),
    ).toBeTruthy()
  })

  it('rolls the vote back with a message when the server refuses it', async () => {
    const server = currentServer()
    await server.seed([{ title: 'Dark mode', votes: 2 }])
    const w = startWidget()
    w.reqio.open()
    const vote = await w.ui().findByRole('button', { name: /Vote for Dark mode/ })
    // The server's answer for a request gone meanwhile (no API deletes one): the network hands it over.
    server.answerNext({ status: 404, body: { error: { code: 'request_not_found', message: '' } } })
    fireEvent.click(vote)
    expect(await w.ui().findByText('Vote not saved. Not found.')).toBeTruthy()
    expect(
      w.ui().getByRole('button', { name: 'Vote for Dark mode: 2', pressed: false }),
    ).toBeTruthy()
    expect(JSON.parse(localStorage.getItem(`reqio:outbox:${server.projectId}`) ?? '[]')).toEqual([])
  })

  it('keeps an offline vote as pending and sends it when the browser is back online', async () => {
    const server = currentServer()
    const [darkMode] = await server.seed([{ title: 'Dark mode', votes: 2 }])
    const w = startWidget()
    w.reqio.open()
    const vote = await w.ui().findByRole('button', { name: /Vote for Dark mode/ })
    server.setOffline(true)
    fireEvent.click(vote)
    expect(await w.ui().findByText('Pending')).toBeTruthy()
    expect(
      w.ui().getByRole('button', { name: 'Vote for Dark mode: 3', pressed: true }),
    ).toBeTruthy()
    await waitFor(() =>
      expect(w.eventsNamed('vote')).toEqual([{ requestId: darkMode, voted: true, pending: true }]),
    )
    expect(w.ui().getByRole('status').textContent).toContain('You seem to be offline.')
    server.setOffline(false)
    window.dispatchEvent(new Event('online'))
    await waitFor(() => expect(w.ui().queryByText('Pending')).toBeNull())
    expect(w.server.writes().filter((c) => c.method === 'POST')).toHaveLength(2)
    await waitFor(() =>
      expect(w.eventsNamed('vote').at(-1)).toEqual({
        requestId: darkMode,
        voted: true,
        pending: false,
      }),
    )
  })

  it('says when to retry after a rate limit, and retries by itself then', async () => {
    const server = currentServer()
    await server.seed([{ title: 'Dark mode', votes: 0 }])
    const w = startWidget()
    w.reqio.open()
    const vote = await w.ui().findByRole('button', { name: /Vote for Dark mode/ })
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    // The test server's limits are set high for every test: the network hands over its 429.
    server.answerNext({
      status: 429,
      body: { error: { code: 'rate_limited', message: '' } },
      headers: { 'Retry-After': '2' },
    })
    fireEvent.click(vote)
    await vi.advanceTimersByTimeAsync(10)
    expect(w.ui().getByRole('status').textContent).toContain('Try again in 2 s.')
    expect(w.ui().getByText('Pending')).toBeTruthy()
    expect(server.writes()).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(2000)
    expect(server.writes()).toHaveLength(2)
    // The retry went to the real server over HTTP: its answer comes in real time.
    await server.idle()
    await vi.advanceTimersByTimeAsync(0)
    expect(w.ui().queryByText('Pending')).toBeNull()
    expect(
      w.ui().getByRole('button', { name: 'Vote for Dark mode: 1', pressed: true }),
    ).toBeTruthy()
  })
})
