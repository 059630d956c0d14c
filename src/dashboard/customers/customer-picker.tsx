import { useEffect, useId, useRef, useState } from 'preact/hooks'
import type { OnBehalfOf, PersonMatch } from '../../shared/api'
import type { AdminClient } from '../api/admin-client'
import { formatMoney } from '../format/money'
import './customers.css'

/** How many people one search shows: enough to pick from, few enough to read. */
const SEARCH_LIMIT = 8
/** Typing pauses this long before the search goes out. */
const SEARCH_DELAY_MS = 250

/** Who the feedback is for, and how to name them on screen. */
export interface ChosenCustomer {
  onBehalfOf: OnBehalfOf
  label: string
}

/** "Ada Lovelace", else the email, else the sub: the way people tell customers apart. */
export function customerLabel(person: Pick<PersonMatch, 'sub' | 'email' | 'name'>): string {
  return person.name || person.email || person.sub
}

/** "ada@example.com · Acme · Business · $100.00/mo": what else the team knows, when known. */
function personFacts(person: PersonMatch): string {
  const facts = [
    person.name && person.email ? person.email : null,
    person.company ? (person.company.name ?? person.company.id) : null,
    person.plan,
    person.mrrCents > 0 ? `${formatMoney(person.mrrCents)}/mo` : null,
  ]
  return facts.filter(Boolean).join(' · ')
}

type Search =
  | { state: 'idle' }
  | { state: 'searching' }
  | { state: 'found'; people: PersonMatch[] }
  | { state: 'failed'; message: string }

/**
 * The customer a piece of feedback is for: searched by email, name or company among the people
 * the project knows (GET .../people), or typed in as a new one (their id as the app knows it,
 * the `sub` of their identity tokens, and optionally email and name), starting from what was
 * searched for. A person picked from the search is sent by `sub` alone: the server keeps the
 * email, plan and revenue it already has.
 */
export function CustomerPicker({
  client,
  projectId,
  value,
  onChange,
}: {
  client: AdminClient
  projectId: string
  value: ChosenCustomer | null
  onChange: (customer: ChosenCustomer | null) => void
}) {
  const id = useId()
  const [typingNew, setTypingNew] = useState(false)
  const [query, setQuery] = useState('')
  const [search, setSearch] = useState<Search>({ state: 'idle' })
  const [fresh, setFresh] = useState({ sub: '', email: '', name: '' })
  const latest = useRef(0)

  useEffect(() => {
    const q = query.trim()
    if (typingNew || q === '') {
      setSearch({ state: 'idle' })
      return
    }
    const ticket = ++latest.current
    const timer = setTimeout(async () => {
      setSearch({ state: 'searching' })
      const result = await client.people(projectId, { q, limit: SEARCH_LIMIT })
      if (ticket !== latest.current) return
      if (result.ok) setSearch({ state: 'found', people: result.data.people })
      else setSearch({ state: 'failed', message: result.message })
    }, SEARCH_DELAY_MS)
    return () => clearTimeout(timer)
  }, [client, projectId, query, typingNew])

  function typeNew(field: keyof typeof fresh, text: string) {
    chooseNew({ ...fresh, [field]: text })
  }

  function chooseNew(next: typeof fresh) {
    setFresh(next)
    // "The customer's sub or email" (spec v3): without an id, the email stands for it.
    const sub = next.sub.trim() || next.email.trim()
    if (sub === '') return onChange(null)
    const onBehalfOf: OnBehalfOf = { sub }
    if (next.email.trim()) onBehalfOf.email = next.email.trim()
    if (next.name.trim()) onBehalfOf.name = next.name.trim()
    onChange({
      onBehalfOf,
      label: customerLabel({ sub, email: onBehalfOf.email ?? null, name: onBehalfOf.name ?? null }),
    })
  }

  function switchToNew(on: boolean) {
    setTypingNew(on)
    // What was searched for starts the new customer: an email, or else their id.
    const q = on ? query.trim() : ''
    if (q === '') {
      setFresh({ sub: '', email: '', name: '' })
      onChange(null)
    } else chooseNew({ sub: q.includes('@') ? '' : q, email: q.includes('@') ? q : '', name: '' })
  }

  if (value && !typingNew) {
    return (
      <fieldset class="customer-picker">
        <legend>Customer</legend>
        <p class="customer-chosen">
          <strong>{value.label}</strong>{' '}
          <button type="button" class="link" onClick={() => onChange(null)}>
            Choose someone else
          </button>
        </p>
      </fieldset>
    )
  }

  return (
    <fieldset class="customer-picker">
      <legend>Customer</legend>
      {typingNew ? (
        <div class="customer-new">
          <label for={`${id}-sub`}>Customer id (sub)</label>
          <input
            id={`${id}-sub`}
            autoComplete="off"
            aria-describedby={`${id}-sub-hint`}
            value={fresh.sub}
            onInput={(event) => typeNew('sub', event.currentTarget.value)}
          />
          <p id={`${id}-sub-hint`} class="hint">
            The id your app puts in their identity token, so what they send from the widget joins
            this. Left empty, their email is used as the id.
          </p>
          <label for={`${id}-email`}>Email (optional)</label>
          <input
            id={`${id}-email`}
            type="email"
            autoComplete="off"
            value={fresh.email}
            onInput={(event) => typeNew('email', event.currentTarget.value)}
          />
          <label for={`${id}-name`}>Name (optional)</label>
          <input
            id={`${id}-name`}
            autoComplete="off"
            value={fresh.name}
            onInput={(event) => typeNew('name', event.currentTarget.value)}
          />
          <button type="button" class="link" onClick={() => switchToNew(false)}>
            Search people instead
          </button>
        </div>
      ) : (
        <div class="customer-search">
          <label for={`${id}-q`}>Search by email, name or company</label>
          <input
            id={`${id}-q`}
            type="search"
            autoComplete="off"
            value={query}
            onInput={(event) => setQuery(event.currentTarget.value)}
          />
          <p class="hint" role="status">
            {search.state === 'searching' ? 'Searching…' : null}
            {search.state === 'found' && search.people.length === 0
              ? 'Nobody matches: add them as a new customer.'
              : null}
            {search.state === 'failed' ? `The search failed: ${search.message}` : null}
          </p>
          {search.state === 'found' && search.people.length > 0 ? (
            <ul class="customer-results" aria-label="Matching people">
              {search.people.map((person) => (
                <li key={person.sub}>
                  <button
                    type="button"
                    onClick={() =>
                      onChange({ onBehalfOf: { sub: person.sub }, label: customerLabel(person) })
                    }
                  >
                    <strong>{customerLabel(person)}</strong>
                    <span class="hint">{personFacts(person)}</span>
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          <button type="button" class="link" onClick={() => switchToNew(true)}>
            A new customer
          </button>
        </div>
      )}
    </fieldset>
  )
}
