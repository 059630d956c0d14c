/**
 * Revenue as the owner reads it, in their locale. Tokens carry cents without a currency, so
 * the dashboard shows one currency for the whole backlog (USD unless told otherwise).
 */
export function formatMoney(cents: number, locale?: string, currency = 'USD'): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(cents / 100)
}
