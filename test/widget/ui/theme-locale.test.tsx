import { afterEach, describe, expect, it, vi } from 'vitest'
import { currentServer, useRealServer } from './helpers/real-server'
import { reload, resetPage, startWidget } from './helpers/widget'

vi.mock(
  '../../../src/widget/ui/launcher.css?inline',
  () => import('./helpers/real-launcher-styles'),
)
vi.mock('../../../src/widget/ui/panel.css?inline', () => import('./helpers/real-panel-styles'))

useRealServer()
afterEach(resetPage)

const themeRoot = (w: ReturnType<typeof startWidget>) =>
  w.shadow().querySelector('[data-theme]') as HTMLElement

describe('theme and accent', () => {
  it.each(['light', 'dark', 'auto'] as const)('marks the %s theme for the styles', (theme) => {
    const w = startWidget({ config: { theme } })
    expect(themeRoot(w).dataset.theme).toBe(theme)
  })

  it('uses data-accent as the accent color of the launcher', () => {
    const w = startWidget({ config: { accent: '#ff5a00' } })
    expect(themeRoot(w).style.getPropertyValue('--a')).toBe('#ff5a00')
    const launcher = w.ui().getByRole('button', { name: 'Feedback' })
    expect(getComputedStyle(launcher).backgroundColor).toMatch(/#ff5a00|255, 90, 0/i)
  })

  it('applies the dark colors in dark theme', () => {
    const w = startWidget({ config: { theme: 'dark' } })
    w.reqio.open()
    expect(getComputedStyle(themeRoot(w)).color).toMatch(/#e6edf3|230, 237, 243/i)
  })
})

describe('languages', () => {
  it('speaks German for de-AT, in strings the server sends', async () => {
    const w = startWidget({ config: { locale: 'de-AT' } })
    w.reqio.open()
    expect(await w.ui().findByRole('button', { name: 'Funktion vorschlagen' })).toBeTruthy()
    expect(w.ui().getByRole('button', { name: 'Schließen' })).toBeTruthy()
    expect(await w.ui().findByText('Noch keine Wünsche: schlagen Sie den ersten vor.')).toBeTruthy()
    const asked = w.server.calls.find((call) => call.path.endsWith('/widget'))
    expect(asked?.query.get('locale')).toBe('de-AT')
  })

  it('keeps the strings for the next page load, which speaks German even offline', async () => {
    const first = startWidget({ config: { locale: 'de' } })
    first.reqio.open()
    await first.ui().findByRole('button', { name: 'Funktion vorschlagen' })
    first.server.setOffline(true)

    const second = reload(first, { config: { locale: 'de' } })
    second.reqio.open()
    expect(await second.ui().findByRole('button', { name: 'Funktion vorschlagen' })).toBeTruthy()
  })

  it('speaks English, and asks for nothing, for English pages', async () => {
    const w = startWidget({ config: { locale: 'en-GB' } })
    w.reqio.open()
    expect(await w.ui().findByRole('button', { name: 'Suggest a feature' })).toBeTruthy()
    expect(w.server.calls.some((call) => call.path.endsWith('/widget'))).toBe(false)
  })

  it('stays in English for a language it does not speak, and when the answer is broken', async () => {
    const w = startWidget({ config: { locale: 'ja' } })
    w.reqio.open()
    expect(await w.ui().findByRole('button', { name: 'Suggest a feature' })).toBeTruthy()

    resetPage()
    const server = currentServer()
    // A broken answer no server of ours sends (a misbehaving proxy or cache): the network hands it over.
    server.answerNext({ status: 200, body: { project: { messages: { suggest: 42, status: 7 } } } })
    const broken = startWidget({ config: { locale: 'de' }, server })
    broken.reqio.open()
    expect(await broken.ui().findByRole('button', { name: 'Suggest a feature' })).toBeTruthy()
    expect(await broken.ui().findByText('No requests yet: suggest the first one.')).toBeTruthy()
  })
})
