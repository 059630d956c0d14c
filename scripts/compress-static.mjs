// Last step of `npm run build`: a `.br` and a `.gz` copy next to every static file in dist/
// (widget.js, portal.js, the dashboard), at the highest quality, so the server sends them as they are
// instead of compressing on each request. dist/server/ is the server itself, never served.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { extname, join, relative, resolve } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

const DIST = resolve(import.meta.dirname, '../dist')
const NOT_SERVED = new Set([join(DIST, 'server')])
/** Text worth compressing (the same list as src/server/http/static-files.ts). */
const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.json', '.svg', '.map', '.txt'])

function* staticFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) {
      if (!NOT_SERVED.has(path)) yield* staticFiles(path)
    } else if (COMPRESSIBLE.has(extname(entry.name))) {
      yield path
    }
  }
}

let files = 0
let rawBytes = 0
let brotliBytes = 0
for (const path of staticFiles(DIST)) {
  const body = readFileSync(path)
  const brotli = brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  })
  writeFileSync(`${path}.br`, brotli)
  writeFileSync(`${path}.gz`, gzipSync(body, { level: constants.Z_BEST_COMPRESSION }))
  files += 1
  rawBytes += body.length
  brotliBytes += brotli.length
  const name = relative(DIST, path)
  if (name === 'widget.js' || name === 'portal.js') {
    console.log(`${name} on the wire: ${brotli.length} B with br`)
  }
}
console.log(
  `compressed ${files} static files: ${rawBytes} B → ${brotliBytes} B brotli (.br and .gz next to each)`,
)
