import { lookup as systemLookup } from 'node:dns/promises'
import http from 'node:http'
import https from 'node:https'
import { isIP, type LookupFunction } from 'node:net'
import type { Duplex } from 'node:stream'
import { isPrivateAddress } from './private-addresses'

/**
 * The one gate for everything that leaves Reqio (webhooks today; Slack and issue trackers use
 * the same): a URL is checked when it is saved, and every connection is made through agents
 * whose DNS lookup resolves once, checks every address and hands only checked ones to the
 * socket. Checking a name and then letting the socket resolve it again is what DNS rebinding
 * exploits (public for the check, 127.0.0.1 for the connection).
 */
export interface OutboundGuard {
  /** From REQIO_WEBHOOK_ALLOW_PRIVATE=1: loopback and private targets allowed (local testing). */
  readonly allowPrivate: boolean
  /** Why `url` may not be called, or null when it may (its host resolved and checked now). */
  targetProblem(url: string): Promise<string | null>
  /** The keep-alive agent to pass to http.request / https.request for `url`. */
  agentFor(url: URL): http.Agent
  /** The checked lookup, for a client that takes one (net.connect, undici's `connect`). */
  readonly lookup: LookupFunction
}

export interface ResolvedAddress {
  address: string
  family: number
}
/** Every address of a host name; tests inject one that answers differently on each call. */
export type ResolveHost = (hostname: string) => Promise<ResolvedAddress[]>

export const PRIVATE_TARGET_REFUSED = 'Private, loopback and link-local addresses are refused.'

/** A connection the guard would not open; its message is the same one a saved URL gets. */
export class OutboundRefusedError extends Error {
  override name = 'OutboundRefusedError'
  readonly code = 'ERR_OUTBOUND_REFUSED'
  constructor(message = PRIVATE_TARGET_REFUSED) {
    super(message)
  }
}

const systemResolve: ResolveHost = (hostname) =>
  systemLookup(hostname, { all: true, verbatim: true })

/** Idle connections to an endpoint are dropped before common servers' 5 s keep-alive does. */
const IDLE_SOCKET_MS = 4_000

export function createOutboundGuard(options: {
  allowPrivate: boolean
  resolve?: ResolveHost
}): OutboundGuard {
  const { allowPrivate } = options
  const resolve = options.resolve ?? systemResolve
  const refused = (address: string) => !allowPrivate && isPrivateAddress(address)

  const lookup: LookupFunction = (hostname, lookupOptions, callback) => {
    resolve(hostname).then(
      (found) => {
        const family = familyNumber(lookupOptions.family)
        const usable = family === 0 ? found : found.filter((a) => a.family === family)
        if (found.some((a) => refused(a.address))) return callback(new OutboundRefusedError(), '')
        const first = usable[0]
        if (!first) return callback(notFound(hostname), '')
        if (lookupOptions.all) return callback(null, usable)
        return callback(null, first.address, first.family)
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    )
  }

  // Literal addresses never reach `lookup` (net connects to them directly): checked here.
  function guarded(options: http.ClientRequestArgs): http.ClientRequestArgs | Error {
    if (options.socketPath) return new OutboundRefusedError('Unix sockets are refused.')
    const host = String(options.host ?? options.hostname ?? '').replace(/^\[|\]$/g, '')
    if (isIP(host) && refused(host)) return new OutboundRefusedError()
    return { ...options, lookup }
  }
  type OnSocket = (err: Error | null, stream: Duplex) => void
  const refuse = (error: Error, callback?: OnSocket) => {
    callback?.(error, undefined as unknown as Duplex)
    return undefined
  }

  class GuardedHttpAgent extends http.Agent {
    override createConnection(options: http.ClientRequestArgs, callback?: OnSocket) {
      const checked = guarded(options)
      if (checked instanceof Error) return refuse(checked, callback)
      return super.createConnection(checked, callback)
    }
  }
  class GuardedHttpsAgent extends https.Agent {
    override createConnection(options: https.RequestOptions, callback?: OnSocket) {
      const checked = guarded(options)
      if (checked instanceof Error) return refuse(checked, callback)
      return super.createConnection(checked, callback)
    }
  }
  const agents = {
    http: new GuardedHttpAgent({ keepAlive: true, timeout: IDLE_SOCKET_MS }),
    https: new GuardedHttpsAgent({ keepAlive: true, timeout: IDLE_SOCKET_MS }),
  }

  return {
    allowPrivate,
    lookup,
    agentFor: (url) => (url.protocol === 'https:' ? agents.https : agents.http),
    async targetProblem(url) {
      let parsed: URL
      try {
        parsed = new URL(url)
      } catch {
        return 'The URL is not valid.'
      }
      if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
        return 'The URL must start with https:// or http://.'
      if (parsed.username || parsed.password) return 'The URL must not carry a user or password.'
      if (allowPrivate) return null
      const host = parsed.hostname.replace(/^\[|\]$/g, '')
      let addresses: string[]
      try {
        addresses = isIP(host) ? [host] : (await resolve(host)).map((a) => a.address)
      } catch {
        return `The host ${host} does not resolve.`
      }
      if (addresses.length === 0 || addresses.some(isPrivateAddress)) return PRIVATE_TARGET_REFUSED
      return null
    },
  }
}

const shared = new Map<boolean, OutboundGuard>()

/**
 * The process's guard for that policy: one connection pool per process, so an endpoint that
 * hears about each vote is sent to over a few kept-alive connections.
 */
export function outboundGuard(allowPrivate: boolean): OutboundGuard {
  let guard = shared.get(allowPrivate)
  if (!guard) {
    guard = createOutboundGuard({ allowPrivate })
    shared.set(allowPrivate, guard)
  }
  return guard
}

function familyNumber(family: number | string | undefined): 0 | 4 | 6 {
  if (family === 4 || family === 'IPv4') return 4
  if (family === 6 || family === 'IPv6') return 6
  return 0
}

function notFound(hostname: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
    code: 'ENOTFOUND',
    hostname,
  })
}
