import type { TabVisibility } from '../../shared/api'

/**
 * One of the widget's optional tabs: shown, hidden, or shown only once it has something. For
 * the last, says what that means for this project today.
 */
export function TabVisibilityField({
  name,
  legend,
  autoLabel,
  value,
  hasContent,
  emptyNow,
  onChange,
}: {
  name: string
  legend: string
  /** The words of `auto` for this tab. */
  autoLabel: string
  value: TabVisibility
  /** Whether the tab has something today; null while unknown. */
  hasContent: boolean | null
  /** Why an `auto` tab is hidden today. */
  emptyNow: string
  onChange: (value: TabVisibility) => void
}) {
  const labels: Record<TabVisibility, string> = {
    shown: 'Always',
    auto: autoLabel,
    hidden: 'Never',
  }
  const today =
    value !== 'auto' || hasContent === null
      ? null
      : hasContent
        ? 'It shows today.'
        : `${emptyNow}, so it is hidden today.`
  const hintId = `widget-${name}-today`
  return (
    <fieldset class="field choice" aria-describedby={today ? hintId : undefined}>
      <legend>{legend}</legend>
      {(['shown', 'auto', 'hidden'] as const).map((visibility) => (
        <label key={visibility} class="check">
          <input
            type="radio"
            name={`widget-${name}-tab`}
            checked={value === visibility}
            onChange={() => onChange(visibility)}
          />{' '}
          {labels[visibility]}
        </label>
      ))}
      {today ? (
        <p id={hintId} class="hint">
          {today}
        </p>
      ) : null}
    </fieldset>
  )
}
