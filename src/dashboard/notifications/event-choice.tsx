import { WEBHOOK_EVENT_CHOICES, type WebhookEventType } from '../../shared/webhook-events'

/** What an endpoint hears: null is every event (including ones added later), else these. */
export type EventSelection = WebhookEventType[] | null

/** The chosen events in the server's order, whatever order they were ticked in. */
export function inServerOrder(chosen: readonly string[]): WebhookEventType[] {
  return WEBHOOK_EVENT_CHOICES.map((choice) => choice.type).filter((type) => chosen.includes(type))
}

/** A selection that can be sent: all, or at least one event ticked. */
export const selectionIsComplete = (selection: EventSelection) =>
  selection === null || selection.length > 0

/**
 * "All events" or "Only the events I choose" with a box per event. `group` keeps the radio
 * buttons of two of these on one page (the new endpoint, an endpoint being changed) apart.
 */
export function EventChoice({
  group,
  legend,
  selection,
  onChange,
}: {
  group: string
  legend: string
  selection: EventSelection
  onChange: (selection: EventSelection) => void
}) {
  const choosing = selection !== null
  return (
    <fieldset class="event-choice">
      <legend>{legend}</legend>
      <label class="check">
        <input
          type="radio"
          name={`${group}-scope`}
          checked={!choosing}
          onChange={() => onChange(null)}
        />{' '}
        All events, including ones added later
      </label>
      <label class="check">
        <input
          type="radio"
          name={`${group}-scope`}
          checked={choosing}
          onChange={() => onChange(selection ?? [])}
        />{' '}
        Only the events I choose
      </label>
      {choosing ? (
        <ul class="event-list">
          {WEBHOOK_EVENT_CHOICES.map((choice) => (
            <li key={choice.type}>
              <label class="check">
                <input
                  type="checkbox"
                  checked={selection.includes(choice.type)}
                  onChange={(event) =>
                    onChange(
                      event.currentTarget.checked
                        ? inServerOrder([...selection, choice.type])
                        : selection.filter((type) => type !== choice.type),
                    )
                  }
                />{' '}
                {choice.label} <code>{choice.type}</code>
              </label>
            </li>
          ))}
        </ul>
      ) : null}
      {selectionIsComplete(selection) ? null : <p class="hint">Tick at least one event.</p>}
    </fieldset>
  )
}
