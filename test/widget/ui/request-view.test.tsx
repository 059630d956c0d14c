import { randomUUID } from 'node:crypto'
import { fireEvent, waitFor } from '@testing-library/preact'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  createRealServer,
  currentServer,
  type RealServer,
  samePageAgain,
  useRealServer,
} from './helpers/real-server'
import { reload, resetPage, startWidget } from './helpers/widget'

useRealServer()
afterEach(resetPage)

/**
 * Dark mode (answered by the team), CSV export (written by `csvBy`), and `ideas` more requests
 * ("Idea 1" … "Idea n", newest last) for a list longer than the panel.
 */
async function seededServer({
  csvBy,
  ideas = 0,
  server = currentServer(),
}: {
  csvBy?: string
  ideas?: number
  server?: RealServer
} = {}) {
  const [darkMode = ''] = await server.seed([
    {
      title: 'Dark mode',
      body: 'For the night shift.\nPlease.',
      votes: 7,
      status: 'planned',
      statusNote: 'Shipping in May',
    },
    { title: 'CSV export', votes: 3, ...(csvBy && { by: csvBy }) },
    ...Array.from({ length: ideas }, (_, i) => ({ title: `Idea ${i + 1}` })),
  ])
  await server.teamReply(darkMode, 'We are on it.', 'Sam')
  return { server, darkMode }
}

/** The same scene, with 30 ideas, for the tests that only read it: seeded once for the file. */
let readOnly: { server: RealServer; darkMode: string }
beforeAll(async () => {
  readOnly = await seededServer({ ideas: 30, server: await createRealServer() })
})
const readOnlyScene = () => ({ ...readOnly, server: samePageAgain(readOnly.server) })

async function openDarkMode(w: ReturnType<typeof startWidget>) {
  w.reqio.open()
  fireEvent.click(await w.ui().findByRole('button', { name: 'Dark mode' }))
  return w.ui().findByRole('heading', { name: 'Dark mode' })
}

const commentBox = (w: ReturnType<typeof startWidget>) =>
  w.ui().getByRole('textbox', { name: 'Comment' })

async function typeAndSend(w: ReturnType<typeof startWidget>, text: string) {
  fireEvent.input(commentBox(w), { target: { value: text } })
  fireEvent.click(w.ui().getByRole('button', { name: 'Send' }))
}

