import type { FeedbackRequest, PublicSort, RequestStatus } from '../../../shared/api'
import { asRequestList } from '../validate'
import { BAD_RESPONSE, type BoardContext, createPart, guard, reportFailure } from './part'

/** 'idle': never asked (or forgotten with the person it was for). */
export type ListStatus = 'idle' | 'loading' | 'ready' | 'error'

export interface ListState {
  status: ListStatus
  sort: PublicSort
  query: string
  /** The sort and search the list on screen answers: the controls never claim more. */
  listedSort: PublicSort
  listedQuery: string
  /** Only requests with this status, or all with ''. */
  statusFilter: RequestStatus | ''
  /** Only requests with this tag (its id), or all with ''. */
  tagFilter: string
  /** The list as the server last answered it, with the user's votes applied at once. */
  requests: FeedbackRequest[]
  loadError?: string
}

/** The board's list: sort, search, filter, and the requests the server answered. */
export function createList(ctx: BoardContext, panelIsOpen: () => boolean) {
  const { get, set } = createPart<ListState>(
    {
      status: 'idle',
      sort: 'top',
      query: '',
      listedSort: 'top',
      listedQuery: '',
      statusFilter: '',
      tagFilter: '',
      requests: [],
    },
    ctx.redraw,
  )
  /** Bumped by every load (and by forgetting), so only the newest answer lands. */
  let loads = 0
  let searchTimer: ReturnType<typeof setTimeout> | undefined
  let retryTimer: ReturnType<typeof setTimeout> | undefined

  async function load() {
    const current = ++loads
    clearTimeout(retryTimer)
    const { sort, query } = get()
    set({ status: 'loading' })
    const result = await ctx.core.api.listRequests({ sort, q: query.trim() })
    if (current !== loads) return
    const requests = result.ok ? asRequestList(result.data) : undefined
    if (requests) return set({ status: 'ready', requests, listedSort: sort, listedQuery: query })
    const failure = result.ok ? BAD_RESPONSE : result.error
    const { listedSort, listedQuery } = get()
    // The controls go back to what the list shows; rows of another search are not this one's.
    set({
      status: 'error',
      loadError: reportFailure(ctx, failure),
      sort: listedSort,
      requests: query === listedQuery ? get().requests : [],
      listedQuery: query,
    })
    // No answer or server trouble: try again by itself, as the message promises.
    if (panelIsOpen() && (!failure.status || failure.status > 499)) {
      retryTimer = setTimeout(reload, 5000)
    }
  }
  const reload = guard(ctx, load)

  /** Swaps in the server's newer copy of a request the list holds. */
  const swapIn = (request: FeedbackRequest) =>
    set({ requests: get().requests.map((r) => (r.id === request.id ? request : r)) })

  return {
    get,
    reload,
    /** Loads unless the list is on its way or on screen: a failed one is asked again. */
    loadUnlessShown() {
      const { status } = get()
      if (status === 'idle' || status === 'error') reload()
    },
    /** Loads again what is on screen (or failed), e.g. as seen by a freshly identified person. */
    reloadShown() {
      const { status } = get()
      if (status === 'ready' || status === 'error') reload()
    },
    setSort: guard(ctx, (sort: PublicSort) => {
      set({ sort })
      reload()
    }),
    /** Searches once the user pauses typing. */
    setQuery: guard(ctx, (query: string) => {
      set({ query })
      clearTimeout(searchTimer)
      searchTimer = setTimeout(reload, 250)
    }),
    setFilter: guard(ctx, (statusFilter: ListState['statusFilter']) => set({ statusFilter })),
    setTagFilter: guard(ctx, (tagFilter: string) => set({ tagFilter })),
    swapIn,
    /** Puts a request in the list, replacing its old copy or first when new. */
    upsert(request: FeedbackRequest) {
      if (get().requests.some((r) => r.id === request.id)) swapIn(request)
      else set({ requests: [request, ...get().requests] })
    },
    /** Forgets the list (it was someone else's); an answer still on its way is dropped. */
    forgetPerson() {
      loads++
      set({ status: 'idle', requests: [] })
    },
    dispose() {
      clearTimeout(searchTimer)
      clearTimeout(retryTimer)
    },
  }
}

export type List = ReturnType<typeof createList>
