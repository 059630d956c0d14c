/**
 * The key limits use for an address: an IPv4 address as is (also when written IPv4-mapped), an
 * IPv6 address as its /64, because one subscriber usually holds a whole /64 and can pick any
 * address in it.
 */
export function clientNetwork(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)
  if (mapped?.[1]) return mapped[1]
  if (!ip.includes(':')) return ip
  const groups = expandIpv6(ip.split('%')[0] ?? ip)
  return groups ? `${groups.slice(0, 4).join(':')}::/64` : ip
}

function expandIpv6(ip: string): string[] | null {
  const [head = '', tail, extra] = ip.split('::')
  if (extra !== undefined) return null
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const missing = 8 - left.length - right.length
  if (tail === undefined ? missing !== 0 : missing < 0) return null
  const groups = [...left, ...Array(tail === undefined ? 0 : missing).fill('0'), ...right]
  return groups.map((group) => (Number.parseInt(group, 16) || 0).toString(16))
}
