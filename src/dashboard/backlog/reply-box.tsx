import { useEffect, useRef, useState } from 'preact/hooks'
import { COMMENT_MAX_LENGTH } from '../../shared/limits'

/**
 * Where the team answers: a public reply signed with the member's name, or an internal note
 * only the team sees. Resolves to an error message, or null once saved.
 */
export function ReplyBox({
  onSend,
  onUnsavedChange,
}: {
  onSend: (comment: { body: string; internal: boolean }) => Promise<string | null>
  /** Told whether words are typed but not sent, so closing can ask first. */
  onUnsavedChange?: (unsaved: boolean) => void
}) {
  const [body, setBody] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const field = useRef<HTMLTextAreaElement>(null)
  const text = body.trim()
  const tooLong = text.length > COMMENT_MAX_LENGTH
  const unsaved = text !== ''
  useEffect(() => {
    onUnsavedChange?.(unsaved)
  }, [onUnsavedChange, unsaved])

  async function send(internal: boolean) {
    setBusy(true)
    const problem = await onSend({ body: text, internal })
    setBusy(false)
    setError(problem)
    if (!problem) setBody('')
    // The buttons were disabled while sending, which drops focus: give it back to the text.
    field.current?.focus()
  }

  return (
    <form
      class="reply-box"
      onSubmit={(event) => {
        event.preventDefault()
        send(false)
      }}
    >
      <label>
        Reply or note
        <textarea
          ref={field}
          rows={3}
          value={body}
          aria-invalid={tooLong}
          onInput={(event) => setBody(event.currentTarget.value)}
        />
      </label>
      {tooLong ? <p class="hint">At most {COMMENT_MAX_LENGTH} characters.</p> : null}
      <div class="edit-row">
        <button type="submit" class="primary" disabled={busy || !text || tooLong}>
          Reply publicly
        </button>
        <button type="button" disabled={busy || !text || tooLong} onClick={() => send(true)}>
          Add internal note
        </button>
      </div>
      <p class="hint">
        Replies show in the widget with a Team badge; notes never leave the dashboard.
      </p>
      {error ? <p role="alert">{error}</p> : null}
    </form>
  )
}
