import { useEffect, useState } from 'preact/hooks'
import type { TeamEmailSettings } from '../../shared/team-email'
import type { TeamEmailClient } from './team-email-client'
import './team-email-section.css'

type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'failed'; message: string }

const CHOICES: ReadonlyArray<{ key: keyof TeamEmailSettings; label: string; hint: string }> = [
  {
    key: 'newRequest',
    label: 'New requests',
    hint: 'Someone asks for something in any project.',
  },
  {
    key: 'newComment',
    label: 'Customers’ comments',
    hint: 'A customer or visitor comments on a request (the team’s replies and notes are left out).',
  },
]

/**
 * "Email me about" on the Account page (spec/api.md v3 "The team's tools" > Team email): the
 * member's own choices, saved with a button that says what became of the save.
 */
export function TeamEmailSection({ client }: { client: TeamEmailClient }) {
  const [saved, setSaved] = useState<TeamEmailSettings | null>(null)
  const [draft, setDraft] = useState<TeamEmailSettings | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [state, setState] = useState<SaveState>({ kind: 'idle' })

  useEffect(() => {
    let gone = false
    client.settings().then((result) => {
      if (gone) return
      if (result.ok) {
        setSaved(result.data)
        setDraft(result.data)
      } else setLoadError(result.message)
    })
    return () => {
      gone = true
    }
  }, [client])

  const unsaved =
    saved !== null && draft !== null && JSON.stringify(saved) !== JSON.stringify(draft)

  async function save(event: Event) {
    event.preventDefault()
    if (!draft) return
    setState({ kind: 'saving' })
    const result = await client.save(draft)
    if (result.ok) {
      setSaved(result.data)
      setDraft(result.data)
      setState({ kind: 'saved' })
    } else setState({ kind: 'failed', message: result.message })
  }

  return (
    <section class="team-email" aria-labelledby="team-email-heading">
      <h3 id="team-email-heading">Email me about</h3>
      <p class="hint">
        In every project you can see, bundled into one email every minute or so, and never about
        what you did yourself. Sent only when this server has SMTP set up.
      </p>
      {loadError ? (
        <p class="save-failed" role="alert">
          Your email choices could not be loaded: {loadError}
        </p>
      ) : null}
      {draft ? (
        <form onSubmit={save}>
          {CHOICES.map((choice) => (
            <label key={choice.key} class="check">
              <input
                type="checkbox"
                name={choice.key}
                checked={draft[choice.key]}
                aria-describedby={`team-email-${choice.key}-hint`}
                onChange={(event) => {
                  setDraft({ ...draft, [choice.key]: event.currentTarget.checked })
                  setState({ kind: 'idle' })
                }}
              />
              <span>
                {choice.label}
                <br />
                <span id={`team-email-${choice.key}-hint`} class="hint">
                  {choice.hint}
                </span>
              </span>
            </label>
          ))}
          <div class="save-state">
            <button type="submit" class="primary" disabled={state.kind === 'saving' || !unsaved}>
              {state.kind === 'saving' ? 'Saving…' : 'Save email choices'}
            </button>
            <span role="status" class={state.kind === 'saved' ? 'saved-ok' : 'hint'}>
              {state.kind === 'saved' ? 'Saved.' : unsaved ? 'Unsaved changes.' : ''}
            </span>
          </div>
          {state.kind === 'failed' ? (
            <p class="save-failed" role="alert">
              Not saved: {state.message}
            </p>
          ) : null}
        </form>
      ) : loadError ? null : (
        <p class="hint">Loading your email choices…</p>
      )}
    </section>
  )
}
