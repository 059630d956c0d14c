import { useCallback, useRef, useState } from 'preact/hooks'
import type { BacklogRequest, MergedRequest, RequestTag } from '../../shared/api'
import type { AdminClient, RequestChanges } from '../api/admin-client'
import { WhyNot } from '../auth/why-not'
import { VoteForCustomer } from '../customers/vote-for-customer'
import { LinkedIssues } from '../integrations/linked-issues'
import { RequestModeration } from '../moderation/request-moderation'
import { AtRiskAccounts } from '../revenue/at-risk-accounts'
import { requestLink } from '../router'
import { RequestTagsEditor } from '../tags/request-tags-editor'
import { ConfirmStep } from '../ui/confirm-step'
import { CopyButton } from '../ui/copy-button'
import { DrawerDialog } from './drawer-dialog'
import { MergePicker } from './merge-picker'
import { MergedRequests } from './merged-requests'
import { RequestSummary } from './request-summary'
import { RequestThread } from './request-thread'
import { StatusEditor } from './status-editor'
import { STATUS_LABELS } from './status-labels'
import { unsavedSentence, useUnsavedDrafts } from './unsaved-drafts'
import { useAudience } from './use-audience'
import { useRequestDetail } from './use-request-detail'
import { VoterGroups } from './voter-groups'
import './drawer.css'

/** Where a save is confirmed: beside the control that made it. */
type SavedAt = 'status' | 'title' | 'merged'

/** What a save did, said where the owner is looking. */
function savedText(changes: RequestChanges): string {
  if (changes.status && changes.statusNote !== undefined) return 'Status and note saved.'
  if (changes.status) return 'Status saved.'
  if (changes.statusNote !== undefined) return 'Status note saved.'
  return 'Title saved.'
}

/**
 * One request opened over the backlog (drawer-dialog.tsx): the thread and the reply box first,
 * then status with its public note (one save that says who will hear), title, voters by
 * account, what was merged into it (Unmerge) and merging it into another.
 */
