import { fireEvent, waitFor } from '@testing-library/preact'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { currentServer, useRealServer } from './helpers/real-server'
import { resetPage, settledWidget, startWidget } from './helpers/widget'

useRealServer()
afterEach(resetPage)

/** Ann voted for Dark mode, which the team then moved to planned: one unread update for her. */
async function withAnUpdate() {
  const server = currentServer()
  const annToken = await server.tokenFor('ann')
  const [darkMode = ''] = await server.seed([{ title: 'Dark mode' }])
  await server.asPerson(annToken, 'POST', `/requests/${darkMode}/vote`)
  await server.setStatus(darkMode, 'planned')
  // The server's job runner writes people's updates just after the change: wait for Ann's.
  await vi.waitFor(async () => {
    const { unread } = (await server.asPerson(annToken, 'GET', '/updates')) as { unread: number }
    expect(unread).toBe(1)
  })
  return { server, annToken }
}

const updateCalls = (w: ReturnType<typeof startWidget>) =>
  w.server.calls.filter((c) => c.path.includes('/updates')).map((c) => `${c.method} ${c.path}`)

describe('Updates in the widget', () => {
  it('shows an identified user’s unread count on the launcher, lists it, and reading clears it', async () => {
    const { server, annToken } = await withAnUpdate()
    const w = await settledWidget(() => startWidget({ server, config: { token: annToken } }))
    const count = await w.ui().findByRole('img', { name: '1 new for you' })
    expect(count.textContent).toBe('1')
    w.reqio.open()
    fireEvent.click(await w.ui().findByRole('tab', { name: 'Updates' }))
    expect(await w.ui().findByText('Status changed')).toBeTruthy()
    await waitFor(() =>
      expect(updateCalls(w)).toEqual([
        `GET /v1/projects/${w.server.projectId}/updates`,
        `POST /v1/projects/${w.server.projectId}/updates/read`,
      ]),
    )
    expect(w.ui().queryByRole('img', { name: /new for you/ })).toBeNull()
    // Each update leads into its request, where the change and the team's answer are.
    fireEvent.click(w.ui().getByRole('button', { name: 'Dark mode' }))
    expect(await w.ui().findByRole('heading', { name: 'Dark mode' })).toBeTruthy()
  })

  it('moves to Updates with the arrow keys like the other tabs', async () => {
    const { server, annToken } = await withAnUpdate()
    const w = startWidget({ server, config: { token: annToken } })
    w.reqio.open()
    const requests = await w.ui().findByRole('tab', { name: 'Requests' })
    fireEvent.keyDown(requests, { key: 'End' })
    expect(
      (await w.ui().findByRole('tab', { name: 'Updates' })).getAttribute('aria-selected'),
    ).toBe('true')
    fireEvent.keyDown(w.ui().getByRole('tab', { name: 'Updates' }), { key: 'ArrowRight' })
    expect(w.ui().getByRole('tab', { name: 'Requests' }).getAttribute('aria-selected')).toBe('true')
  })

  it('costs an anonymous visitor no request and shows them no Updates tab', async () => {
    const { server } = await withAnUpdate()
    const w = await settledWidget(() => startWidget({ server }))
    expect(w.server.calls.map((c) => c.path)).toContain(`/v1/projects/${server.projectId}/widget`)
    w.reqio.open()
    await w.ui().findByText('Dark mode')
    expect(updateCalls(w)).toEqual([])
    expect(w.ui().queryByRole('tab', { name: 'Updates' })).toBeNull()
    expect(w.ui().getAllByRole('tab')).toHaveLength(3)
  })

  it('leaves the Updates tab with the person on reset()', async () => {
    const { server, annToken } = await withAnUpdate()
    const w = startWidget({ server, config: { token: annToken } })
    w.reqio.open()
    fireEvent.click(await w.ui().findByRole('tab', { name: 'Updates' }))
    await w.ui().findByText('Status changed')
    w.reqio.reset()
    await waitFor(() => expect(w.ui().queryByRole('tab', { name: 'Updates' })).toBeNull())
    expect(w.ui().getByRole('tab', { name: 'Requests' }).getAttribute('aria-selected')).toBe('true')
    expect(w.ui().queryByText('Status changed')).toBeNull()
  })
})
