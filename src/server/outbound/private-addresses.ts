import { BlockList, isIP } from 'node:net'

function blockListOf(family: 'ipv4' | 'ipv6', subnets: [network: string, prefix: number][]) {
  const list = new BlockList()
  for (const [network, prefix] of subnets) list.addSubnet(network, prefix, family)
  return list
}

/**
 * Addresses nothing Reqio sends may reach: private, loopback, link-local, shared, multicast and
 * reserved IPv4; and in IPv6 the same plus every transition range that embeds an IPv4 address
 * (a NAT64 or 6to4 gateway would carry `64:ff9b::7f00:1` to 127.0.0.1).
 * Two lists, because a BlockList applies an IPv6 rule to IPv4 addresses too (`::ffff:0:0/96`
 * would block every IPv4 address).
 */
const blockedV4 = blockListOf('ipv4', [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 3],
])

const blockedV6 = blockListOf('ipv6', [
  // IPv4-compatible (deprecated), which also holds :: and ::1.
  ['::', 96],
  // IPv4-translated (SIIT).
  ['::ffff:0:0:0', 96],
  // NAT64, well-known and local-use prefixes.
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  // Discard-only.
  ['100::', 64],
  // Teredo (2001::/32) and documentation.
  ['2001::', 32],
  ['2001:db8::', 32],
  // 6to4.
  ['2002::', 16],
  // Unique-local, link-local, the old site-local, multicast.
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
])

/** True for any address that is not a public one, and for anything that is not an address. */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '')
  const family = isIP(bare)
  if (family === 4) return blockedV4.check(bare, 'ipv4')
  // An IPv4-mapped address (::ffff:a.b.c.d, in any spelling) is checked as the IPv4 it maps.
  if (family === 6) return blockedV4.check(bare, 'ipv6') || blockedV6.check(bare, 'ipv6')
  return true
}
