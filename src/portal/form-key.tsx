/**
 * Stands in a rendered page for the form's idempotency key: the page itself may be cached and
 * served to many visitors, so each answer gets fresh keys (`withFreshFormKeys`) as it leaves.
 */
export const FORM_KEY_PLACEHOLDER = '__reqio_form_key__'

/**
 * The hidden field portal-writes reads (`idempotencyKey`), so a double-clicked Send files one
 * request or comment, not two.
 */
export function FormKey() {
  return <input type="hidden" name="idempotencyKey" value={FORM_KEY_PLACEHOLDER} />
}
