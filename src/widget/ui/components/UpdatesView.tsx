/**
 * Classic JSX: h() is preact's createElement, which the bundle has anyway; the automatic
 * runtime would add a second copy of it (jsx()).
 * @jsxRuntime classic
 * @jsx h
 */
import { Component, h } from 'preact'
import type { PersonUpdate, UpdateKind } from '../../../shared/notifications'
import type { UpdatesState } from '../updates'

/** English strings; the lead moves them into shared/messages.ts with the other languages. */
export const UPDATES_LABELS = {
  title: 'Updates',
  empty: 'Nothing new yet. You will see here when something you asked for moves.',
  /** `{n}` is the count. */
  unread: '{n} unread updates',
  kind: { status: 'Status changed', reply: 'The team replied', shipped: 'Shipped' } as Record<
    UpdateKind,
    string
  >,
}

export type UpdatesLabels = typeof UPDATES_LABELS

/** The count on the launcher: nothing at 0 (and so nothing for anonymous visitors). */
export function UnreadCount({
  unread,
  labels = UPDATES_LABELS,
}: {
  unread: number
  labels?: UpdatesLabels
}) {
  if (unread <= 0) return null
  return (
    <span class="unread" aria-label={labels.unread.replace('{n}', String(unread))}>
      {unread > 9 ? '9+' : unread}
    </span>
  )
}

interface Props {
  state: UpdatesState
  /** Opening the view reads the updates: the count clears. */
  onRead(): void
  /** Opens the request view (conversations); without it an update is plain text. */
  onOpenRequest?(requestId: string): void
  /** Status names as the board shows them. */
  statusLabel(status: string): string
  labels?: UpdatesLabels
}

/** The "Updates" view: what moved on the requests the user wrote, voted or commented on. */
export class UpdatesView extends Component<Props> {
  override componentDidMount() {
    this.props.onRead()
  }

  override render({ state, onOpenRequest, statusLabel, labels = UPDATES_LABELS }: Props) {
    if (state.updates.length === 0) return <p class="empty">{labels.empty}</p>
    return (
      <ul class="updates" aria-label={labels.title}>
        {state.updates.map((update: PersonUpdate) => (
          <li key={update.id} class={update.read ? 'row' : 'row new'}>
            <div>
              {onOpenRequest ? (
                <button type="button" class="link" onClick={() => onOpenRequest(update.requestId)}>
                  {update.title}
                </button>
              ) : (
                update.title
              )}
              <br />
              <span class="badge">{labels.kind[update.kind]}</span>{' '}
              <span class="badge">{statusLabel(update.status)}</span>
            </div>
          </li>
        ))}
      </ul>
    )
  }
}
