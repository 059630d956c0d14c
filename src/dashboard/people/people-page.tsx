import { useEffect, useState } from 'preact/hooks'
import type { PersonSummary } from '../../shared/api'
import type { AdminClient } from '../api/admin-client'
import { formatDate } from '../format/dates'
import { formatMoney } from '../format/money'
import { PersonDetail } from './person-detail'
import './people.css'

/**
 * The project's identified people (spec/api.md v3 "People (GDPR)"): search them by email,
 * name, sub or company, page through with "Load more", open one to see what they asked,
 * voted and wrote, download everything stored about them or delete them.
 */
export function PeoplePage({
  client,
  projectId,
  canDelete,
}: {
  client: AdminClient
  projectId: string
  canDelete: boolean
}) {
  const [typed, setTyped] = useState('')
  const [q, setQ] = useState('')
  const [people, setPeople] = useState<PersonSummary[] | null>(null)
  const [nextCursor, setNextCursor] = useState<string | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [openSub, setOpenSub] = useState<string | null>(null)
  const [reload, setReload] = useState(0)

  useEffect(() => {
    let current = true
    client.people(projectId, { q }).then((result) => {
      if (!current) return
      if (result.ok) {
        setPeople(result.data.people)
        setNextCursor(result.data.nextCursor)
        setError(null)
      } else setError(`The people could not be loaded: ${result.message}`)
    })
    return () => {
      current = false
    }
  }, [client, projectId, q, reload])

  async function loadMore() {
    if (!nextCursor) return
    setLoadingMore(true)
    const result = await client.people(projectId, { q, cursor: nextCursor })
    setLoadingMore(false)
    if (result.ok) {
      setPeople((shown) => [...(shown ?? []), ...result.data.people])
      setNextCursor(result.data.nextCursor)
    } else setError(`More people could not be loaded: ${result.message}`)
  }

  return (
    <div class={openSub === null ? 'people' : 'people with-person'}>
      <form
        class="toolbar"
        role="search"
        onSubmit={(event) => {
          event.preventDefault()
          setQ(typed.trim())
        }}
      >
        <label for="people-search">Search people</label>
        <input
          id="people-search"
          type="search"
          value={typed}
          placeholder="Email, name, sub or company"
          maxLength={200}
          onInput={(event) => setTyped(event.currentTarget.value)}
        />
        <button type="submit">Search</button>
      </form>
      {error ? <p role="alert">{error}</p> : null}
      {people === null && !error ? <p>Loading the people…</p> : null}
      {people && people.length === 0 ? (
        <p class="empty">
          {q
            ? `Nobody matches “${q}”.`
            : 'No identified people yet: they appear once your app sends identity tokens.'}
        </p>
      ) : null}
      {people && people.length > 0 ? (
        <div class="backlog-layout">
          <div class="people-list">
            <table class="companies-table" aria-label="People">
              <thead>
                <tr>
                  <th scope="col">Email</th>
                  <th scope="col">Name</th>
                  <th scope="col" class="while-closed">
                    Company
                  </th>
                  <th scope="col" class="while-closed">
                    Plan
                  </th>
                  <th scope="col" class="number">
                    MRR
                  </th>
                  <th scope="col" class="while-closed">
                    Last seen
                  </th>
                  <th scope="col" class="number">
                    Requests
                  </th>
                  <th scope="col" class="number">
                    Votes
                  </th>
                  <th scope="col" class="number">
                    Comments
                  </th>
                </tr>
              </thead>
              <tbody>
                {people.map((person) => (
                  <tr key={person.sub}>
                    <th scope="row">
                      <button type="button" class="link" onClick={() => setOpenSub(person.sub)}>
                        {person.email ?? person.sub}
                      </button>
                    </th>
                    <td>{person.name ?? '—'}</td>
                    <td class="while-closed">
                      {person.company ? (person.company.name ?? person.company.id) : '—'}
                    </td>
                    <td class="while-closed">{person.plan ?? '—'}</td>
                    <td class="number">{formatMoney(person.mrrCents)}</td>
                    <td class="seen while-closed">{formatDate(person.lastSeenAt)}</td>
                    <td class="number">{person.requests}</td>
                    <td class="number">{person.votes}</td>
                    <td class="number">{person.comments}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {nextCursor ? (
              <button type="button" disabled={loadingMore} onClick={loadMore}>
                {loadingMore ? 'Loading…' : 'Load more'}
              </button>
            ) : null}
          </div>
          {openSub !== null ? (
            <PersonDetail
              key={openSub}
              client={client}
              projectId={projectId}
              sub={openSub}
              canDelete={canDelete}
              onClose={() => setOpenSub(null)}
              onDeleted={() => {
                setOpenSub(null)
                setReload((n) => n + 1)
              }}
            />
          ) : null}
        </div>
      ) : null}
    </div>
  )
}
