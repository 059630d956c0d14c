import { fireEvent, waitFor } from '@testing-library/preact'
import { afterEach, describe, expect, it } from 'vitest'
import { createFakeServer } from './helpers/fake-server'
import { resetPage, startWidget } from './helpers/widget'

afterEach(resetPage)

/** A request whose thread is longer than one page: replies "Reply 1" … "Reply n". */
function longThread(n: number) {
  const server = createFakeServer([{ title: 'Dark mode', votes: 2 }])
  for (let i = 1; i <= n; i++) server.teamReply('r1', `Reply ${i}`)
  return server
}

const shownReplies = (w: ReturnType<typeof startWidget>) =>
  [...w.shadow().querySelectorAll('li')]
    .map((li) => /Reply \d+/.exec(li.textContent ?? '')?.[0])
    .filter(Boolean)

async function openDarkMode(w: ReturnType<typeof startWidget>) {
  w.reqio.open()
  fireEvent.click(await w.ui().findByRole('button', { name: 'Dark mode' }))
  await w.ui().findByText('Reply 120')
}

describe('a long thread in the request view', () => {
  it('shows the newest comments and loads the older ones on demand, oldest first', async () => {
    const w = startWidget({ server: longThread(120) })
    await openDarkMode(w)
    expect(shownReplies(w)).toHaveLength(50)
    expect(shownReplies(w)[0]).toBe('Reply 71')
    expect(w.ui().getByRole('list', { name: '120 comments' })).toBeTruthy()

    fireEvent.click(w.ui().getByRole('button', { name: 'Show older comments' }))
    await w.ui().findByText('Reply 21')
    expect(shownReplies(w)).toHaveLength(100)
    fireEvent.click(w.ui().getByRole('button', { name: 'Show older comments' }))
    await w.ui().findByText('Reply 1')
    const all = Array.from({ length: 120 }, (_, i) => `Reply ${i + 1}`)
    expect(shownReplies(w)).toEqual(all)
    await waitFor(() =>
      expect(w.ui().queryByRole('button', { name: 'Show older comments' })).toBeNull(),
    )
    const pages = w.server.calls.filter((c) => c.method === 'GET' && c.path.endsWith('/comments'))
    expect(pages.map((c) => c.query.get('cursor'))).toEqual(['c71', 'c21'])
  })

  it('offers no button when the whole thread is there', async () => {
    const w = startWidget({ server: longThread(3) })
    w.reqio.open()
    fireEvent.click(await w.ui().findByRole('button', { name: 'Dark mode' }))
    await w.ui().findByText('Reply 3')
    expect(w.ui().queryByRole('button', { name: 'Show older comments' })).toBeNull()
  })
})
