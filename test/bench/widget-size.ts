// Size of the one file every customer's visitors download, against the budget the build enforces.
import { readFileSync } from 'node:fs'
import { brotliCompressSync, gzipSync } from 'node:zlib'
import { WIDGET_BROTLI_BUDGET } from '../../vite.config'

export function benchWidgetSize(): void {
  const code = readFileSync('dist/widget.js')
  const gzip = gzipSync(code, { level: 9 }).length
  const brotli = brotliCompressSync(code).length
  console.log('\n## widget.js size')
  console.table([
    {
      raw: code.length,
      gzip,
      brotli,
      budgetBrotli: WIDGET_BROTLI_BUDGET,
      headroom: `${(((WIDGET_BROTLI_BUDGET - brotli) / WIDGET_BROTLI_BUDGET) * 100).toFixed(0)}%`,
    },
  ])
}
