import { fireEvent, waitFor } from '@testing-library/preact'
import { afterEach, describe, expect, it } from 'vitest'
import { currentServer, useRealServer } from './helpers/real-server'
import { resetPage, startWidget } from './helpers/widget'

useRealServer()
afterEach(resetPage)

/** Whether `token`'s person follows the request, as the server says. */
async function followsOnServer(token: string, requestId: string): Promise<boolean> {
  const answer = (await currentServer().asPerson(token, 'GET', `/requests/${requestId}`)) as {
    request: { following: boolean }
  }
  return answer.request.following
}

describe('Follow / Following in the request view', () => {
  it('shows a voter Following, and unfollows and follows again on the server', async () => {
    const [darkMode = ''] = await currentServer().seed([{ title: 'Dark mode' }])
    const token = await currentServer().tokenFor('ada')
    await currentServer().asPerson(token, 'POST', `/requests/${darkMode}/vote`)
    const w = startWidget({ config: { token } })
    w.reqio.open()
    fireEvent.click(await w.ui().findByRole('button', { name: 'Dark mode' }))

    const toggle = await w.ui().findByRole('button', { name: 'Following' })
    expect(toggle.getAttribute('aria-pressed')).toBe('true')
    fireEvent.click(toggle)
    const follow = await w.ui().findByRole('button', { name: 'Follow' })
    expect(follow.getAttribute('aria-pressed')).toBe('false')
    await waitFor(async () => expect(await followsOnServer(token, darkMode)).toBe(false))

    fireEvent.click(follow)
    await w.ui().findByRole('button', { name: 'Following' })
    await waitFor(async () => expect(await followsOnServer(token, darkMode)).toBe(true))
  })

  it('shows no toggle to an anonymous visitor', async () => {
    await currentServer().seed([{ title: 'Dark mode' }])
    const w = startWidget()
    w.reqio.open()
    fireEvent.click(await w.ui().findByRole('button', { name: 'Dark mode' }))
    await w.ui().findByText('No comments yet.')
    expect(w.ui().queryByRole('button', { name: /^Follow/ })).toBeNull()
  })

  it('sets the toggle back and says why when the server cannot be reached', async () => {
    await currentServer().seed([{ title: 'Dark mode' }])
    const w = startWidget({ config: { token: await currentServer().tokenFor('bo') } })
    w.reqio.open()
    fireEvent.click(await w.ui().findByRole('button', { name: 'Dark mode' }))
    const follow = await w.ui().findByRole('button', { name: 'Follow' })
    w.server.setOffline(true)
    fireEvent.click(follow)
    await waitFor(() => expect(w.events.some((e) => e.name === 'error')).toBe(true))
    expect(w.ui().getByRole('button', { name: 'Follow' }).getAttribute('aria-pressed')).toBe(
      'false',
    )
  })
})
