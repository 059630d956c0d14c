// Image uploads (issue 29): the time of POST /v1/projects/{pid}/attachments for a 2 MB JPEG
// (noise: no easier to decode or encode than a photo that size; with EXIF and GPS to strip) over real HTTP on
// 127.0.0.1: the body read and counted, the magic number checked, the JPEG decoded, turned
// upright and re-encoded by sharp, and the row of bytes written. On the embedded database (on
// disk) and, when DATABASE_URL is set, on PostgreSQL; one at a time, then CONCURRENCY at a time.
//
//   npx tsx test/bench/image-upload.ts            (DATABASE_URL=postgres://… adds PostgreSQL)
import sharp from 'sharp'
import type { TestServer } from '../helpers/start-server'
import { onEachServer } from './each-engine'
import { percentile } from './stats'

const UPLOADS = 60
const WARM_UP = 5
const CONCURRENCY = 4
const TARGET_BYTES = 2_000_000

/** A JPEG of noise close to 2 MB, with EXIF (and GPS) as a phone writes it. */
async function twoMegabyteJpeg(): Promise<Buffer> {
  let side = 1000
  for (;;) {
    const pixels = Buffer.alloc(side * side * 3)
    // Pure noise: harder to decode and encode than a photo of the same size, so an upper bound.
    for (let i = 0; i < pixels.length; i++) pixels[i] = (Math.random() * 256) | 0
    const jpeg = await sharp(pixels, { raw: { width: side, height: side, channels: 3 } })
      .jpeg({ quality: 80 })
      .withExif({
        IFD0: { Make: 'Bench', Model: 'Phone' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 2999/100' },
      })
      .toBuffer()
    if (Math.abs(jpeg.length - TARGET_BYTES) < 100_000) return jpeg
    side = Math.round(side * Math.sqrt(TARGET_BYTES / jpeg.length))
  }
}

/** Reused connections the server had just closed (keep-alive), sent again; printed with the table. */
let resent = 0

async function uploadOnce(server: TestServer, projectId: string, jpeg: Buffer, i: number) {
  const send = () =>
    fetch(`${server.url}/v1/projects/${projectId}/attachments`, {
      method: 'POST',
      headers: { 'Content-Type': 'image/jpeg', 'X-Reqio-Anonymous-Id': `anon-bench-${i % 50}` },
      body: new Uint8Array(jpeg),
    })
  const started = performance.now()
  const res = await send().catch(() => {
    resent++
    return send()
  })
  const text = await res.text()
  if (res.status !== 201) throw new Error(`upload: ${res.status} ${text}`)
  return performance.now() - started
}

async function run(engine: string, server: TestServer, jpeg: Buffer, concurrency: number) {
  const { project } = await server.createProject(`Upload bench ${concurrency}`)
  for (let i = 0; i < WARM_UP; i++) await uploadOnce(server, project.id, jpeg, i)
  const timings: number[] = []
  let next = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < UPLOADS) timings.push(await uploadOnce(server, project.id, jpeg, next++))
    }),
  )
  const seconds = (performance.now() - started) / 1000
  const sorted = [...timings].sort((a, b) => a - b)
  return {
    engine,
    'at a time': concurrency,
    'uploads/s': Number((UPLOADS / seconds).toFixed(1)),
    'p50 ms': Number(percentile(sorted, 50).toFixed(1)),
    'p99 ms': Number(percentile(sorted, 99).toFixed(1)),
  }
}

async function measure(engine: string, server: TestServer, jpeg: Buffer) {
  return [await run(engine, server, jpeg, 1), await run(engine, server, jpeg, CONCURRENCY)]
}

export async function benchImageUpload(): Promise<void> {
  const jpeg = await twoMegabyteJpeg()
  const limits = { uploadsPerIpPerHour: 100_000, uploadsPerPersonPerHour: 100_000 }
  const rows = (
    await onEachServer('image_upload', (label, server) => measure(label, server, jpeg), limits)
  ).flat()
  console.log(
    `\nImage uploads: ${UPLOADS} uploads of a ${(jpeg.length / 1e6).toFixed(2)} MB JPEG (EXIF and GPS stripped, re-encoded), over HTTP on 127.0.0.1`,
  )
  console.table(rows)
  if (resent) console.log(`(${resent} upload(s) sent again after a reset connection)`)
}

if (import.meta.url === `file://${process.argv[1]}`) await benchImageUpload()
