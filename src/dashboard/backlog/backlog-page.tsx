import { useCallback, useEffect, useRef, useState } from 'preact/hooks'
import {
  BACKLOG_EXPORT_MAX_ROWS,
  type BacklogFilter,
  type BacklogRequest,
  type BacklogSort,
} from '../../shared/api'
import type { AdminClient, RequestChanges } from '../api/admin-client'
import { AddFeedbackDialog } from '../customers/add-feedback-dialog'
import { countOf } from '../format/plural'
import {
  type BacklogView,
  BacklogViewSwitch,
  filterForView,
  useWaitingCount,
} from '../moderation/backlog-views'
import { BulkDelete } from '../moderation/bulk-delete'
import { ModerationList } from '../moderation/moderation-list'
import { currentRouteUrl } from '../router'
import { BulkTagBar } from '../tags/bulk-tag-bar'
import { useRowSelection } from '../tags/row-selection'
import { useTags } from '../tags/use-tags'
import { BacklogFilters } from './backlog-filters'
import { BacklogTable } from './backlog-table'
import { downloadText } from './download'
import { MrrChart } from './mrr-chart'
import { RequestDetail } from './request-detail'

const SORTS: { value: BacklogSort; label: string }[] = [
  { value: 'revenue', label: 'Revenue' },
  { value: 'votes', label: 'Votes' },
  { value: 'new', label: 'Newest' },
  { value: 'at_risk', label: 'At risk' },
]

/** The last merge, kept so the owner can take it back. */
interface LastMerge {
  source: BacklogRequest
  target: BacklogRequest
}

function isFiltered(filter: BacklogFilter): boolean {
  return Boolean(
    filter.q?.trim() ||
      filter.status ||
      filter.plan ||
      filter.company ||
      filter.paying ||
      filter.tag ||
      filter.atRisk,
  )
}

