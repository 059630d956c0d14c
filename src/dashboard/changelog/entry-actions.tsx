import { useEffect, useState } from 'preact/hooks'
import type { ChangelogEntry } from '../../shared/api'
import type { AudienceResponse } from '../../shared/notifications'
import { countOf } from '../format/plural'
import { ConfirmStep } from '../ui/confirm-step'
import type { ChangelogClient } from './changelog-client'
import { publishLabel, publishSentences } from './publish-sentences'

/** The step waiting for a yes: each says what it does before it does it. */
export type PendingAction = 'publish' | 'ship-more' | 'unpublish' | 'delete'

interface Props {
  projectId: string
  changelog: ChangelogClient
  /** null: a new entry, not saved yet. */
  entry: ChangelogEntry | null
  title: string
  /** The requests saving (or publishing) would ship: all linked for a draft, new links after. */
  shipIds: string[]
  busy: boolean
  /** Opened from outside (Enter in the form); null once it closes. */
  pending: PendingAction | null
  onPendingChange(action: PendingAction | null): void
  onSave(publish: boolean): void
  onUnpublish(): void
  onDelete(): void
}

/**
 * Save, Publish, Unpublish, Delete. Publishing (and giving a published entry new requests) tells
 * people, so it first shows who: "3 people will be emailed", counted by the server.
 */
export function EntryActions(props: Props) {
  const { entry, pending, onPendingChange, busy } = props
  const published = Boolean(entry?.publishedAt)
  const name = props.title.trim() || entry?.title || 'this entry'

  return (
    <div class="entry-actions">
      <div class="actions">
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            published && props.shipIds.length ? onPendingChange('ship-more') : props.onSave(false)
          }
        >
          {published ? 'Save' : 'Save draft'}
        </button>
        {published ? (
          <button type="button" disabled={busy} onClick={() => onPendingChange('unpublish')}>
            Unpublish
          </button>
        ) : (
          <button
            type="button"
            class="primary"
            disabled={busy}
            onClick={() => onPendingChange('publish')}
          >
            Publish now
          </button>
        )}
        {entry ? (
          <button
            type="button"
            class="danger-link"
            disabled={busy}
            onClick={() => onPendingChange('delete')}
          >
            Delete
          </button>
        ) : null}
      </div>
      {pending === 'publish' || pending === 'ship-more' ? (
        <PublishConfirm {...props} action={pending} name={name} />
      ) : null}
      {pending === 'unpublish' ? (
        <ConfirmStep
          question={`Unpublish “${name}”?`}
          confirmLabel="Unpublish"
          busy={busy}
          onConfirm={props.onUnpublish}
          onCancel={() => onPendingChange(null)}
        >
          <p>
            It leaves What’s new and becomes a draft again. Its requests stay Done and nobody is
            emailed now; publishing it again tells their people again.
          </p>
        </ConfirmStep>
      ) : null}
      {pending === 'delete' ? (
        <ConfirmStep
          question={`Delete “${name}”?`}
          confirmLabel="Delete entry"
          tone="danger"
          busy={busy}
          onConfirm={props.onDelete}
          onCancel={() => onPendingChange(null)}
        >
          <p>
            {published ? 'It disappears from What’s new. ' : ''}Its requests keep their status. This
            cannot be undone.
          </p>
        </ConfirmStep>
      ) : null}
    </div>
  )
}

/** Publishing a draft, or saving new links on a published entry: who hears, then yes or no. */
function PublishConfirm(props: Props & { action: 'publish' | 'ship-more'; name: string }) {
  const { changelog, projectId, shipIds, action } = props
  const [audience, setAudience] = useState<AudienceResponse | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const idsKey = shipIds.join(',')

  useEffect(() => {
    let current = true
    setAudience(null)
    setFailure(null)
    changelog.audience(projectId, idsKey ? idsKey.split(',') : []).then((result) => {
      if (!current) return
      if (result.ok) setAudience(result.data)
      else setFailure(result.message)
    })
    return () => {
      current = false
    }
  }, [changelog, projectId, idsKey])

  const shipping = shipIds.length
  const question =
    action === 'publish'
      ? `Publish “${props.name}”?`
      : `Save and ship ${countOf(shipping, 'more request', 'more requests')}?`
  return (
    <ConfirmStep
      question={question}
      confirmLabel={publishLabel(audience, action === 'publish' ? 'Publish' : 'Save')}
      busy={props.busy || (!audience && !failure)}
      onConfirm={() => props.onSave(action === 'publish')}
      onCancel={() => props.onPendingChange(null)}
    >
      {audience ? (
        <ul class="confirm-facts">
          {publishSentences(audience, shipping).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : failure ? (
        <p>Who will hear could not be counted ({failure}). Publishing still tells them.</p>
      ) : (
        <p>Counting who will hear about it…</p>
      )}
    </ConfirmStep>
  )
}
