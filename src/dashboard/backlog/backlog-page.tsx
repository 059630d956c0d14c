import { useCallback, useEffect, useState } from 'preact/hooks'
import type { BacklogRequest, BacklogSort } from '../../shared/api'
import type { AdminClient, RequestChanges } from '../api/admin-client'
import { AudienceLine } from '../notifications/audience-line'
import { BacklogTable } from './backlog-table'
import { MrrChart } from './mrr-chart'
import { RequestDetail } from './request-detail'

const SORTS: { value: BacklogSort; label: string }[] = [
  { value: 'revenue', label: 'Revenue' },
  { value: 'votes', label: 'Votes' },
  { value: 'new', label: 'Newest' },
]

/** The backlog ranked as the owner chooses, with the open request beside it. */
export function BacklogPage({ client, projectId }: { client: AdminClient; projectId: string }) {
  const [sort, setSort] = useState<BacklogSort>('revenue')
  const [requests, setRequests] = useState<BacklogRequest[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [openId, setOpenId] = useState<string | null>(null)

  const load = useCallback(async () => {
    const result = await client.backlog(projectId, sort)
    if (result.ok) {
      setRequests(result.data.requests)
      setError(null)
    } else {
      setError(`The backlog could not be loaded: ${result.message}`)
    }
  }, [client, projectId, sort])

  useEffect(() => {
    load()
  }, [load])

  async function change(requestId: string, changes: RequestChanges): Promise<string | null> {
    const result = await client.updateRequest(projectId, requestId, changes)
    if (!result.ok) return `The change was not saved: ${result.message}`
    // A merged request is gone; show the one that absorbed it.
    if (changes.mergeInto) setOpenId(changes.mergeInto)
    await load()
    return null
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
      </div>
      {error ? <p role="alert">{error}</p> : null}
      {requests === null && !error ? <p>Loading the backlog…</p> : null}
      {requests && requests.length === 0 ? (
        <p class="empty">
          No requests yet. Once the widget is on your site, your customers' requests land here,
          ranked by the revenue behind them.
        </p>
      ) : null}
      {requests && requests.length > 0 ? (
        <>
          <MrrChart requests={requests} />
          <div class="backlog-layout">
            <BacklogTable requests={requests} onOpen={setOpenId} />
            {open ? (
              <RequestDetail
                key={open.id}
                request={open}
                others={requests.filter((request) => request.id !== open.id)}
                client={client}
                projectId={projectId}
                onChange={(changes) => change(open.id, changes)}
                onThreadChanged={load}
                onClose={() => setOpenId(null)}
                audience={
                  <AudienceLine client={client} projectId={projectId} requestId={open.id} />
                }
              />
            ) : null}
          </div>
        </>
      ) : null}
    </div>
  )
}
