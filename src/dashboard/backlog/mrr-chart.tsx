import type { BacklogRequest } from '../../shared/api'
import { formatMoney } from '../format/money'

const BAR_HEIGHT = 22
const GAP = 8
const LABEL_WIDTH = 180
const CHART_WIDTH = 560
/** What fits in LABEL_WIDTH at the chart's 12px text (about 7px a character, with margin). */
const LABEL_CHARS = 24

/** Horizontal bars of MRR for the top requests: which ones carry the money, at a glance. */
export function MrrChart({ requests, limit = 5 }: { requests: BacklogRequest[]; limit?: number }) {
  const top = [...requests]
    .filter((request) => request.mrrCents > 0)
    .sort((a, b) => b.mrrCents - a.mrrCents)
    .slice(0, limit)
  if (top.length === 0) return null
  const max = top[0]?.mrrCents ?? 1
  const barSpace = CHART_WIDTH - LABEL_WIDTH - 90
  const height = top.length * (BAR_HEIGHT + GAP)
  return (
    <figure class="mrr-chart">
      <figcaption>Monthly revenue behind the top requests</figcaption>
      <svg
        viewBox={`0 0 ${CHART_WIDTH} ${height}`}
        width="100%"
        role="img"
        aria-label="Monthly revenue per top request"
      >
        {top.map((request, index) => {
          const y = index * (BAR_HEIGHT + GAP)
          const width = Math.max(2, (request.mrrCents / max) * barSpace)
          const title =
            request.title.length > LABEL_CHARS
              ? `${request.title.slice(0, LABEL_CHARS - 1)}…`
              : request.title
          return (
            <g key={request.id}>
              {/* Anchored at the left edge: a long label runs toward the bar, never off the chart. */}
              <text x={0} y={y + BAR_HEIGHT * 0.7} class="chart-label">
                <title>{request.title}</title>
                {title}
              </text>
              <rect
                x={LABEL_WIDTH}
                y={y}
                width={width}
                height={BAR_HEIGHT}
                rx={3}
                class="chart-bar"
              />
              <text x={LABEL_WIDTH + width + 6} y={y + BAR_HEIGHT * 0.7} class="chart-value">
                {formatMoney(request.mrrCents)}
              </text>
            </g>
          )
        })}
      </svg>
    </figure>
  )
}
