// Static files go out precompressed (spec v3 "Running in production"): the build's .br/.gz
// copies, the encoding the client asked for, Vary always, one ETag per encoding. Read over raw
// HTTP so the bytes on the wire are seen as they are (fetch would decode them).
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs'
import { get } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../helpers/start-server'

interface RawAnswer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: Buffer
}

function rawGet(url: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      )
      res.on('error', reject)
    }).on('error', reject)
  })
}

const WIDGET = 'console.log("the widget, long enough to be worth compressing");'.repeat(20)
/** A different text in the .br copy proves the server sends the build's copy, not its own. */
const WIDGET_AS_BUILT_BR = 'console.log("from the .br copy the build wrote")'
const WIDGET_AS_BUILT_GZ = 'console.log("from the .gz copy the build wrote")'

describe('static files served precompressed', () => {
  let server: TestServer
  let distDir: string
  beforeAll(async () => {
    distDir = mkdtempSync(join(tmpdir(), 'reqio-dist-'))
    writeFileSync(join(distDir, 'widget.js'), WIDGET)
    writeFileSync(join(distDir, 'widget.js.br'), brotliCompressSync(WIDGET_AS_BUILT_BR))
    writeFileSync(join(distDir, 'widget.js.gz'), gzipSync(WIDGET_AS_BUILT_GZ))
    mkdirSync(join(distDir, 'dashboard', 'assets'), { recursive: true })
    writeFileSync(
      join(distDir, 'dashboard', 'index.html'),
      '<!doctype html><title>Dashboard</title>',
    )
    writeFileSync(join(distDir, 'dashboard', 'assets', 'app-abc.css'), 'body{margin:0}'.repeat(50))
    writeFileSync(join(distDir, 'dashboard', 'assets', 'logo-abc.png'), Buffer.alloc(64, 7))
    server = await startTestServer({ distDir, demo: false })
  })
  afterAll(async () => {
    await server.close()
  })

  it('sends the build’s .br copy to a client accepting br, with Vary and its own ETag', async () => {
    const res = await rawGet(`${server.url}/widget.js`, { 'Accept-Encoding': 'gzip, deflate, br' })
    expect(res.status).toBe(200)
    expect(res.headers['content-encoding']).toBe('br')
    expect(res.headers.vary).toBe('Accept-Encoding')
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(brotliDecompressSync(res.body).toString()).toBe(WIDGET_AS_BUILT_BR)
    expect(res.headers.etag).toMatch(/^".+-br"$/)
  })

  it('sends the .gz copy to a client accepting only gzip, and the file as it is otherwise', async () => {
    const gzip = await rawGet(`${server.url}/widget.js`, { 'Accept-Encoding': 'gzip' })
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gzip.body).toString()).toBe(WIDGET_AS_BUILT_GZ)
    expect(gzip.headers.vary).toBe('Accept-Encoding')

    for (const accept of [undefined, 'identity', 'br;q=0, gzip;q=0']) {
      const plain = await rawGet(
        `${server.url}/widget.js`,
        accept === undefined ? {} : { 'Accept-Encoding': accept },
      )
      expect(plain.headers['content-encoding']).toBeUndefined()
      expect(plain.headers.vary).toBe('Accept-Encoding')
      expect(plain.body.toString()).toBe(WIDGET)
    }
  })

  it('gives each encoding its own ETag, and a 304 only for the one the client holds', async () => {
    const br = await rawGet(`${server.url}/widget.js`, { 'Accept-Encoding': 'br' })
    const plain = await rawGet(`${server.url}/widget.js`)
    const brTag = String(br.headers.etag)
    const plainTag = String(plain.headers.etag)
    expect(brTag).not.toBe(plainTag)

    const brAgain = await rawGet(`${server.url}/widget.js`, {
      'Accept-Encoding': 'br',
      'If-None-Match': brTag,
    })
    expect(brAgain.status).toBe(304)
    expect(brAgain.headers.vary).toBe('Accept-Encoding')
    // The brotli validator does not match the plain file: that client gets the bytes it can read.
    const plainWithBrTag = await rawGet(`${server.url}/widget.js`, { 'If-None-Match': brTag })
    expect(plainWithBrTag.status).toBe(200)
    expect(plainWithBrTag.body.toString()).toBe(WIDGET)
  })

  it('compresses a file whose copies are missing or older than it, and picks up a rebuild', async () => {
    const css = await rawGet(`${server.url}/dashboard/assets/app-abc.css`, {
      'Accept-Encoding': 'br',
    })
    expect(css.headers['content-encoding']).toBe('br')
    expect(brotliDecompressSync(css.body).toString()).toBe('body{margin:0}'.repeat(50))

    // A rebuild wrote a new widget.js after its .br copy: the stale copy is not sent.
    const rebuilt = 'console.log("rebuilt")'
    writeFileSync(join(distDir, 'widget.js'), rebuilt)
    const older = new Date(Date.now() - 60_000)
    utimesSync(join(distDir, 'widget.js.br'), older, older)
    const res = await rawGet(`${server.url}/widget.js`, { 'Accept-Encoding': 'br' })
    expect(res.headers['content-encoding']).toBe('br')
    expect(brotliDecompressSync(res.body).toString()).toBe(rebuilt)
    writeFileSync(join(distDir, 'widget.js'), WIDGET)
  })

  it('sends images as they are (they are compressed already), still with Vary', async () => {
    const png = await rawGet(`${server.url}/dashboard/assets/logo-abc.png`, {
      'Accept-Encoding': 'br, gzip',
    })
    expect(png.status).toBe(200)
    expect(png.headers['content-encoding']).toBeUndefined()
    expect(png.headers.vary).toBe('Accept-Encoding')
    expect(png.body).toEqual(Buffer.alloc(64, 7))
  })

  it('compresses the dashboard page and its client-side routes', async () => {
    const res = await rawGet(`${server.url}/dashboard/projects/demo/backlog`, {
      'Accept-Encoding': 'gzip',
    })
    expect(res.status).toBe(200)
    expect(res.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(res.body).toString()).toContain('<title>Dashboard</title>')
  })

  it('redirects / to the dashboard with demo mode off, not to the pretend customer site', async () => {
    for (const path of ['/', '/?as=pro']) {
      const res = await fetch(`${server.url}${path}`, { redirect: 'manual' })
      expect(res.status).toBe(302)
      expect(res.headers.get('location')).toBe('/dashboard')
    }
  })
})
