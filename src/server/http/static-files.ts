import { createHash } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { extname } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import type { ContentEncoding } from './accept-encoding'

const brotliAsync = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

/** Text worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.json', '.svg', '.map', '.txt'])

/** The extension of the copy `npm run build` writes next to each file (scripts/compress-static.mjs). */
const PRECOMPRESSED_SUFFIX: Record<Exclude<ContentEncoding, 'identity'>, string> = {
  br: '.br',
  gzip: '.gz',
}

export interface StaticFile {
  /** Whether it is worth sending compressed (text); other files go as they are. */
  readonly compressible: boolean
  /** One ETag per encoding: the bytes on the wire differ, so must the validators. */
  etag(encoding: ContentEncoding): string
  body(encoding: ContentEncoding): Promise<Buffer>
}

interface CachedFile extends StaticFile {
  mtimeMs: number
  size: number
}

/**
 * Files read lazily and kept in memory until their mtime or size changes, so a rebuild of
 * dist/ is picked up without a restart. The brotli and gzip bodies come from the build's
 * `.br`/`.gz` copies when they are at least as new as the file; otherwise (a build that
 * skipped them, the demo page) they are compressed here once, at the same settings.
 */
export class StaticFiles {
  private readonly files = new Map<string, CachedFile>()

  async read(path: string): Promise<StaticFile | null> {
    const info = await stat(path).catch(() => null)
    if (!info?.isFile()) return null
    const cached = this.files.get(path)
    if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached
    const identity = await readFile(path)
    const hash = createHash('sha256').update(identity).digest('base64url').slice(0, 27)
    const bodies = new Map<ContentEncoding, Promise<Buffer>>([
      ['identity', Promise.resolve(identity)],
    ])
    const file: CachedFile = {
      mtimeMs: info.mtimeMs,
      size: info.size,
      compressible: COMPRESSIBLE.has(extname(path)),
      etag: (encoding) => (encoding === 'identity' ? `"${hash}"` : `"${hash}-${encoding}"`),
      body(encoding) {
        let body = bodies.get(encoding)
        if (!body && encoding !== 'identity') {
          body = encodedBody(path, info.mtimeMs, identity, encoding)
          // A failure is not kept: the next request tries again.
          body.catch(() => bodies.delete(encoding))
          bodies.set(encoding, body)
        }
        return body ?? Promise.resolve(identity)
      },
    }
    this.files.set(path, file)
    return file
  }
}

async function encodedBody(
  path: string,
  mtimeMs: number,
  identity: Buffer,
  encoding: 'br' | 'gzip',
): Promise<Buffer> {
  const copy = `${path}${PRECOMPRESSED_SUFFIX[encoding]}`
  const copyInfo = await stat(copy).catch(() => null)
  if (copyInfo?.isFile() && copyInfo.mtimeMs >= mtimeMs) return readFile(copy)
  return encoding === 'br'
    ? brotliAsync(identity, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
        },
      })
    : gzipAsync(identity, { level: constants.Z_BEST_COMPRESSION })
}
