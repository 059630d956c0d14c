/**
 * What the last action of an integration card said: a status line that is always in the page
 * (so a screen reader announces what lands in it) and, when it failed, an alert.
 */
export function SaveOutcome({ saved, error }: { saved: string; error: string | null }) {
  return (
    <>
      <p role="status" class="integration-saved">
        {saved}
      </p>
      {error ? <p role="alert">{error}</p> : null}
    </>
  )
}
