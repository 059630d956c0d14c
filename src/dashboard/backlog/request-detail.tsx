import type { ComponentChildren } from 'preact'
import { useEffect, useRef, useState } from 'preact/hooks'
import type { BacklogRequest } from '../../shared/api'
import type { AdminClient, RequestChanges } from '../api/admin-client'
import { WhyNot } from '../auth/why-not'
import { formatMoney } from '../format/money'
import { requestLink } from '../router'
import { CopyButton } from '../ui/copy-button'
import { authorLabel } from './backlog-table'
import { MergePicker } from './merge-picker'
import { RequestThread } from './request-thread'
import { StatusEditor } from './status-editor'
import { STATUS_LABELS } from './status-labels'
import { VoterGroups } from './voter-groups'

/** What a save did, said where the owner is looking. */
const SAVED_TEXT: Record<'status' | 'title' | 'statusNote', string> = {
  status: 'Status saved.',
  title: 'Title saved.',
  statusNote: 'Status note saved.',
}

/**
 * One request opened in a side drawer: who submitted it, its voters, the thread, and the
 * owner's edits (status, title, merge). It takes focus when it opens and Escape closes it.
 */
export function RequestDetail({
  request,
  others,
  client,
  projectId,
  onChange,
  onThreadChanged,
  onClose,
  audience,
  canTriage = true,
}: {
  request: BacklogRequest
  /** Requests this one can be merged into. */
  others: BacklogRequest[]
  client: AdminClient
  projectId: string
  onChange: (changes: RequestChanges) => Promise<string | null>
  /** A reply, note or moderation happened in the thread. */
  onThreadChanged: () => void
  onClose: () => void
  /** Who a status change would reach (notifications/audience-line), shown beside Status. */
  audience?: ComponentChildren
  /** False for a viewer: the request reads, but status, title, merge and replies are hidden. */
  canTriage?: boolean
}) {
  const [title, setTitle] = useState(request.title)
  const [error, setError] = useState<string | null>(null)
  const [saved, setSaved] = useState<string | null>(null)
  const heading = useRef<HTMLHeadingElement>(null)
  const anonymousVotes = Math.max(0, request.votes - request.voters.length)
  const headingId = `request-title-${request.id}`

  useEffect(() => {
    heading.current?.focus()
  }, [])

  async function apply(changes: RequestChanges) {
    setSaved(null)
    const failure = await onChange(changes)
    setError(failure)
    if (failure) return
    const field = (['status', 'title', 'statusNote'] as const).find((key) => key in changes)
    if (field) setSaved(SAVED_TEXT[field])
  }

  return (
    <section
      class="request-detail"
      aria-label={`Request: ${request.title}`}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose()
      }}
    >
      <header>
        <h2 id={headingId} ref={heading} tabIndex={-1}>
          {request.title}
        </h2>
        <div class="drawer-actions">
          <CopyButton
            text={requestLink(projectId, request.id)}
            label="link to this request"
            idleText="Copy link"
          />
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </header>
      <p class="author-line">
        Submitted by <strong>{authorLabel(request.author)}</strong>
        {request.author ? `, ${formatMoney(request.author.mrrCents)} MRR` : ''}
      </p>
      {request.body ? <p class="request-body">{request.body}</p> : null}
      <p>
        {request.votes} votes from {request.accounts}{' '}
        {request.accounts === 1 ? 'account' : 'accounts'}, {formatMoney(request.mrrCents)} monthly
        revenue behind it
        {anonymousVotes > 0 ? ` (${anonymousVotes} anonymous)` : ''}.
      </p>

      <h3>Voters</h3>
      {request.voters.length === 0 ? (
        <p class="hint">No identified voters yet.</p>
      ) : (
        // Focusable so a keyboard can scroll a wide voters table sideways.
        <div class="scroll-x" tabIndex={0} role="region" aria-label="Voters table">
          <VoterGroups voters={request.voters} />
        </div>
      )}

      {canTriage ? (
        <>
          <StatusEditor request={request} onChange={apply} />
          {audience}
        </>
      ) : (
        <>
          <p>
            Status: <strong>{STATUS_LABELS[request.status]}</strong>
          </p>
          <WhyNot permission="triage" doing="change the status, title or merges, or reply" />
        </>
      )}

      {canTriage ? (
        <form
          class="edit-row"
          onSubmit={(event) => {
            event.preventDefault()
            apply({ title: title.trim() })
          }}
        >
          <label>
            Title <input value={title} onInput={(event) => setTitle(event.currentTarget.value)} />
          </label>
          <button type="submit" disabled={title.trim() === '' || title.trim() === request.title}>
            Save title
          </button>
        </form>
      ) : null}
      <p class="saved" role="status">
        {saved}
      </p>

      {canTriage && others.length > 0 ? (
        <MergePicker
          source={request}
          others={others}
          onMerge={(target) => apply({ mergeInto: target.id })}
        />
      ) : null}
      {error ? <p role="alert">{error}</p> : null}

      <RequestThread
        client={client}
        projectId={projectId}
        requestId={request.id}
        onChanged={onThreadChanged}
        canTriage={canTriage}
      />
    </section>
  )
}
