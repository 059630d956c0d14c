import { fireEvent, render, screen } from '@testing-library/preact'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ErrorBoundary } from '../../../src/widget/ui/components/ErrorBoundary'
import { useRealServer } from './helpers/real-server'
import { resetPage, startWidget } from './helpers/widget'

vi.mock(
  '../../../src/widget/ui/launcher.css?inline',
  () => import('./helpers/real-launcher-styles'),
)
vi.mock('../../../src/widget/ui/panel.css?inline', () => import('./helpers/real-panel-styles'))

useRealServer()
afterEach(() => {
  resetPage()
  for (const style of document.querySelectorAll('style[data-host]')) style.remove()
})

function addHostCss(css: string) {
  const style = document.createElement('style')
  style.dataset.host = ''
  style.textContent = css
  document.head.append(style)
}

describe('isolation from the host page', () => {
  it('renders into one open shadow root and adds nothing else to the page', async () => {
    const before = document.head.children.length
    const w = startWidget()
    w.reqio.open()
    await w.ui().findByRole('dialog')
    expect(document.querySelectorAll('reqio-widget')).toHaveLength(1)
    expect(w.host().shadowRoot?.mode).toBe('open')
    expect(document.head.children.length).toBe(before)
    expect(document.querySelector('.panel, .launch, [role="dialog"]')).toBeNull()
  })

  // In browsers host CSS reaches in only by inheritance through the host element, and our root
  // resets what it inherits. happy-dom 21 wrongly matches document rules inside shadow roots and
  // lets !important survive inheritance, so the `* { color: red !important }` case itself is
  // checked in headless Chromium (e2e), not here.
  it('keeps its own colors and font when the host page styles the host element', async () => {
    addHostCss('reqio-widget, body { color: red; font-family: Comic Sans MS }')
    const w = startWidget()
    w.reqio.open()
    const close = await w.ui().findByRole('button', { name: 'Close' })
    expect(getComputedStyle(close).color).not.toMatch(/red|255, 0, 0/)
    expect(getComputedStyle(close).fontFamily).not.toContain('Comic')
  })

  it('keeps its styles inside: the host page buttons are not restyled', async () => {
    const own = document.createElement('button')
    own.className = 'launch primary'
    document.body.append(own)
    startWidget().reqio.open()
    expect(getComputedStyle(own).position).not.toBe('fixed')
    own.remove()
  })

  it('sits above the page without taking the maximum z-index', () => {
    const w = startWidget()
    const launcher = w.ui().getByRole('button', { name: 'Feedback' })
    const zIndex = Number(getComputedStyle(launcher).zIndex)
    expect(zIndex).toBeGreaterThan(1_000_000)
    expect(zIndex).toBeLessThan(2_147_483_647)
  })
})

describe('errors never reach the host page', () => {
  it('survives a host listener that throws on open', async () => {
    const w = startWidget()
    w.reqio.on('open', () => {
      throw new Error('host bug')
    })
    expect(() => w.reqio.open()).not.toThrow()
    expect(await w.ui().findByRole('dialog')).toBeTruthy()
  })

  it('shows a message with a retry instead of a blank panel when a view crashes', () => {
    const onError = vi.fn()
    let crash = true
    const Fragile = () => {
      if (crash) throw new Error('render bug')
      return <p>Recovered</p>
    }
    render(
      <ErrorBoundary onError={onError} message="Something went wrong." retry="Retry">
        <Fragile />
      </ErrorBoundary>,
    )
    expect(screen.getByRole('alert').textContent).toContain('Something went wrong.')
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'render bug' }))
    crash = false
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }))
    expect(screen.getByText('Recovered')).toBeTruthy()
  })
})
