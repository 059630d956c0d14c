/** The dashboard speaks English; the plural category still comes from Intl, not `=== 1`. */
const rules = new Intl.PluralRules('en')

/** "1 comment", "2 comments", "1,204 people": the count and the noun that goes with it. */
export function countOf(count: number, one: string, other: string): string {
  return `${count.toLocaleString('en')} ${rules.select(count) === 'one' ? one : other}`
}
