import type { WidgetSettings } from '../../shared/api'
import type { WidgetConfig } from '../types'
import { textOn } from './contrast'
import type { Tab } from './tabs'

/**
 * The dashboard's Settings › Widget on this page: accent, position, launcher text and which
 * tabs show, as `GET …/widget` brought them (`settings.widget`). What the script tag says
 * itself (`data-position`, `data-accent`) wins. Until the answer comes: the tag, else Reqio's
 * defaults.
 */
export function createWidgetLook(config: WidgetConfig, root: HTMLElement, redraw: () => void) {
  let settings: Partial<WidgetSettings> = {}

  function paint() {
    root.dataset.position = config.position || settings.position || 'bottom-right'
    const accent = config.accent || settings.accent
    if (!accent) {
      root.style.removeProperty('--a')
      root.style.removeProperty('--on')
      return
    }
    // Set through the CSSOM, which CSP allows, unlike a style attribute.
    root.style.setProperty('--a', accent)
    // Named colours and rgb() come back from the browser as rgb(); hex stays as given.
    root.style.color = accent
    root.style.setProperty('--on', textOn(getComputedStyle(root).color || accent))
    root.style.color = ''
  }
  paint()

  return {
    /** The project's settings from the launcher's request; anything malformed is ignored. */
    learn(incoming: unknown) {
      settings = (incoming && typeof incoming === 'object' ? incoming : {}) as typeof settings
      paint()
      redraw()
    },
    /** The site's own launcher words, or undefined for the language's "Feedback". */
    launcherText: (): string | undefined =>
      (typeof settings.launcherText === 'string' && settings.launcherText) || undefined,
    /** Whether the panel offers `tab` (Requests and Updates always). */
    shows: (tab: Tab): boolean =>
      (tab === 'roadmap'
        ? settings.roadmapTab
        : tab === 'news'
          ? settings.changelogTab
          : undefined) !== 'hidden',
  }
}

export type WidgetLook = ReturnType<typeof createWidgetLook>