/** The backlog ranked as the owner chooses, searchable and filtered, with the open request beside it. */
export function BacklogPage({
  client,
  projectId,
  openRequestId,
  canTriage = true,
  publicLink,
}: {
  client: AdminClient
  projectId: string
  /** Where a request's link for customers lands (src/shared/request-link.ts). */
  publicLink?: (requestId: string) => string
  /** False for a viewer (src/shared/roles.ts): the drawer reads only. */
  canTriage?: boolean
  /** From a shared link: the request to open first. */
  openRequestId?: string
}) {
  const [sort, setSort] = useState<BacklogSort>('revenue')
  const [filter, setFilter] = useState<BacklogFilter>({})
  const [requests, setRequests] = useState<BacklogRequest[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [openId, setOpenIdState] = useState<string | null>(openRequestId ?? null)
  /** The open request is in the URL, so the address bar is a link to it. */
  const setOpenId = useCallback(
    (id: string | null) => {
      setOpenIdState(id)
      const route = { page: 'project', projectId, tab: 'backlog' } as const
      history.replaceState(null, '', currentRouteUrl(id ? { ...route, requestId: id } : route))
    },
    [projectId],
  )
  // Back, forward or a typed link to another request, while the backlog stays on screen.
  useEffect(() => {
    if (openRequestId) setOpenIdState(openRequestId)
  }, [openRequestId])
  const [lastMerge, setLastMerge] = useState<LastMerge | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [addingFeedback, setAddingFeedback] = useState(false)
  const { tags } = useTags(client, projectId)
  const { selection, clear: clearSelection } = useRowSelection(requests)
  const selected = requests?.filter((request) => selection.ids.has(request.id)) ?? []
  // v3 moderation: which requests the backlog lists (the backlog, waiting, deleted).
  const [view, setView] = useState<BacklogView>('standing')
  const [loads, setLoads] = useState(0)
  const waiting = useWaitingCount(client, projectId, loads)
  // Answers can arrive out of order while the owner types: only the latest one is shown.
  const latestLoad = useRef(0)

  const load = useCallback(async () => {
    const ticket = ++latestLoad.current
    const result = await client.backlog(projectId, sort, filterForView(view, filter))
    if (ticket !== latestLoad.current) return
    setLoads((n) => n + 1)
    if (result.ok) {
      setRequests(result.data.requests)
      setError(null)
    } else {
      setError(`The backlog could not be loaded: ${result.message}`)
    }
  }, [client, projectId, sort, filter, view])

  /** Deleted, rejected, approved or restored: the lists and counts change, the drawer closes. */
  async function moderated(notice: string) {
    setOpenId(null)
    setNotice(notice)
    clearSelection()
    await load()
  }

  useEffect(() => {
    load()
  }, [load])

  async function change(requestId: string, changes: RequestChanges): Promise<string | null> {
    const before = requests?.find((request) => request.id === requestId)
    const result = await client.updateRequest(projectId, requestId, changes)
    if (!result.ok) return `The change was not saved: ${result.message}`
    if (changes.mergeInto && before) {
      const target = requests?.find((request) => request.id === changes.mergeInto)
      // A merged request is gone; show the one that absorbed it.
      setOpenId(changes.mergeInto)
      if (target) {
        setLastMerge({ source: before, target })
        setNotice(`Merged “${before.title}” into “${target.title}”.`)
      }
    }
    await load()
    return null
  }

  async function undoMerge() {
    if (!lastMerge) return
    const result = await client.unmergeRequest(projectId, lastMerge.source.id)
    if (!result.ok) {
      setNotice(`The merge could not be undone: ${result.message}`)
      return
    }
    setNotice(`Undone: “${lastMerge.source.title}” stands on its own again.`)
    setLastMerge(null)
    setOpenId(lastMerge.source.id)
    await load()
  }

  async function exportCsv() {
    const result = await client.backlogCsv(projectId, sort, filter)
    if (!result.ok) return setNotice(`The export failed: ${result.message}`)
    downloadText(`${projectId}-backlog.csv`, result.data.csv, 'text/csv')
    setNotice(
      result.data.truncated
        ? `Exported the first ${countOf(BACKLOG_EXPORT_MAX_ROWS, 'request', 'requests')} as CSV (an export stops there): narrow the backlog with filters for the rest.`
        : 'Exported the backlog as CSV.',
    )
  }

  /** Closing hands focus back to the row the request was opened from. */
  function closeDetail(requestId: string) {
    setOpenId(null)
    setTimeout(() => {
      const rows = document.querySelectorAll<HTMLElement>('[data-request-id]')
      for (const row of rows) if (row.dataset.requestId === requestId) row.focus()
    })
  }

  const open = requests?.find((request) => request.id === openId)
  return (
    <div class="backlog">
      <div class="toolbar">
        <span id="sort-label">Sort by</span>
        <div class="segmented" role="group" aria-labelledby="sort-label">
          {SORTS.map((option) => (
            <button
              key={option.value}
              type="button"
              aria-pressed={sort === option.value}
              onClick={() => setSort(option.value)}
            >
              {option.label}
            </button>
          ))}
        </div>
        <button type="button" onClick={exportCsv}>
          Export CSV
        </button>
        {canTriage ? (
          <button type="button" class="primary" onClick={() => setAddingFeedback(true)}>
            Add feedback for a customer
          </button>
        ) : null}
      </div>
      {addingFeedback ? (
        <AddFeedbackDialog
          client={client}
          projectId={projectId}
          onClose={() => setAddingFeedback(false)}
          onFiled={async (request, customer) => {
            setAddingFeedback(false)
            setNotice(`Added “${request.title}” for ${customer.label}.`)
            await load()
            setOpenId(request.id)
          }}
        />
      ) : null}
      <BacklogViewSwitch
        view={view}
        waiting={waiting}
        onChange={(next) => {
          setView(next)
          clearSelection()
          setOpenId(null)
        }}
      />
      {view === 'standing' ? (
        <BacklogFilters filter={filter} onChange={setFilter} tags={tags} />
      ) : null}
      <div class="notice" role="status">
        {notice}
        {lastMerge ? (
          <>
            {' '}
            <button type="button" onClick={undoMerge}>
              Undo merge
            </button>
          </>
        ) : null}
      </div>
      {error ? <p role="alert">{error}</p> : null}
      {requests === null && !error ? <p>Loading the backlog…</p> : null}
      {requests && view !== 'standing' ? (
        <ModerationList
          client={client}
          projectId={projectId}
          view={view}
          requests={requests}
          canTriage={canTriage}
          onOpen={setOpenId}
          onChanged={moderated}
        />
      ) : null}
      {requests && view === 'standing' && requests.length === 0 ? (
        <p class="empty">
          {isFiltered(filter)
            ? 'No request matches these filters.'
            : "No requests yet. Once the widget is on your site, your customers' requests land here, ranked by the revenue behind them."}
        </p>
      ) : null}
      {requests && view === 'standing' && requests.length > 0 ? (
        <>
          <MrrChart requests={requests} />
          {canTriage ? (
            <BulkDelete
              client={client}
              projectId={projectId}
              selected={selected.map((request) => request.id)}
              onDone={(_deleted, text) => moderated(text)}
            />
          ) : null}
          {canTriage && tags ? (
            <BulkTagBar
              client={client}
              projectId={projectId}
              selected={selected}
              tags={tags}
              onDone={async (sentence) => {
                setNotice(sentence)
                clearSelection()
                await load()
              }}
            />
          ) : null}
          <div class="backlog-layout">
            <BacklogTable
              requests={requests}
              onOpen={setOpenId}
              selection={canTriage ? selection : undefined}
            />
          </div>
        </>
      ) : null}
      {requests && view === 'pending' && open ? (
        <RequestDetail
          key={open.id}
          request={open}
          others={[]}
          client={client}
          projectId={projectId}
          onChange={(changes) => change(open.id, changes)}
          onThreadChanged={load}
          onClose={() => closeDetail(open.id)}
          canTriage={canTriage}
          onModerated={moderated}
        />
      ) : null}
      {requests && view === 'standing' && requests.length > 0 ? (
        <>
          {open ? (
            <RequestDetail
              key={open.id}
              request={open}
              others={requests.filter((request) => request.id !== open.id)}
              client={client}
              projectId={projectId}
              onChange={(changes) => change(open.id, changes)}
              onThreadChanged={load}
              onUnmerged={() => {
                setLastMerge(null)
                setNotice(null)
              }}
              onClose={() => closeDetail(open.id)}
              canTriage={canTriage}
              publicLink={publicLink?.(open.id)}
              onModerated={moderated}
              tags={tags}
            />
          ) : null}
        </>
      ) : null}
    </div>
  )
}
