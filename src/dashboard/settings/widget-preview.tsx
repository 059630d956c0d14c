import type { WidgetSettings } from '../../shared/api'
import { DEFAULT_ACCENT } from '../../shared/api'
import { textOnAccent } from './colour-contrast'

/**
 * A drawing of the widget on a customer's page with the settings as they stand in the form
 * (saved or not): launcher, and the open panel with its tabs. Only a picture: nothing in it
 * can be focused, and screen readers get the caption, which says the same in words.
 */
export function WidgetPreview({
  settings,
  tabs,
}: {
  settings: WidgetSettings
  /** The tabs the widget would offer now (auto ones resolved by what the project has). */
  tabs: { roadmap: boolean; changelog: boolean }
}) {
  const accent = settings.accent ?? DEFAULT_ACCENT
  const onAccent = textOnAccent(accent)
  const launcher = settings.launcherText ?? 'Feedback'
  const shownTabs = [
    'Requests',
    ...(tabs.roadmap ? ['Roadmap'] : []),
    ...(tabs.changelog ? ['What’s new'] : []),
  ]
  const side = settings.position === 'bottom-left' ? 'left' : 'right'
  const colours = { '--preview-accent': accent, '--preview-on-accent': onAccent }
  return (
    <figure class="widget-preview">
      <figcaption>
        Preview: the launcher reads “{launcher}” at the bottom {side} of your page; the panel shows{' '}
        {shownTabs.join(', ')}.
      </figcaption>
      <div class={`preview-page preview-${side}`} style={colours} aria-hidden="true">
        <div class="preview-site">
          <span class="preview-line wide" />
          <span class="preview-line" />
          <span class="preview-line short" />
        </div>
        <div class="preview-panel">
          <div class="preview-panel-head">Feedback</div>
          <div class="preview-tabs">
            {shownTabs.map((name, index) => (
              <span key={name} class={index === 0 ? 'preview-tab selected' : 'preview-tab'}>
                {name}
              </span>
            ))}
          </div>
          <span class="preview-primary">Suggest a feature</span>
          <span class="preview-row">
            <span class="preview-vote">▲ 12</span> Dark mode
          </span>
          <span class="preview-row">
            <span class="preview-vote">▲ 7</span> Export to CSV
          </span>
        </div>
        <span class="preview-launcher">{launcher}</span>
      </div>
    </figure>
  )
}
