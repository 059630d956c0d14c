import type { ComponentChildren } from 'preact'

/**
 * The panel that opens beside a list to show one of its rows (a person, a company): named
 * "{kind}: {title}" for screen readers, with a Close button and what went wrong, if anything.
 */
export function DetailPanel({
  kind,
  title,
  error,
  onClose,
  children,
}: {
  kind: string
  title: string
  error: string | null
  onClose: () => void
  children: ComponentChildren
}) {
  return (
    <section class="request-detail" aria-label={`${kind}: ${title}`}>
      <header>
        <h3>{title}</h3>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </header>
      {error ? <p role="alert">{error}</p> : null}
      {children}
    </section>
  )
}
