import type { Context } from 'hono'
import { payloadTooLarge } from '../errors'

/**
 * The raw body, refused with 413 as soon as it passes `maxBytes`: a declared Content-Length
 * over it is refused before reading, and a body without one (or lying) is counted while it
 * streams, so nothing past the limit is ever held in memory.
 */
export async function readCappedBody(c: Context, maxBytes: number): Promise<Uint8Array> {
  const tooLarge = () => payloadTooLarge(`The image must be at most ${maxBytes} bytes.`)
  const declared = Number(c.req.header('Content-Length'))
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge()
  const stream = c.req.raw.body
  if (!stream) return new Uint8Array(0)
  const reader = stream.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > maxBytes) {
      await reader.cancel().catch(() => {})
      throw tooLarge()
    }
    chunks.push(value)
  }
  const body = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    body.set(chunk, offset)
    offset += chunk.byteLength
  }
  return body
}
