import { useEffect, useId, useRef, useState } from 'preact/hooks'
import type { BacklogRequest } from '../../shared/api'
import { BODY_MAX_LENGTH, TITLE_MAX_LENGTH } from '../../shared/limits'
import type { AdminClient } from '../api/admin-client'
import { type ChosenCustomer, CustomerPicker } from './customer-picker'

/**
 * A key for one dialog's submission: a double click or a retry after a lost answer files the
 * request once. getRandomValues works where randomUUID does not (a plain-http address).
 */
function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return `dashboard-${[...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('')}`
}

/**
 * "Add feedback for a customer" (spec v3): a request heard on a sales call or in a support
 * ticket, filed as that customer so their vote, revenue and company count. A modal <dialog>:
 * the browser keeps focus inside it and Escape closes it.
 */
export function AddFeedbackDialog({
  client,
  projectId,
  onFiled,
  onClose,
}: {
  client: AdminClient
  projectId: string
  onFiled: (request: BacklogRequest, customer: ChosenCustomer) => void
  onClose: () => void
}) {
  const id = useId()
  const dialog = useRef<HTMLDialogElement>(null)
  const titleInput = useRef<HTMLInputElement>(null)
  const idempotencyKey = useRef(newIdempotencyKey())
  const [title, setTitle] = useState('')
  const [details, setDetails] = useState('')
  const [customer, setCustomer] = useState<ChosenCustomer | null>(null)
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    const element = dialog.current
    if (element && !element.open) element.showModal()
    titleInput.current?.focus()
  }, [])

  async function submit(event: Event) {
    event.preventDefault()
    if (!customer || title.trim() === '' || saving) return
    setSaving(true)
    setError(null)
    const result = await client.createRequestOnBehalf(
      projectId,
      { title: title.trim(), body: details.trim(), onBehalfOf: customer.onBehalfOf },
      idempotencyKey.current,
    )
    setSaving(false)
    if (!result.ok) {
      setError(`The feedback was not added: ${result.message}`)
      return
    }
    onFiled(result.data.request, customer)
  }

  return (
    <dialog
      ref={dialog}
      class="feedback-dialog"
      aria-labelledby={`${id}-heading`}
      onClose={onClose}
    >
      <form onSubmit={submit}>
        <h2 id={`${id}-heading`}>Add feedback for a customer</h2>
        <label for={`${id}-title`}>Title</label>
        <input
          id={`${id}-title`}
          ref={titleInput}
          required
          maxLength={TITLE_MAX_LENGTH}
          value={title}
          onInput={(event) => setTitle(event.currentTarget.value)}
        />
        <label for={`${id}-details`}>Details (optional)</label>
        <textarea
          id={`${id}-details`}
          maxLength={BODY_MAX_LENGTH}
          value={details}
          onInput={(event) => setDetails(event.currentTarget.value)}
        />
        <CustomerPicker
          client={client}
          projectId={projectId}
          value={customer}
          onChange={setCustomer}
        />
        {error ? <p role="alert">{error}</p> : null}
        <div class="dialog-actions">
          <button type="button" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
          <button
            type="submit"
            class="primary"
            disabled={saving || !customer || title.trim() === ''}
          >
            {saving ? 'Adding…' : 'Add feedback'}
          </button>
        </div>
      </form>
    </dialog>
  )
}
