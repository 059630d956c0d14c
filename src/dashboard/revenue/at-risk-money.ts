import { formatMoney } from '../format/money'

/** "$1,200 at risk": the revenue at risk behind a request, as the backlog says it. */
export function atRiskLabel(cents: number): string {
  return `${formatMoney(cents)} at risk`
}
