// A customer's site on a second origin, so CORS and script-origin rules are really exercised.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface HostSite {
  url: string
  /** Serves `body` at `path` as HTML, or with the given content type and extra headers. */
  page(
    path: string,
    body: string | Buffer,
    contentType?: string,
    headers?: Record<string, string>,
  ): void
  close(): Promise<void>
}

export async function startHostSite(): Promise<HostSite> {
  const pages = new Map<
    string,
    { body: string | Buffer; contentType: string; headers: Record<string, string> }
  >()
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://host').pathname
    const page = pages.get(path)
    if (page === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
      return
    }
    res.writeHead(200, {
      ...page.headers,
      'content-type': page.contentType,
      'cache-control': 'no-store',
    })
    res.end(page.body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    page(path, body, contentType = 'text/html; charset=utf-8', headers = {}) {
      pages.set(path, { body, contentType, headers })
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
