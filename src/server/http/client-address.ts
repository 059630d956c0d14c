import type { IncomingMessage } from 'node:http'
import type { Context, MiddlewareHandler } from 'hono'
import proxyaddr from 'proxy-addr'
import type { TrustProxy } from '../config'

/** Who is calling, as far as the peers we trust say (spec/api.md v3, REQIO_TRUST_PROXY). */
export interface ClientAddress {
  /** The client's IP: the socket's, or from a trusted peer the right-most untrusted X-Forwarded-For. */
  ip: string
  /** How the client reached us: the socket's, or from a trusted peer its X-Forwarded-Proto. */
  scheme: 'http' | 'https'
}

type TrustRule = (address: string, hop: number) => boolean

const trustNobody: TrustRule = () => false

/** REQIO_TRUST_PROXY as proxy-addr's rule: a hop count trusts that many peers from the socket in. */
export function trustRuleFor(setting: TrustProxy): TrustRule {
  if (setting === null) return trustNobody
  if (typeof setting === 'number') return (_address, hop) => hop < setting
  return proxyaddr.compile(setting)
}

/**
 * Sets the request's client address once, first thing, so every limit and every record of the
 * caller reads the same one. Headers from an untrusted peer are ignored: anyone can send them.
 */
export function resolveClientAddress(
  setting: TrustProxy,
): MiddlewareHandler<{ Variables: { clientAddress: ClientAddress } }> {
  const trust = trustRuleFor(setting)
  return async (c, next) => {
    c.set('clientAddress', readClientAddress(c, trust))
    await next()
  }
}

/** The address resolveClientAddress set (or the socket's own, where it did not run). */
export function clientAddress(c: Context): ClientAddress {
  return (c.get('clientAddress') as ClientAddress | undefined) ?? readClientAddress(c, trustNobody)
}

export const clientIp = (c: Context): string => clientAddress(c).ip

/** The scheme and Host this request came to, as the client saw them (behind a proxy: its https). */
export function requestOrigin(c: Context): string {
  return `${clientAddress(c).scheme}://${new URL(c.req.url).host}`
}

function readClientAddress(c: Context, trust: TrustRule): ClientAddress {
  const socketScheme = new URL(c.req.url).protocol === 'https:' ? 'https' : 'http'
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming
  const peer = incoming?.socket?.remoteAddress
  // app.request() in tests has no socket at all.
  if (!incoming || !peer) return { ip: 'unknown', scheme: socketScheme }
  if (!trust(peer, 0)) return { ip: peer, scheme: socketScheme }
  return { ip: proxyaddr(incoming, trust), scheme: forwardedScheme(c) ?? socketScheme }
}

/** The first X-Forwarded-Proto value (the one the outermost proxy saw), when it is http(s). */
function forwardedScheme(c: Context): 'http' | 'https' | null {
  const first = c.req.header('X-Forwarded-Proto')?.split(',')[0]?.trim().toLowerCase()
  return first === 'https' || first === 'http' ? first : null
}