export function RequestDetail({
  request,
  others,
  client,
  projectId,
  onChange,
  onThreadChanged,
  onUnmerged,
  onClose,
  canTriage = true,
  publicLink,
  onModerated,
  tags = null,
}: {
  request: BacklogRequest
  /** Requests this one can be merged into. */
  others: BacklogRequest[]
  client: AdminClient
  projectId: string
  onChange: (changes: RequestChanges) => Promise<string | null>
  /** A reply, note, moderation or unmerge happened: the backlog's counts change. */
  onThreadChanged: () => void
  /** A merge was undone here: the backlog's own "Undo merge" offer may be stale. */
  onUnmerged?: () => void
  onClose: () => void
  /** False for a viewer: the request reads, but status, title, merge and replies are hidden. */
  canTriage?: boolean
  /** The link to give customers: the request on the project's site, else on its portal. */
  publicLink?: string
  /** v3 moderation: the request was deleted, rejected or approved here. */
  onModerated?: (notice: string) => void
  /** The project's tags, to put on the request (tags/request-tags-editor.tsx). */
  tags?: RequestTag[] | null
}) {
  const [title, setTitle] = useState(request.title)
  const [error, setError] = useState<string | null>(null)
  const [saved, setSaved] = useState<{ at: SavedAt; text: string } | null>(null)
  const heading = useRef<HTMLHeadingElement>(null)
  const { detail, error: loadError, reload } = useRequestDetail(client, projectId, request.id)
  const audience = useAudience(client, projectId, request.id)
  const { drafts, report } = useUnsavedDrafts()
  const [askingToClose, setAskingToClose] = useState(false)
  const reportStatus = useCallback((unsaved: boolean) => report('status', unsaved), [report])
  const reportReply = useCallback((unsaved: boolean) => report('reply', unsaved), [report])

  /** Close, Escape and a click beside the drawer: a typed note or reply is not dropped unasked. */
  function requestClose() {
    if (drafts.length > 0) setAskingToClose(true)
    else onClose()
  }

  async function apply(changes: RequestChanges, at: SavedAt): Promise<boolean> {
    setSaved(null)
    const failure = await onChange(changes)
    setError(failure)
    if (!failure && !changes.mergeInto) setSaved({ at, text: savedText(changes) })
    return failure === null
  }

  async function threadChanged() {
    await reload()
    onThreadChanged()
  }

  async function unmerge(merged: MergedRequest) {
    setSaved(null)
    const result = await client.unmergeRequest(projectId, merged.id)
    if (!result.ok) return setError(`The merge could not be undone: ${result.message}`)
    setError(null)
    setSaved({ at: 'merged', text: `Unmerged: “${merged.title}” stands on its own again.` })
    onUnmerged?.()
    await threadChanged()
  }

  const savedLine = (at: SavedAt) => (
    <p class="saved" role="status">
      {saved?.at === at ? saved.text : null}
    </p>
  )

  return (
    <DrawerDialog label={`Request: ${request.title}`} initialFocus={heading} onClose={requestClose}>
      <header class="drawer-header">
        <h2 ref={heading} tabIndex={-1}>
          {request.title}
        </h2>
        <div class="drawer-actions">
          <CopyButton
            text={requestLink(projectId, request.id)}
            label="link to this request"
            idleText="Copy link"
          />
          {publicLink ? (
            <CopyButton
              text={publicLink}
              label="public link to this request"
              idleText="Copy public link"
            />
          ) : null}
          <button type="button" onClick={requestClose}>
            Close
          </button>
        </div>
        {askingToClose ? (
          <ConfirmStep
            question="Close without saving?"
            confirmLabel="Discard and close"
            cancelLabel="Keep editing"
            tone="danger"
            onConfirm={onClose}
            onCancel={() => setAskingToClose(false)}
          >
            <p>{unsavedSentence(drafts)}</p>
          </ConfirmStep>
        ) : null}
      </header>
      <div class="drawer-body">
        <RequestSummary request={request} />
        {error ? <p role="alert">{error}</p> : null}

        <RequestThread
          client={client}
          projectId={projectId}
          requestId={request.id}
          detail={detail}
          loadError={loadError}
          onChanged={threadChanged}
          onReplyUnsaved={reportReply}
          canTriage={canTriage}
        />

        <section class="drawer-section" aria-label="Status and title">
          {canTriage ? (
            <>
              <StatusEditor
                request={request}
                audience={audience}
                onChange={(changes) => apply(changes, 'status')}
                onUnsavedChange={reportStatus}
              />
              {savedLine('status')}
              <form
                class="edit-row"
                onSubmit={(event) => {
                  event.preventDefault()
                  apply({ title: title.trim() }, 'title')
                }}
              >
                <label>
                  Title{' '}
                  <input value={title} onInput={(event) => setTitle(event.currentTarget.value)} />
                </label>
                <button
                  type="submit"
                  disabled={title.trim() === '' || title.trim() === request.title}
                >
                  Save title
                </button>
              </form>
              {savedLine('title')}
            </>
          ) : (
            <>
              <h3>Status</h3>
              <p>
                <strong>{STATUS_LABELS[request.status]}</strong>
                {request.statusNote ? `: ${request.statusNote}` : ''}
              </p>
              <WhyNot permission="triage" doing="change the status, title or merges, or reply" />
            </>
          )}
        </section>

        <RequestTagsEditor
          client={client}
          projectId={projectId}
          request={request}
          tags={tags}
          canTriage={canTriage}
          onChanged={onThreadChanged}
        />

        <LinkedIssues
          client={client}
          projectId={projectId}
          requestId={request.id}
          canTriage={canTriage}
        />
        <AtRiskAccounts atRiskMrrCents={request.atRiskMrrCents} accounts={detail?.atRiskAccounts} />

        <section class="drawer-section" aria-labelledby="voters-heading">
          <h3 id="voters-heading">Voters by account</h3>
          {request.voters.length === 0 ? (
            <p class="hint">No identified voters yet.</p>
          ) : (
            // Focusable so a keyboard can scroll a wide voters table sideways.
            <div class="scroll-x" tabIndex={0} role="region" aria-label="Voters table">
              <VoterGroups voters={request.voters} />
            </div>
          )}
        </section>

        {canTriage ? (
          <VoteForCustomer
            client={client}
            projectId={projectId}
            requestId={request.id}
            onVoted={onThreadChanged}
          />
        ) : null}

        <MergedRequests
          merged={detail?.mergedRequests ?? []}
          onUnmerge={canTriage ? unmerge : undefined}
        />
        {savedLine('merged')}

        {canTriage && others.length > 0 ? (
          <div class="drawer-section">
            <MergePicker
              source={request}
              others={others}
              onMerge={(target) => apply({ mergeInto: target.id }, 'merged')}
            />
          </div>
        ) : null}

        {canTriage && onModerated ? (
          <RequestModeration
            client={client}
            projectId={projectId}
            request={request}
            onDone={onModerated}
          />
        ) : null}
      </div>
    </DrawerDialog>
  )
}
