import { fireEvent, waitFor } from '@testing-library/preact'
import { afterEach, describe, expect, it } from 'vitest'
import { currentServer, useRealServer } from './helpers/real-server'
import { reload, resetPage, startWidget } from './helpers/widget'

useRealServer()
afterEach(resetPage)

describe("a visitor's own request waiting for the team's approval", () => {
  it('shows as “Waiting for review” in their list and its view, also after a reload, and to nobody else', async () => {
    await currentServer().seed([{ title: 'Dark mode', votes: 2 }])
    await currentServer().setSettings({ moderation: 'anonymous' })
    const w = startWidget()
    w.reqio.open()
    fireEvent.click(await w.ui().findByRole('button', { name: 'Suggest a feature' }))
    fireEvent.input(w.ui().getByRole('textbox', { name: 'Title' }), {
      target: { value: 'Offline mode' },
    })
    fireEvent.click(w.ui().getByRole('button', { name: 'Send' }))
    expect(await w.ui().findByText('Thanks! Your request is in.')).toBeTruthy()
    const row = (await w.ui().findByRole('button', { name: 'Offline mode' })).closest(
      'li',
    ) as HTMLElement
    expect(row.textContent).toContain('Waiting for review')

    // Back on the next page load, from the server: the board lists it for its author.
    const again = reload(w)
    again.reqio.open()
    fireEvent.click(await again.ui().findByRole('button', { name: 'Offline mode' }))
    await again.ui().findByRole('heading', { name: 'Offline mode' })
    await waitFor(() => expect(again.ui().getByText('Waiting for review')).toBeTruthy())

    // Another visitor's board has only the approved request.
    resetPage()
    const stranger = startWidget()
    stranger.reqio.open()
    await stranger.ui().findByRole('button', { name: 'Dark mode' })
    expect(stranger.ui().queryByText('Offline mode')).toBeNull()
  })
})
