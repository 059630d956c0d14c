/**
 * Classic JSX: h() is preact's createElement, which the bundle has anyway; the automatic
 * runtime would add a second copy of it (jsx()).
 * @jsxRuntime classic
 * @jsx h
 */
import { Component, h } from 'preact'
import type { PersonUpdate } from '../../../shared/notifications'
import { formatDate } from '../format'
import type { Messages } from '../i18n'
import type { UpdatesState } from '../updates'

interface Props {
  state: UpdatesState
  t: Messages
  /** Opening the view reads the updates: the count clears. */
  onRead(): void
  /** Opens the request view, where the change and the team's answer are. */
  onOpenRequest(requestId: string): void
}

/**
 * The "Updates" view: what moved on the requests the user wrote, voted or commented on, each
 * with the day it moved.
 */
export class UpdatesView extends Component<Props> {
  override componentDidMount() {
    this.props.onRead()
  }

  override render({ state, t, onOpenRequest }: Props) {
    if (state.updates.length === 0) return <p class="state">{t.noUpdates}</p>
    return (
      <ul aria-label={t.updates}>
        {state.updates.map((update: PersonUpdate) => (
          <li key={update.id} class={update.read ? 'row' : 'row new'}>
            <div>
              <button type="button" class="link" onClick={() => onOpenRequest(update.requestId)}>
                {update.title}
              </button>
              <br />
              <span class="badge">{t.kinds[update.kind] || update.kind}</span>{' '}
              <span class="badge">{t.status[update.status as 'open'] || update.status}</span>{' '}
              <time dateTime={update.at}>{formatDate(t, update.at)}</time>
            </div>
          </li>
        ))}
      </ul>
    )
  }
}
