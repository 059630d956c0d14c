/**
 * Dates as the team reads them: one format for a day, one for a moment, in the browser's
 * locale (or the one given), never raw ISO and never `toLocaleString()`'s per-browser guess.
 */
export function formatDate(iso: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso))
}

export function formatDateTime(iso: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  )
}
