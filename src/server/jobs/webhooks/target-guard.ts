import { lookup } from 'node:dns/promises'
import { BlockList, isIP } from 'node:net'

/** Private, loopback, link-local and other non-public ranges a webhook must not reach. */
const blocked = new BlockList()
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const) {
  blocked.addSubnet(network, prefix, 'ipv4')
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  blocked.addSubnet(network, prefix, 'ipv6')
}

export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '')
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare)
  if (mapped?.[1]) return blocked.check(mapped[1], 'ipv4')
  const family = isIP(bare)
  if (family === 4) return blocked.check(bare, 'ipv4')
  if (family === 6) return blocked.check(bare, 'ipv6')
  return true
}

/**
 * Why `url` may not be a webhook target, or null when it may: http(s) only, and every address
 * its host resolves to must be public unless private targets are allowed. Checked when the
 * endpoint is saved and again before each delivery (DNS can change).
 */
export async function webhookTargetProblem(
  url: string,
  allowPrivate: boolean,
): Promise<string | null> {
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
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address)
  } catch {
    return `The host ${host} does not resolve.`
  }
  if (addresses.length === 0 || addresses.some(isPrivateAddress))
    return 'Private, loopback and link-local addresses are refused.'
  return null
}
