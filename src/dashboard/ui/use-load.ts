import { useCallback, useEffect, useRef, useState } from 'preact/hooks'

/** What a loader answers: the API clients' results fit as they are. */
export type LoadResult<T> = { ok: true; data: T } | { ok: false; message: string }

export interface Loaded<T> {
  /** The last answer that arrived; kept while a later load fails, so the page stays usable. */
  data: T | null
  /** Why the last load failed, with `failure` in front; null once one succeeds. */
  error: string | null
  /** Asks again (a poll, or after a change). */
  reload: () => Promise<void>
  /** Puts what a save answered on screen without asking again. */
  setData: (data: T) => void
}

/**
 * Loads when the page opens and whenever `deps` change. Answers can arrive out of order (a
 * filter typed fast, a poll overtaken by a reload): only the latest one is shown, and none is
 * shown once the page is gone.
 */
export function useLoad<T>(
  load: () => Promise<LoadResult<T>>,
  deps: readonly unknown[],
  { failure }: { failure: string },
): Loaded<T> {
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState<string | null>(null)
  const latest = useRef(0)
  const latestLoad = useRef(load)
  latestLoad.current = load

  const reload = useCallback(async () => {
    const ticket = ++latest.current
    const result = await latestLoad.current()
    if (ticket !== latest.current) return
    if (result.ok) {
      setData(result.data)
      setError(null)
    } else setError(`${failure}: ${result.message}`)
  }, [failure])

  useEffect(() => {
    void reload()
    // Leaving the page (or new deps) makes every answer still on its way a stale one.
    return () => {
      latest.current++
    }
  }, [reload, ...deps])

  return { data, error, reload, setData }
}
