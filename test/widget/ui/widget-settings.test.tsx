import { waitFor } from '@testing-library/preact'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { WidgetConfig } from '../../../src/widget/types'
import { currentServer, useRealServer } from './helpers/real-server'
import { resetPage, settledWidget, startWidget } from './helpers/widget'

vi.mock(
  '../../../src/widget/ui/launcher.css?inline',
  () => import('./helpers/real-launcher-styles'),
)
vi.mock('../../../src/widget/ui/panel.css?inline', () => import('./helpers/real-panel-styles'))

useRealServer()
afterEach(resetPage)

/** A page whose tag says nothing of position or accent, once its background request answered. */
const settledPage = (config: Partial<WidgetConfig> = {}) =>
  settledWidget(() => startWidget({ config: { position: undefined, ...config } }))

const root = (w: ReturnType<typeof startWidget>) =>
  w.shadow().querySelector('[data-position]') as HTMLElement
const tabNames = (w: ReturnType<typeof startWidget>) =>
  w
    .ui()
    .getAllByRole('tab')
    .map((tab) => tab.textContent)

describe('the dashboard’s widget settings on the page', () => {
  it('draws the launcher with Reqio’s defaults until the settings answer', () => {
    const w = startWidget({ config: { position: undefined } })
    expect(root(w).dataset.position).toBe('bottom-right')
    expect(root(w).style.getPropertyValue('--a')).toBe('')
    expect(w.ui().getByRole('button', { name: 'Feedback' })).toBeTruthy()
  })

  it('applies accent, position and launcher text once the page has settled', async () => {
    await currentServer().setSettings({
      widget: { accent: '#ffcc00', position: 'bottom-left', launcherText: 'Ideas & bugs' },
    })
    const w = await settledPage()
    const launcher = await w.ui().findByRole('button', { name: 'Ideas & bugs' })
    expect(root(w).dataset.position).toBe('bottom-left')
    expect(getComputedStyle(launcher).backgroundColor).toMatch(/#ffcc00|255, 204, 0/i)
    // White would read at 1.6:1 on yellow: the launcher's text turns black.
    expect(root(w).style.getPropertyValue('--on')).toBe('#000')
  })

  it('lets the script tag’s data-position and data-accent win over the dashboard', async () => {
    await currentServer().setSettings({
      widget: { accent: '#ffcc00', position: 'bottom-left', launcherText: 'Ideas' },
    })
    const w = await settledPage({ position: 'bottom-right', accent: '#0a7' })
    // The tag has no launcher text: the dashboard's still applies.
    expect(await w.ui().findByRole('button', { name: 'Ideas' })).toBeTruthy()
    expect(root(w).dataset.position).toBe('bottom-right')
    expect(root(w).style.getPropertyValue('--a')).toBe('#0a7')
  })

  it('offers only the tabs the site owner shows; auto ones once they have something', async () => {
    const server = currentServer()
    await server.setSettings({ widget: { roadmapTab: 'hidden', changelogTab: 'auto' } })
    const first = await settledPage()
    first.reqio.open()
    await waitFor(() => expect(tabNames(first)).toEqual(['Requests']))
    resetPage()

    await server.publish({ title: 'Dark mode is here', body: 'Finally.' })
    const second = await settledPage()
    second.reqio.open()
    await waitFor(() => expect(tabNames(second)).toEqual(['Requests', 'What’s new']))
  })

  it('keeps the defaults when the answer’s settings are broken', async () => {
    const server = currentServer()
    server.answerNext({ status: 200, body: { project: { settings: { widget: 'teal' } } } })
    const w = await settledPage()
    await waitFor(() =>
      expect(server.calls.some((call) => call.path.endsWith('/widget'))).toBe(true),
    )
    w.reqio.open()
    await waitFor(() => expect(tabNames(w)).toEqual(['Requests', 'Roadmap', 'What’s new']))
    expect(root(w).dataset.position).toBe('bottom-right')
    expect(w.ui().getByRole('button', { name: 'Feedback' })).toBeTruthy()
  })
})
