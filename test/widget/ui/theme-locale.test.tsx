import { afterEach, describe, expect, it, vi } from 'vitest'
import { messagesFor } from '../../../src/widget/ui/i18n'
import { resetPage, startWidget } from './helpers/widget'

vi.mock('../../../src/widget/ui/styles.css?inline', () => import('./helpers/real-styles'))

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
  it('speaks German for de-AT', async () => {
    const w = startWidget({ config: { locale: 'de-AT' } })
    w.reqio.open()
    expect(await w.ui().findByRole('button', { name: 'Funktion vorschlagen' })).toBeTruthy()
    expect(w.ui().getByRole('button', { name: 'Schließen' })).toBeTruthy()
    expect(await w.ui().findByText('Keine Wünsche gefunden.')).toBeTruthy()
  })

  it('falls back to English for a language it does not know', async () => {
    const w = startWidget({ config: { locale: 'ja' } })
    w.reqio.open()
    expect(await w.ui().findByRole('button', { name: 'Suggest a feature' })).toBeTruthy()
  })

  it('has every English string in German too', () => {
    const en = messagesFor('en')
    const de = messagesFor('de')
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort())
    expect(Object.keys(de.status).sort()).toEqual(Object.keys(en.status).sort())
    expect(de.rateLimited(5)).toContain('5')
  })
})
