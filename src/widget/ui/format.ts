import { fill, type Plural } from '../../shared/messages'
import type { Messages } from './i18n'

/**
 * Counts and dates in the language the widget speaks (`t.locale`), not the browser's: a French
 * widget on an English browser still says "1 commentaire" and "12 mars 2026".
 */

/** `n` with its noun: "1 comment", "2 comments", "0 commentaire". */
export function countOf(t: Messages, forms: Plural, n: number): string {
  const category = new Intl.PluralRules(t.locale).select(n) as keyof Plural
  return fill(forms[category] || forms.other, n)
}

const format = (t: Messages, iso: string, options: Intl.DateTimeFormatOptions) => {
  const date = new Date(iso)
  // A date the server never sent shows as nothing, not as "Invalid Date".
  return Number.isNaN(date.getTime()) ? '' : new Intl.DateTimeFormat(t.locale, options).format(date)
}

/** "12 Mar 2026" / "12 mars 2026". */
export const formatDate = (t: Messages, iso: string) => format(t, iso, { dateStyle: 'medium' })

/** "12 Mar 2026, 14:05" / "12 mars 2026, 14:05". */
export const formatDateTime = (t: Messages, iso: string) =>
  format(t, iso, { dateStyle: 'medium', timeStyle: 'short' })
