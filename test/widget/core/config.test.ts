import { afterEach, describe, expect, it, vi } from 'vitest'
import { findOwnScript, readWidgetConfig } from '../../../src/widget/config'
import { addWidgetScript, captureFetch, cleanPage, loadWidgetJs, page, settle } from './helpers'

function pretendCurrentScript(script: HTMLScriptElement | null): void {
  Object.defineProperty(document, 'currentScript', { configurable: true, get: () => script })
}

afterEach(() => {
  delete (document as { currentScript?: unknown }).currentScript
  document.documentElement.lang = ''
  cleanPage()
})

describe('reading the config from our own script tag', () => {
  it('reads every data attribute from document.currentScript', () => {
    addWidgetScript({ 'data-project-id': 'other' })
    const ours = addWidgetScript(
      {
        'data-project-id': 'p1',
        'data-identity-token': 'tok',
        'data-api-url': 'https://feedback.example.com/reqio/',
        'data-position': 'bottom-left',
        'data-launcher': 'none',
        'data-theme': 'dark',
        'data-accent': '#0a7',
        'data-locale': 'de',
      },
      'https://cdn.example.com/widget.js',
    )
    addWidgetScript({ 'data-project-id': 'last' })
    pretendCurrentScript(ours)

    expect(readWidgetConfig(document)).toEqual({
      projectId: 'p1',
      token: 'tok',
      apiUrl: 'https://feedback.example.com/reqio',
      position: 'bottom-left',
      launcher: 'none',
      theme: 'dark',
      accent: '#0a7',
      locale: 'de',
    })
  })

  it('falls back to the last widget.js tag with a project id when currentScript is null', () => {
    addWidgetScript({ 'data-project-id': 'first' }, 'https://one.example/widget.js')
    addWidgetScript({ 'data-project-id': 'second' }, 'https://two.example/widget.js?v=3')
    pretendCurrentScript(null)

    const config = readWidgetConfig(document)

    expect(config?.projectId).toBe('second')
    expect(config?.apiUrl).toBe('https://two.example')
  })

  it('ignores a currentScript that is not ours, such as a tag manager snippet', () => {
    const loader = document.createElement('script')
    document.head.append(loader)
    addWidgetScript({ 'data-project-id': 'p1' })
    pretendCurrentScript(loader)

    expect(findOwnScript(document)?.getAttribute('data-project-id')).toBe('p1')
  })

  it('defaults the API to the origin that served widget.js and the locale to the page lang', () => {
    document.documentElement.lang = 'fr-CA'
    addWidgetScript({ 'data-project-id': 'p1' }, 'https://reqio.app/widget.js')

    expect(readWidgetConfig(document)).toEqual({
      projectId: 'p1',
      token: undefined,
      apiUrl: 'https://reqio.app',
      // Not on the tag: the dashboard's setting decides (ui/widget-settings.ts).
      position: undefined,
      launcher: 'default',
      theme: 'light',
      accent: undefined,
      locale: 'fr-CA',
    })
  })

  it('falls back to defaults for unknown settings and refuses an accent that is not a plain value', () => {
    addWidgetScript({
      'data-project-id': 'p1',
      'data-position': 'top-middle',
      'data-launcher': 'fancy',
      'data-theme': 'neon',
      'data-accent': 'red; background: url(https://evil.example)',
    })

    const config = readWidgetConfig(document)

    expect(config).toMatchObject({ launcher: 'default', theme: 'light' })
    expect(config?.position).toBeUndefined()
    expect(config?.accent).toBeUndefined()
  })

  it('without a project id warns once, sends nothing and leaves a harmless window.Reqio', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { spy } = captureFetch()
    addWidgetScript({ 'data-identity-token': 'tok' })

    await loadWidgetJs()
    expect(() => {
      page.Reqio.identify('tok')
      page.Reqio.open()
      page.Reqio.on('ready', () => {})()
      page.Reqio.reset()
    }).not.toThrow()
    await settle()

    expect(warn).toHaveBeenCalledTimes(1)
    expect(warn.mock.calls[0]?.[0]).toMatch(/^\[Reqio\] widget\.js needs data-project-id/)
    expect(spy).not.toHaveBeenCalled()
  })
})
