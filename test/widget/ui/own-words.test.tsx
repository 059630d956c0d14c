import { fireEvent, waitFor, within } from '@testing-library/preact'
import { afterEach, describe, expect, it } from 'vitest'
import { currentServer, useRealServer } from './helpers/real-server'
import { resetPage, startWidget } from './helpers/widget'

useRealServer()
afterEach(resetPage)

type Widget = ReturnType<typeof startWidget>

/** Alice's request "Dark mode" with her comment and the team's reply; the widget signed in as her. */
async function aliceWithHerComment() {
  const server = currentServer()
  const token = await server.tokenFor('alice')
  const { request } = (await server.asPerson(token, 'POST', '/requests', {
    title: 'Dark mode',
    body: 'For the night.',
  })) as { request: { id: string } }
  await server.asPerson(token, 'POST', `/requests/${request.id}/comments`, { body: 'Pleese' })
  await server.teamReply(request.id, 'We are on it.', 'Sam')
  const w = startWidget({ server })
  w.reqio.identify(token)
  return { w, server, requestId: request.id, token }
}

async function openDarkMode(w: Widget) {
  w.reqio.open()
  fireEvent.click(await w.ui().findByRole('button', { name: 'Dark mode' }))
  await w.ui().findByRole('heading', { name: 'Dark mode' })
}

const itemOf = (w: Widget, text: string) => w.ui().getByText(text).closest('li') as HTMLElement

describe('editing your own words in the widget', () => {
  it('offers Edit and Delete on your own comment only, and saves an edit marked "edited"', async () => {
    const { w, server, requestId } = await aliceWithHerComment()
    await openDarkMode(w)
    await w.ui().findByText('Pleese')
    expect(itemOf(w, 'We are on it.').querySelector('button')).toBeNull()
    fireEvent.click(w.ui().getAllByRole('button', { name: 'Edit' }).at(-1) as HTMLElement)
    const box = w.ui().getByDisplayValue('Pleese') as HTMLTextAreaElement
    expect(w.focused()).toBe(box)
    fireEvent.input(box, { target: { value: 'Please' } })
    fireEvent.click(w.ui().getByRole('button', { name: 'Save' }))
    await w.ui().findByText('Please')
    expect(itemOf(w, 'Please').textContent).toContain('edited')
    expect(await server.commentsOf(requestId)).toEqual(['Please', 'We are on it.'])
    const patch = w.server.calls.find((c) => c.method === 'PATCH')
    expect(patch?.path).toMatch(/\/requests\/r_[^/]+\/comments\/c_[^/]+$/)
  })

  it('asks before deleting: Cancel keeps the comment, Delete removes it and its count', async () => {
    const { w, server, requestId } = await aliceWithHerComment()
    await openDarkMode(w)
    await w.ui().findByText('Pleese')
    const own = () => within(itemOf(w, 'Pleese'))
    fireEvent.click(own().getByRole('button', { name: 'Delete' }))
    expect(itemOf(w, 'Pleese').textContent).toContain('Delete this comment?')
    fireEvent.click(own().getByRole('button', { name: 'Cancel' }))
    expect(w.server.writes().filter((c) => c.method === 'DELETE')).toEqual([])
    fireEvent.click(own().getByRole('button', { name: 'Delete' }))
    const confirm = own().getByRole('button', { name: 'Delete' })
    expect(w.focused()).toBe(confirm)
    fireEvent.click(confirm)
    await waitFor(() => expect(w.ui().queryByText('Pleese')).toBeNull())
    expect(w.ui().getByRole('list', { name: '1 comment' })).toBeTruthy()
    expect(await server.commentsOf(requestId)).toEqual(['We are on it.'])
  })

  it('keeps your words in the box when an edit fails, and says why', async () => {
    const { w, server, requestId } = await aliceWithHerComment()
    await openDarkMode(w)
    await w.ui().findByText('Pleese')
    fireEvent.click(within(itemOf(w, 'Pleese')).getByRole('button', { name: 'Edit' }))
    fireEvent.input(w.ui().getByDisplayValue('Pleese'), { target: { value: 'My careful words' } })
    w.server.answerNext({ status: 500, body: { error: { code: 'internal_error', message: 'x' } } })
    fireEvent.click(w.ui().getByRole('button', { name: 'Save' }))
    await w.ui().findByText('Something went wrong.')
    expect(w.ui().getByDisplayValue('My careful words')).toBeTruthy()
    expect(await server.commentsOf(requestId)).toEqual(['Pleese', 'We are on it.'])
  })

  it('edits your own request while nobody else joined in: new title and body, marked "edited"', async () => {
    const { w, server } = await aliceWithHerComment()
    await openDarkMode(w)
    await w.ui().findByText('Pleese')
    fireEvent.click(w.ui().getAllByRole('button', { name: 'Edit' })[0] as HTMLElement)
    const title = w.ui().getByRole('textbox', { name: 'Title' }) as HTMLInputElement
    expect(w.focused()).toBe(title)
    fireEvent.input(title, { target: { value: 'Dark theme' } })
    fireEvent.input(w.ui().getByRole('textbox', { name: 'Details (optional)' }), {
      target: { value: 'For the night shift.' },
    })
    fireEvent.click(w.ui().getByRole('button', { name: 'Save' }))
    await w.ui().findByRole('heading', { name: 'Dark theme' })
    expect(w.ui().getByText('For the night shift.')).toBeTruthy()
    expect(w.ui().getAllByText('edited').length).toBe(1)
    expect(await server.titles()).toEqual(['Dark theme'])
  })

  it('offers no Edit on your request once someone else voted, and says why when the server refuses', async () => {
    const { w, server, requestId } = await aliceWithHerComment()
    await openDarkMode(w)
    await w.ui().findByText('Pleese')
    fireEvent.click(w.ui().getAllByRole('button', { name: 'Edit' })[0] as HTMLElement)
    fireEvent.input(w.ui().getByRole('textbox', { name: 'Title' }), {
      target: { value: 'Dark theme' },
    })
    // Bob votes while Alice types: the server has the last word.
    await server.asPerson(await server.tokenFor('bob'), 'POST', `/requests/${requestId}/vote`)
    fireEvent.click(w.ui().getByRole('button', { name: 'Save' }))
    await w.ui().findByText('Others have voted or commented: it can no longer be edited.')
    expect(w.ui().getByDisplayValue('Dark theme')).toBeTruthy()
    expect(await server.titles()).toEqual(['Dark mode'])
    // Seen again, the request shows its two votes and no Edit button.
    fireEvent.click(w.ui().getByRole('button', { name: 'Cancel' }))
    fireEvent.click(w.ui().getByRole('button', { name: 'Back' }))
    await openDarkMode(w)
    await w.ui().findByRole('button', { name: 'Vote for Dark mode: 2' })
    expect(w.ui().getAllByRole('button', { name: 'Edit' })).toHaveLength(1)
  })
})