describe('the request view', () => {
  it('shows title, status with its note, body, votes and the thread, with focus on its heading', async () => {
    const { darkMode, server } = readOnlyScene()
    const w = startWidget({ server })
    const heading = await openDarkMode(w)
    expect(w.focused()).toBe(heading)
    expect(w.ui().getByText('Planned')).toBeTruthy()
    expect(w.ui().getByText('Shipping in May')).toBeTruthy()
    expect(w.ui().getByText(/For the night shift/).textContent).toBe(
      'For the night shift.\nPlease.',
    )
    expect(w.ui().getByRole('button', { name: 'Vote for Dark mode: 7' })).toBeTruthy()
    const reply = (await w.ui().findByText('We are on it.')).closest('li') as HTMLElement
    expect(reply.textContent).toContain('Sam')
    expect(reply.textContent).toContain('Team')
    expect(
      w.server.calls.some(
        (c) => c.path === `/v1/projects/${w.server.projectId}/requests/${darkMode}`,
      ),
    ).toBe(true)
  })

  it('goes back to the list exactly as it was: search, sort, scroll, and focus on the row', async () => {
    const w = startWidget({ server: readOnlyScene().server })
    w.reqio.open()
    fireEvent.click(await w.ui().findByRole('button', { name: 'New' }))
    await w.ui().findByRole('button', { name: 'Dark mode' })
    fireEvent.input(w.ui().getByRole('searchbox', { name: 'Search' }), {
      target: { value: 'Idea' },
    })
    await waitFor(() => expect(w.ui().queryByRole('button', { name: 'Dark mode' })).toBeNull())
    await w.ui().findByRole('button', { name: 'Idea 30' })
    const list = w.shadow().querySelector('.body') as HTMLElement
    list.scrollTop = 240
    fireEvent.scroll(list)
    fireEvent.click(w.ui().getByRole('button', { name: 'Idea 30' }))
    await w.ui().findByRole('heading', { name: 'Idea 30' })
    fireEvent.click(w.ui().getByRole('button', { name: 'Back' }))
    const row = await w.ui().findByRole('button', { name: 'Idea 30' })
    expect(w.focused()).toBe(row)
    expect(w.ui().getByRole('button', { name: 'New', pressed: true })).toBeTruthy()
    expect((w.ui().getByRole('searchbox', { name: 'Search' }) as HTMLInputElement).value).toBe(
      'Idea',
    )
    expect(w.ui().queryByRole('button', { name: 'Dark mode' })).toBeNull()
    expect((w.shadow().querySelector('.body') as HTMLElement).scrollTop).toBe(240)
    const gets = w.server.calls.filter((c) => c.method === 'GET' && c.path.endsWith('/requests'))
    expect(gets.at(-1)?.query.get('sort')).toBe('new')
  })

  it('survives closing and reopening the panel, typed comment included, and shows what the team answered meanwhile', async () => {
    const { server, darkMode } = await seededServer()
    const w = startWidget({ server })
    w.reqio.identify(await server.tokenFor('alice'))
    await openDarkMode(w)
    fireEvent.input(commentBox(w), { target: { value: 'Half-typed' } })
    w.reqio.close()
    await server.teamReply(darkMode, 'Beta is out!', 'Kim')
    w.reqio.open()
    const heading = await w.ui().findByRole('heading', { name: 'Dark mode' })
    expect(w.focused()).toBe(heading)
    expect((commentBox(w) as HTMLTextAreaElement).value).toBe('Half-typed')
    expect(await w.ui().findByText('Beta is out!')).toBeTruthy()
  })

  it('sends an identified user’s comment once with an Idempotency-Key and marks it as theirs', async () => {
    const { server, darkMode } = await seededServer()
    const w = startWidget({ server })
    w.reqio.identify(await server.tokenFor('alice'))
    await openDarkMode(w)
    await typeAndSend(w, '  Me too!  ')
    const mine = (await w.ui().findByText('Me too!')).closest('li') as HTMLElement
    await waitFor(() => expect(mine.textContent).toContain('You'))
    const posts = w.server.writes().filter((c) => c.path.endsWith('/comments'))
    expect(posts).toHaveLength(1)
    expect(posts[0]?.body).toEqual({ body: 'Me too!' })
    expect(posts[0]?.headers.get('Idempotency-Key')).toMatch(/[0-9a-f-]{36}/)
    expect((commentBox(w) as HTMLTextAreaElement).value).toBe('')
    expect(await w.server.commentsOf(darkMode)).toHaveLength(2)
  })

  it('keeps an offline comment pending through a reload and sends it once when back online', async () => {
    const { server, darkMode } = await seededServer()
    const first = startWidget({ server })
    first.reqio.identify(await server.tokenFor('alice'))
    await openDarkMode(first)
    await first.ui().findByText('We are on it.')
    server.setOffline(true)
    await typeAndSend(first, 'Sent from the train')
    const pending = (await first.ui().findByText('Sent from the train')).closest(
      'li',
    ) as HTMLElement
    await waitFor(() => expect(pending.textContent).toContain('Pending'))
    expect(first.ui().getByRole('status').textContent).toContain('it will be sent automatically')
    const key = server.writes().at(-1)?.headers.get('Idempotency-Key')

    const second = reload(first, { config: { token: await server.tokenFor('alice') } })
    server.setOffline(false)
    window.dispatchEvent(new Event('online'))
    window.dispatchEvent(new Event('online'))
    await waitFor(async () => expect(await server.commentsOf(darkMode)).toHaveLength(2))
    await new Promise((resolve) => setTimeout(resolve, 20))
    await server.idle()
    const posts = server.writes().filter((c) => c.path.endsWith('/comments'))
    expect(new Set(posts.map((c) => c.headers.get('Idempotency-Key')))).toEqual(new Set([key]))
    expect(await server.commentsOf(darkMode)).toEqual(['We are on it.', 'Sent from the train'])
    await openDarkMode(second)
    expect(await second.ui().findByText('Sent from the train')).toBeTruthy()
    expect(second.ui().queryByText('Pending')).toBeNull()
  })

  it('tells an anonymous visitor why there is no comment box, unless the project allows them', async () => {
    const { server, darkMode } = await seededServer()
    const w = startWidget({ server })
    await openDarkMode(w)
    expect(await w.ui().findByText('Sign in to comment.')).toBeTruthy()
    expect(w.ui().queryByRole('textbox', { name: 'Comment' })).toBeNull()

    await server.setSettings({ allowAnonymousComments: true })
    const again = reload(w)
    await openDarkMode(again)
    await waitFor(() => expect(again.ui().getByRole('textbox', { name: 'Comment' })).toBeTruthy())
    await typeAndSend(again, 'Anonymous thought')
    await waitFor(async () => expect(await server.commentsOf(darkMode)).toHaveLength(2))
  })

  it('renders comments and notes as text, never as HTML', async () => {
    const { server, darkMode } = await seededServer()
    const payload = '<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>'
    await server.teamReply(darkMode, payload, '<b>Mallory</b>')
    const w = startWidget({ server })
    await openDarkMode(w)
    expect(await w.ui().findByText(payload)).toBeTruthy()
    expect(w.ui().getByText('<b>Mallory</b>')).toBeTruthy()
    expect(w.shadow().querySelector('img, script, li b b')).toBeNull()
    expect((window as { __xss?: number }).__xss).toBeUndefined()
  })

  it('opens from the similar requests of the form too, and Back returns to the form as it was', async () => {
    const w = startWidget({ server: readOnlyScene().server })
    w.reqio.open()
    fireEvent.click(await w.ui().findByRole('button', { name: 'Suggest a feature' }))
    fireEvent.input(w.ui().getByRole('textbox', { name: 'Title' }), {
      target: { value: 'Dark theme' },
    })
    fireEvent.click(await w.ui().findByRole('button', { name: 'Dark mode' }))
    await w.ui().findByRole('heading', { name: 'Dark mode' })
    fireEvent.click(w.ui().getByRole('button', { name: 'Back' }))
    expect((w.ui().getByRole('textbox', { name: 'Title' }) as HTMLInputElement).value).toBe(
      'Dark theme',
    )
  })

  it('leaves with the keyboard: Escape closes the panel from the request view', async () => {
    const w = startWidget({ server: readOnlyScene().server })
    const heading = await openDarkMode(w)
    fireEvent.keyDown(heading, { key: 'Escape' })
    expect(w.ui().queryByRole('dialog')).toBeNull()
  })

  it('shows comment counts and the user’s own requests on the list', async () => {
    // CSV export was written from this browser: its anonymous id wrote it.
    const visitor = randomUUID()
    localStorage.setItem('reqio:anonymous-id', visitor)
    const { server } = await seededServer({ csvBy: visitor })
    const w = startWidget({ server })
    w.reqio.open()
    const darkRow = (await w.ui().findByRole('button', { name: 'Dark mode' })).closest('li')
    // One comment, in the singular (issue 26: "1 comments").
    const badges = [...(darkRow?.querySelectorAll('.badge') ?? [])].map((b) => b.textContent)
    expect(badges).toContain('1 comment')
    const csvRow = w.ui().getByRole('button', { name: 'CSV export' }).closest('li')
    expect(csvRow?.textContent).toContain('You')
  })
})
