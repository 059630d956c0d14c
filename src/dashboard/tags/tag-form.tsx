import { useState } from 'preact/hooks'
import { TAG_NAME_MAX_LENGTH, type TagInput } from '../../shared/api'

/**
 * A tag's name and colour: creating one (empty, then emptied after) or editing one (filled with
 * it). `onSave` answers an error sentence, or null when saved.
 */
export function TagForm({
  idPrefix,
  initial,
  submitLabel,
  submitName,
  disabled = false,
  onSave,
  onCancel,
}: {
  /** Makes the fields' ids unique on a page with several forms. */
  idPrefix: string
  initial: TagInput
  submitLabel: string
  /** The button's accessible name where the words alone repeat in a list. */
  submitName?: string
  disabled?: boolean
  onSave: (tag: TagInput) => Promise<string | null>
  onCancel?: () => void
}) {
  const [name, setName] = useState(initial.name)
  const [color, setColor] = useState(initial.color)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function submit(event: Event) {
    event.preventDefault()
    setBusy(true)
    const failure = await onSave({ name: name.trim(), color })
    setBusy(false)
    setError(failure)
    if (failure === null && !onCancel) {
      setName('')
      setColor(initial.color)
    }
  }

  const unchanged = name.trim() === initial.name && color === initial.color
  return (
    <form class="tag-form" onSubmit={submit}>
      <label for={`${idPrefix}-name`}>
        Name
        <input
          id={`${idPrefix}-name`}
          type="text"
          required
          maxLength={TAG_NAME_MAX_LENGTH}
          value={name}
          disabled={disabled}
          onInput={(event) => setName(event.currentTarget.value)}
        />
      </label>
      <label for={`${idPrefix}-color`}>
        Colour
        <input
          id={`${idPrefix}-color`}
          type="color"
          value={color}
          disabled={disabled}
          onInput={(event) => setColor(event.currentTarget.value.toLowerCase())}
        />
      </label>
      <button
        type="submit"
        class="primary"
        aria-label={submitName}
        disabled={disabled || busy || !name.trim() || unchanged}
      >
        {submitLabel}
      </button>
      {onCancel ? (
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      ) : null}
      {error ? <p role="alert">{error}</p> : null}
    </form>
  )
}
