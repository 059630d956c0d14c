// Size of the one file every customer's visitors download, against the budget the build enforces,
// and what the server really sends for it (the build's .br/.gz copies, over HTTP).
import { readFileSync } from 'node:fs'
import { get } from 'node:http'
import { brotliCompressSync, gzipSync } from 'node:zlib'
import { WIDGET_BROTLI_BUDGET } from '../../vite.config'
import { startTestServer } from '../helpers/start-server'

/** Body bytes and Content-Encoding of GET /widget.js as the server answers it. */
function widgetOnTheWire(url: string, acceptEncoding: string) {
  return new Promise<{ bytes: number; encoding: string }>((resolve, reject) => {
    get(`${url}/widget.js`, { headers: { 'Accept-Encoding': acceptEncoding } }, (res) => {
      let bytes = 0
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length
      })
      res.on('end', () =>
        resolve({ bytes, encoding: String(res.headers['content-encoding'] ?? 'identity') }),
      )
    }).on('error', reject)
  })
}

export async function benchWidgetSize(): Promise<void> {
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

  const server = await startTestServer({ demo: false })
  try {
    const rows = []
    for (const accept of ['br', 'gzip', 'identity']) {
      const answer = await widgetOnTheWire(server.url, accept)
      rows.push({
        'Accept-Encoding': accept,
        'Content-Encoding': answer.encoding,
        bytes: answer.bytes,
      })
    }
    console.log('widget.js on the wire (GET /widget.js from the server, body bytes)')
    console.table(rows)
  } finally {
    await server.close()
  }
}
