import { useCallback, useEffect, useState } from 'preact/hooks'
import type { AdminRequestDetail } from '../../shared/api'
import type { AdminClient } from '../api/admin-client'

export interface RequestDetailState {
  /** Null until the first answer. */
  detail: AdminRequestDetail | null
  error: string | null
  /** Reads the request again after a reply, a moderation or an unmerge. */
  reload: () => Promise<void>
}

/** The drawer's request as the team sees it: its whole thread and what was merged into it. */
export function useRequestDetail(
  client: AdminClient,
  projectId: string,
  requestId: string,
): RequestDetailState {
  const [detail, setDetail] = useState<AdminRequestDetail | null>(null)
  const [error, setError] = useState<string | null>(null)
  const reload = useCallback(async () => {
    const result = await client.requestDetail(projectId, requestId)
    if (result.ok) {
      setDetail(result.data.request)
      setError(null)
    } else setError(`The request could not be loaded: ${result.message}`)
  }, [client, projectId, requestId])
  useEffect(() => {
    reload()
  }, [reload])
  return { detail, error, reload }
}
