import { fireEvent, waitFor } from '@testing-library/preact'
import { afterEach, describe, expect, it } from 'vitest'
import { useRealServer } from './helpers/real-server'
import { resetPage, startWidget } from './helpers/widget'

useRealServer()
afterEach(resetPage)

describe('the launcher and the dialog', () => {
  it('opens a labelled modal dialog from the launcher and moves focus into it', async () => {
    const w = startWidget()
    const launcher = w.ui().getByRole('button', { name: 'Feedback' })
    expect(launcher.getAttribute('aria-expanded')).toBe('false')
    launcher.focus()
    fireEvent.click(launcher)
    const dialog = await w.ui().findByRole('dialog', { name: 'Feedback' })
    expect(dialog.getAttribute('aria-modal')).toBe('true')
    await waitFor(() => expect(w.focused()).toBe(w.ui().getByRole('searchbox', { name: 'Search' })))
    expect(w.eventsNamed('open')).toHaveLength(1)
  })

  it('closes on Escape and gives focus back to the launcher', async () => {
    const w = startWidget()
    const launcher = w.ui().getByRole('button', { name: 'Feedback' })
    launcher.focus()
    fireEvent.click(launcher)
    const dialog = await w.ui().findByRole('dialog')
    await waitFor(() => expect(w.focused()).not.toBe(launcher))
    fireEvent.keyDown(dialog, { key: 'Escape' })
    await waitFor(() => expect(w.ui().queryByRole('dialog')).toBeNull())
    await waitFor(() => expect(w.focused()).toBe(launcher))
    expect(w.eventsNamed('close')).toHaveLength(1)
  })

  it('keeps Tab inside the dialog in both directions', async () => {
    const w = startWidget()
    w.reqio.open()
    const dialog = await w.ui().findByRole('dialog')
    const close = w.ui().getByRole('button', { name: 'Close' })
    const last = w.ui().getByRole('searchbox', { name: 'Search' })
    last.focus()
    fireEvent.keyDown(dialog, { key: 'Tab' })
    expect(w.focused()).toBe(close)
    fireEvent.keyDown(dialog, { key: 'Tab', shiftKey: true })
    expect(w.focused()).toBe(last)
  })

  it('closes with the close button and with Reqio.close()', async () => {
    const w = startWidget()
    w.reqio.open()
    fireEvent.click(await w.ui().findByRole('button', { name: 'Close' }))
    await waitFor(() => expect(w.ui().queryByRole('dialog')).toBeNull())
    w.reqio.open()
    await w.ui().findByRole('dialog')
    w.reqio.close()
    await waitFor(() => expect(w.ui().queryByRole('dialog')).toBeNull())
  })

  it('shows no launcher with data-launcher="none" and returns focus to the host page button', async () => {
    const own = document.createElement('button')
    own.textContent = 'Give feedback'
    document.body.append(own)
    const w = startWidget({ config: { launcher: 'none' } })
    expect(w.ui().queryByRole('button', { name: 'Feedback' })).toBeNull()
    own.focus()
    w.reqio.open()
    const dialog = await w.ui().findByRole('dialog')
    fireEvent.keyDown(dialog, { key: 'Escape' })
    await waitFor(() => expect(document.activeElement).toBe(own))
    own.remove()
  })

  it('places launcher and panel on the side named by data-position', () => {
    const w = startWidget({ config: { position: 'bottom-left' } })
    expect(w.shadow().querySelector('[data-position]')?.getAttribute('data-position')).toBe(
      'bottom-left',
    )
  })
})
