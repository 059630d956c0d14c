import { fill, type Plural } from '../shared/messages'

/**
 * Counts and dates in the page's language, through Intl (the formatters are built once per
 * language: a board of 100 rows formats 200 numbers and dates).
 */
const pluralRules = new Map<string, Intl.PluralRules>()
const dateFormats = new Map<string, Intl.DateTimeFormat>()
const numberFormats = new Map<string, Intl.NumberFormat>()

/** "1 vote", "2 votes", "1 Stimme"…: the plural category of `count` in `locale`. */
export function plural(locale: string, forms: Plural, count: number): string {
  let rules = pluralRules.get(locale)
  if (!rules) {
    rules = new Intl.PluralRules(locale)
    pluralRules.set(locale, rules)
  }
  let numbers = numberFormats.get(locale)
  if (!numbers) {
    numbers = new Intl.NumberFormat(locale)
    numberFormats.set(locale, numbers)
  }
  const template = rules.select(count) === 'one' ? forms.one : forms.other
  return fill(template, numbers.format(count))
}

/** A day as people of `locale` write it ("6 December 2026", "6. Dezember 2026"), in UTC. */
export function formatDate(locale: string, iso: string): string {
  let format = dateFormats.get(locale)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' })
    dateFormats.set(locale, format)
  }
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? '' : format.format(date)
}
