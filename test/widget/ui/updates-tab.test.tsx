import { fireEvent, waitFor } from '@testing-library/preact'
import { afterEach, describe, expect, it } from 'vitest'
import { tokenFor } from '../core/helpers'
import { createFakeServer } from './helpers/fake-server'
import { resetPage, settledWidget, startWidget } from './helpers/widget'

afterEach(resetPage)

/** A server where Dark mode moved to planned for whoever is identified. */
function withAnUpdate() {
  const server = createFakeServer([{ title: 'Dark mode', status: 'planned' }])
  server.updates.push({
    id: 'u1',
    requestId: 'r1',
    title: 'Dark mode',
    kind: 'status',
    status: 'planned',
    at: '2026-12-01T10:00:00.000Z',
    read: false,
  })
  return server
}

const updateCalls = (w: ReturnType<typeof startWidget>) =>
  w.server.calls.filter((c) => c.path.includes('/updates')).map((c) => `${c.method} ${c.path}`)

describe('Updates in the widget', () => {
  it('shows an identified user’s unread count on the launcher, lists it, and reading clears it', async () => {
    const w = await settledWidget(() =>
      startWidget({ server: withAnUpdate(), config: { token: tokenFor('ann') } }),
    )
    const count = await w.ui().findByRole('img', { name: '1 unread updates' })
    expect(count.textContent).toBe('1')
    w.reqio.open()
    fireEvent.click(await w.ui().findByRole('tab', { name: 'Updates' }))
    expect(await w.ui().findByText('Status changed')).toBeTruthy()
    await waitFor(() =>
      expect(updateCalls(w)).toEqual([
        'GET /v1/projects/demo/updates',
        'POST /v1/projects/demo/updates/read',
      ]),
    )
    expect(w.ui().queryByRole('img', { name: /unread updates/ })).toBeNull()
    // Each update leads into its request, where the change and the team's answer are.
    fireEvent.click(w.ui().getByRole('button', { name: 'Dark mode' }))
    expect(await w.ui().findByRole('heading', { name: 'Dark mode' })).toBeTruthy()
  })

  it('moves to Updates with the arrow keys like the other tabs', async () => {
    const w = startWidget({ server: withAnUpdate(), config: { token: tokenFor('ann') } })
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
    const w = await settledWidget(() => startWidget({ server: withAnUpdate() }))
    expect(w.server.calls.map((c) => c.path)).toContain('/v1/projects/demo/widget')
    w.reqio.open()
    await w.ui().findByText('Dark mode')
    expect(updateCalls(w)).toEqual([])
    expect(w.ui().queryByRole('tab', { name: 'Updates' })).toBeNull()
    expect(w.ui().getAllByRole('tab')).toHaveLength(3)
  })

  it('leaves the Updates tab with the person on reset()', async () => {
    const w = startWidget({ server: withAnUpdate(), config: { token: tokenFor('ann') } })
    w.reqio.open()
    fireEvent.click(await w.ui().findByRole('tab', { name: 'Updates' }))
    await w.ui().findByText('Status changed')
    w.reqio.reset()
    await waitFor(() => expect(w.ui().queryByRole('tab', { name: 'Updates' })).toBeNull())
    expect(w.ui().getByRole('tab', { name: 'Requests' }).getAttribute('aria-selected')).toBe('true')
    expect(w.ui().queryByText('Status changed')).toBeNull()
  })
})
