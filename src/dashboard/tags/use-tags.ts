import { useCallback, useEffect, useState } from 'preact/hooks'
import type { RequestTag } from '../../shared/api'
import type { AdminClient } from '../api/admin-client'
import { tagsClient } from './tags-client'

/** The project's tags, by name, loaded once and again on `reload` (after a change). */
export function useTags(client: AdminClient, projectId: string) {
  const [tags, setTags] = useState<RequestTag[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const reload = useCallback(async () => {
    const result = await tagsClient(client).list(projectId)
    if (result.ok) setTags(result.data.tags)
    setError(result.ok ? null : `The tags could not be loaded: ${result.message}`)
  }, [client, projectId])
  useEffect(() => {
    reload()
  }, [reload])
  return { tags, error, reload }
}
