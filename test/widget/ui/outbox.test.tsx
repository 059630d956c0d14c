import { fireEvent, waitFor } from '@testing-library/preact'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { SETTLE_MS } from '../../../src/widget/ui'
import { currentServer, useRealServer } from './helpers/real-server'
import { reload, resetPage, startWidget } from './helpers/widget'

useRealServer()
afterEach(resetPage)

async function submitOffline(w: ReturnType<typeof startWidget>, title: string) {
  w.server.setOffline(true)
  w.reqio.open()
  fireEvent.click(await w.ui().findByRole('button', { name: 'Suggest a feature' }))
  fireEvent.input(w.ui().getByRole('textbox', { name: 'Title' }), { target: { value: title } })
  fireEvent.click(w.ui().getByRole('button', { name: 'Send' }))
  await w.ui().findByText('Pending')
}

describe('the outbox', () => {
  it('keeps an offline submission as pending and tells the host it is pending', async () => {
    const w = startWidget()
    await submitOffline(w, 'Offline idea')
    expect(w.ui().getByText('Offline idea')).toBeTruthy()
    expect(w.ui().getByRole('status').textContent).toContain('it will be sent automatically')
    expect(w.eventsNamed('submit')).toEqual([
      { request: expect.objectContaining({ title: 'Offline idea' }), pending: true },
    ])
  })

  it('survives a reload and is sent once, with the same Idempotency-Key, when back online', async () => {
    const first = startWidget()
    await submitOffline(first, 'Offline idea')
    const key = first.server.writes()[0]?.headers.get('Idempotency-Key')
    const second = reload(first)
    second.server.setOffline(false)
    second.reqio.open()
    await waitFor(async () => expect(await second.server.titles()).toEqual(['Offline idea']))
    window.dispatchEvent(new Event('online'))
    window.dispatchEvent(new Event('online'))
    await waitFor(() => expect(second.ui().queryByText('Pending')).toBeNull())
    const posts = second.server.writes()
    expect(posts.map((c) => c.headers.get('Idempotency-Key'))).toEqual([key, key])
    expect(posts.filter((c) => c.headers.get('Idempotency-Key') === key)).toHaveLength(2)
    expect(second.ui().getByText('Offline idea')).toBeTruthy()
  })

  it('sends what an earlier page kept once the next page has settled, without the panel opening', async () => {
    const first = startWidget()
    await submitOffline(first, 'Sent in the background')
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    try {
      const second = reload(first)
      second.server.setOffline(false)
      await vi.advanceTimersByTimeAsync(SETTLE_MS - 100)
      // The host page's boot comes first: nothing was sent yet.
      expect(await second.server.titles()).toEqual([])
      await vi.advanceTimersByTimeAsync(2000)
      // What went out reached the real server over HTTP, in real time.
      await second.server.idle()
      expect(await second.server.titles()).toEqual(['Sent in the background'])
    } finally {
      vi.useRealTimers()
    }
  })

  it('is not sent on behalf of someone else', async () => {
    const first = startWidget()
    await submitOffline(first, 'Mine only')
    localStorage.setItem('reqio:anonymous-id', 'someone-else')
    const second = reload(first)
    second.server.setOffline(false)
    second.reqio.open()
    await second.ui().findByText('No requests yet: suggest the first one.')
    window.dispatchEvent(new Event('online'))
    await new Promise((resolve) => setTimeout(resolve, 20))
    await second.server.idle()
    expect(second.server.writes()).toHaveLength(1)
    expect(second.ui().queryByText('Mine only')).toBeNull()
  })

  it('sends a kept submission again after the server recovers from a 500', async () => {
    const server = currentServer()
    const w = startWidget({ server })
    w.reqio.open()
    fireEvent.click(await w.ui().findByRole('button', { name: 'Suggest a feature' }))
    fireEvent.input(w.ui().getByRole('textbox', { name: 'Title' }), {
      target: { value: 'Retry me' },
    })
    // A healthy test server never fails a write: the network hands over a failing server's 500.
    server.answerNext({ status: 500, body: { error: { code: 'internal_error', message: '' } } })
    fireEvent.click(w.ui().getByRole('button', { name: 'Send' }))
    expect(await w.ui().findByText('Pending')).toBeTruthy()
    window.dispatchEvent(new Event('online'))
    await waitFor(async () => expect(await server.titles()).toEqual(['Retry me']))
  })

  it('shows a vote still waiting in the outbox after a reload', async () => {
    await currentServer().seed([{ title: 'Dark mode', votes: 2 }])
    const first = startWidget()
    first.reqio.open()
    const vote = await first.ui().findByRole('button', { name: /Vote for Dark mode/ })
    first.server.setOffline(true)
    fireEvent.click(vote)
    await first.ui().findByText('Pending')
    first.server.setOffline(false)
    // Reads reach the server, writes meet a gateway's 503: the vote stays in the outbox.
    first.server.setWritesFail(true)
    const second = reload(first)
    second.reqio.open()
    expect(
      await second.ui().findByRole('button', { name: 'Vote for Dark mode: 3', pressed: true }),
    ).toBeTruthy()
    expect(second.ui().getByText('Pending')).toBeTruthy()
  })
})
