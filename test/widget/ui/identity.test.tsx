import { fireEvent, waitFor } from '@testing-library/preact'
import { afterEach, describe, expect, it } from 'vitest'
import { currentServer, useRealServer } from './helpers/real-server'
import { resetPage, startWidget } from './helpers/widget'

useRealServer()
afterEach(resetPage)

describe('when the person using the widget changes', () => {
  it('reloads the board for the new person, with their token', async () => {
    await currentServer().seed([{ title: 'Dark mode' }])
    const w = startWidget()
    w.reqio.open()
    await w.ui().findByText('Dark mode')
    // One token: tokenFor() stamps the current second, so a second call can differ.
    const alice = await w.server.tokenFor('alice')
    w.reqio.identify(alice)
    await waitFor(() =>
      expect(
        w.server.calls
          .filter((c) => c.method === 'GET')
          .at(-1)
          ?.headers.get('Authorization'),
      ).toBe(`Bearer ${alice}`),
    )
    expect(await w.ui().findByText('Dark mode')).toBeTruthy()
  })

  it('keeps the previous person’s pending submission to itself', async () => {
    const w = startWidget()
    w.server.setOffline(true)
    w.reqio.open()
    fireEvent.click(await w.ui().findByRole('button', { name: 'Suggest a feature' }))
    fireEvent.input(w.ui().getByRole('textbox', { name: 'Title' }), {
      target: { value: 'Anonymous idea' },
    })
    fireEvent.click(w.ui().getByRole('button', { name: 'Send' }))
    await w.ui().findByText('Anonymous idea')
    w.reqio.identify(await w.server.tokenFor('bob'))
    await waitFor(() => expect(w.ui().queryByText('Anonymous idea')).toBeNull())
    w.server.setOffline(false)
    window.dispatchEvent(new Event('online'))
    await new Promise((resolve) => setTimeout(resolve, 20))
    await w.server.idle()
    expect(await w.server.titles()).toEqual([])
  })

  it('sends what an expired token held back once the site hands over a fresh one', async () => {
    const w = startWidget()
    w.reqio.identify(await w.server.tokenFor('carol', -60))
    w.reqio.open()
    fireEvent.click(await w.ui().findByRole('button', { name: 'Suggest a feature' }))
    fireEvent.input(w.ui().getByRole('textbox', { name: 'Title' }), {
      target: { value: 'Held back' },
    })
    fireEvent.click(w.ui().getByRole('button', { name: 'Send' }))
    expect(await w.ui().findByText('Pending')).toBeTruthy()
    expect(w.ui().getByRole('status').textContent).toContain('Your session expired.')
    expect(await w.server.titles()).toEqual([])
    const fresh = await w.server.tokenFor('carol')
    w.reqio.identify(fresh)
    await waitFor(async () => expect(await w.server.titles()).toEqual(['Held back']))
    const post = w.server.writes().find((c) => c.path.endsWith('/requests'))
    expect(post?.headers.get('Authorization')).toBe(`Bearer ${fresh}`)
  })
})
