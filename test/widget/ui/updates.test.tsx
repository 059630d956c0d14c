/**
 * @jsxRuntime classic
 * @jsx h
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/preact'
import { h } from 'preact'
import { describe, expect, it } from 'vitest'
import { en } from '../../../src/shared/messages'
import type { PersonUpdate } from '../../../src/shared/notifications'
import type { ApiResult, WidgetCore } from '../../../src/widget/types'
import { NewForYou } from '../../../src/widget/ui/components/NewForYou'
import { UpdatesView } from '../../../src/widget/ui/components/UpdatesView'
import { createUpdates } from '../../../src/widget/ui/updates'

const update = (id: string, read = false): PersonUpdate => ({
  id,
  requestId: `r${id}`,
  title: `Request ${id}`,
  kind: 'status',
  status: 'planned',
  at: '2026-12-01T00:00:00.000Z',
  read,
})

/** A core whose API answers what the server would, and records what was asked. */
function fakeCore(key: string, list: PersonUpdate[]) {
  const calls: string[] = []
  const identityListeners: (() => void)[] = []
  const state = { key }
  const ok = <T,>(data: T) =>
    Promise.resolve({ ok: true, data, status: 200 } as unknown as ApiResult<T>)
  const core = {
    identityKey: () => state.key,
    isIdentified: () => state.key.startsWith('user:'),
    onIdentityChange: (listener: () => void) => {
      identityListeners.push(listener)
      return () => {}
    },
    report: (error: unknown) => {
      throw error
    },
    api: {
      updates: () => {
        calls.push('GET /updates')
        return ok({ updates: list, unread: list.filter((u) => !u.read).length })
      },
      readUpdates: (ids?: string[]) => {
        calls.push(`POST /updates/read ${ids ? ids.join(',') : 'all'}`)
        return ok({ unread: 0 })
      },
    },
  } as unknown as WidgetCore
  return {
    core,
    calls,
    becomes(next: string) {
      state.key = next
      for (const listener of identityListeners) listener()
    },
  }
}

describe('updates in the widget', () => {
  it('an anonymous visitor costs no request and shows no count', async () => {
    const fake = fakeCore('anon:1234', [update('1')])
    const updates = createUpdates(fake.core, fake.core.api as never)
    await updates.load()
    expect(fake.calls).toEqual([])
    expect(updates.get().unread).toBe(0)
    const { container } = render(<NewForYou count={updates.get().unread} t={en} />)
    expect(container.textContent).toBe('')
  })

  it('an identified user gets the unread count, and opening the view clears it', async () => {
    const fake = fakeCore('user:ann', [update('2'), update('1', true)])
    const updates = createUpdates(fake.core, fake.core.api as never)
    await updates.load()
    expect(updates.get().unread).toBe(1)
    render(<NewForYou count={updates.get().unread} t={en} />)
    expect(screen.getByLabelText('1 new for you').textContent).toBe('1')

    const opened: string[] = []
    render(
      <UpdatesView
        state={updates.get()}
        onRead={() => updates.markAllRead()}
        t={en}
        onOpenRequest={(id) => opened.push(id)}
      />,
    )
    await waitFor(() => expect(fake.calls).toContain('POST /updates/read all'))
    expect(updates.get().unread).toBe(0)
    fireEvent.click(screen.getByRole('button', { name: 'Request 2' }))
    expect(opened).toEqual(['r2'])
    expect(screen.getAllByText('Planned')).toHaveLength(2)
    expect(screen.getAllByText('Status changed')).toHaveLength(2)
  })

  it('forgets the previous user’s updates when someone else signs in, and loads theirs', async () => {
    const fake = fakeCore('user:ann', [update('1')])
    const updates = createUpdates(fake.core, fake.core.api as never)
    await updates.load()
    fake.becomes('anon:5678')
    expect(updates.get()).toEqual({ updates: [], unread: 0 })
    expect(fake.calls).toEqual(['GET /updates'])
  })

  it('says so when there is nothing yet', () => {
    render(
      <UpdatesView
        state={{ updates: [], unread: 0 }}
        t={en}
        onRead={() => {}}
        onOpenRequest={() => {}}
      />,
    )
    expect(screen.getByText(/Nothing new yet/)).toBeTruthy()
  })
})
