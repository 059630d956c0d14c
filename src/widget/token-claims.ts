/**
 * The claims of a JWT, decoded but not verified (the server verifies). Small on purpose: a
 * library would cost the widget's size budget for checks the widget has no use for. Throws
 * when `token` is not a JWT whose payload is a JSON object.
 */
export function tokenClaims(token: string): { sub?: unknown; exp?: unknown } {
  // base64url without padding: atob() takes the missing padding, not the URL-safe alphabet.
  const payload = atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))
  const claims = JSON.parse(
    new TextDecoder().decode(Uint8Array.from(payload, (c) => c.charCodeAt(0))),
  )
  if (!claims || typeof claims !== 'object') throw TypeError()
  return claims
}
