import { fireEvent, waitFor } from '@testing-library/preact'
import { afterEach, describe, expect, it } from 'vitest'
import type { CommentPageResponse, RequestDetailResponse } from '../../../src/shared/api'
import { currentServer, useRealServer } from './helpers/real-server'
import { resetPage, startWidget } from './helpers/widget'

useRealServer()
afterEach(resetPage)

/** A request whose thread is longer than one page: replies "Reply 1" … "Reply n". */
async function longThread(n: number) {
  const server = currentServer()
  const [darkMode = ''] = await server.seed([{ title: 'Dark mode', votes: 2 }])
  for (let i = 1; i <= n; i++) await server.teamReply(darkMode, `Reply ${i}`)
  return { server, darkMode }
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
    const { server, darkMode } = await longThread(120)
    const w = startWidget({ server })
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
    // Each page asks for what comes before the oldest comment shown (Reply 71, then Reply 21),
    // with the cursor the server handed out for it.
    const thread = w.server.calls.find((c) => c.method === 'GET' && c.path.endsWith(darkMode))
    const cursors = [
      (thread?.answer as RequestDetailResponse).request.commentsCursor,
      (pages[0]?.answer as CommentPageResponse).nextCursor,
    ]
    expect(pages.map((c) => c.query.get('cursor'))).toEqual(cursors)
    // 120 replies written one by one through the API take a few seconds on a busy machine.
  }, 30_000)

  it('offers no button when the whole thread is there', async () => {
    const w = startWidget({ server: (await longThread(3)).server })
    w.reqio.open()
    fireEvent.click(await w.ui().findByRole('button', { name: 'Dark mode' }))
    await w.ui().findByText('Reply 3')
    expect(w.ui().queryByRole('button', { name: 'Show older comments' })).toBeNull()
  })
})
