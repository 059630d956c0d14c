/**
 * The page's network between the widget and the real test server: what the browser's fetch
 * would do, over real HTTP on 127.0.0.1 (node:http, since happy-dom's fetch would add its own
 * CORS and cookie rules to a page that is not the widget's host). It records every request
 * that went out, and it can fail the ways a network does: gone entirely, the server
 * unreachable, or an answer from something in between (a gateway's 5xx, a rate-limiting edge,
 * a tampering proxy), which no healthy server of ours would send a test.
 */
import { request as httpRequest } from 'node:http'

/** One request the widget sent, as it left the page. */
export interface SeenCall {
  method: string
  path: string
  query: URLSearchParams
  headers: Headers
  /** The JSON sent; for an upload (a Blob), its type and size. */
  body: unknown
  /** The JSON the real server answered, once it did. */
  answer?: unknown
}

/**
 * What the network hands over instead of the server's answer to the next request:
 * 'offline' rejects like a dead network; a status and body is what a gateway or edge in front
 * of the server answers.
 */
export type CannedAnswer =
  | 'offline'
  | { status: number; body?: unknown; headers?: Record<string, string> }

export interface HttpAnswer {
  status: number
  headers: Record<string, string>
  text: string
}

/** One HTTP exchange with the test server: no browser rules, nothing recorded. */
export function sendHttp(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: init.method ?? 'GET', headers: init.headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('error', reject)
      res.on('end', () => {
        const headers: Record<string, string> = {}
        for (const [name, value] of Object.entries(res.headers)) {
          if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value
        }
        resolve({ status: res.statusCode ?? 0, headers, text: Buffer.concat(chunks).toString() })
      })
    })
    req.on('error', reject)
    req.end(init.body)
  })
}

export function createNetwork() {
  const calls: SeenCall[] = []
  const canned: CannedAnswer[] = []
  const inFlight = new Set<Promise<unknown>>()
  const tampered: Array<{ pathEnd: string; alter: (body: unknown) => unknown }> = []
  let offline = false
  let unreachable = false
  let writesFail = false

  const answer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    new Response(typeof body === 'string' ? body : JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json', ...headers },
    })

  async function fetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
    const url = new URL(String(input))
    const headers = new Headers(init.headers)
    const method = init.method ?? 'GET'
    const upload = init.body instanceof Blob ? init.body : undefined
    const body =
      typeof init.body === 'string' ? init.body : upload && Buffer.from(await upload.arrayBuffer())
    const call: SeenCall = {
      method,
      path: url.pathname,
      query: url.searchParams,
      headers,
      body: upload
        ? { type: upload.type, size: upload.size }
        : body === undefined
          ? undefined
          : JSON.parse(String(body)),
    }
    calls.push(call)
    const next = canned.shift() ?? (offline || unreachable ? 'offline' : undefined)
    if (next === 'offline') throw new TypeError('Failed to fetch')
    if (next) return answer(next.status, next.body ?? '', next.headers)
    if (writesFail && method !== 'GET')
      return answer(503, { error: { code: 'internal_error', message: 'Service unavailable' } })

    const sent = sendHttp(url.href, {
      method,
      headers: Object.fromEntries(headers),
      ...(body === undefined ? {} : { body }),
    })
    inFlight.add(sent)
    try {
      const got = await sent
      const tamper = tampered.find((t) => url.pathname.endsWith(t.pathEnd))
      if (tamper) got.text = JSON.stringify(tamper.alter(JSON.parse(got.text)))
      if (got.text) call.answer = JSON.parse(got.text)
      return new Response(got.status === 204 ? null : got.text, {
        status: got.status,
        headers: got.headers,
      })
    } catch {
      throw new TypeError('Failed to fetch')
    } finally {
      inFlight.delete(sent)
    }
  }

  // A new page starts online, whatever the last test left navigator.onLine at.
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => !offline })
  return {
    fetch,
    calls,
    /** Calls other than reads. */
    writes: () => calls.filter((c) => c.method !== 'GET'),
    /** The next requests get these instead of the server's answers, in order. */
    answerNext(...answers: CannedAnswer[]) {
      canned.push(...answers)
    },
    /** The network is gone, and the browser says so (navigator.onLine), as a real one does. */
    setOffline(value: boolean) {
      offline = value
      Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => !offline })
    },
    /** The server cannot be reached while the browser is still online. */
    setDown(value: boolean) {
      unreachable = value
    },
    /** A proxy that rewrites the server's JSON answers to paths ending in `pathEnd`. */
    tamper(pathEnd: string, alter: (body: unknown) => unknown) {
      tampered.push({ pathEnd, alter })
    },
    /** A gateway in front of the server answers every write 503; reads pass. */
    setWritesFail(value: boolean) {
      writesFail = value
    },
    /** Resolves once every request that went out has its answer. */
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight])
    },
  }
}

export type Network = ReturnType<typeof createNetwork>
