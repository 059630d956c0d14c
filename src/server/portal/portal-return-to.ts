/**
 * Where a sign-in may send the browser back to: `returnTo` only when it is a page of this
 * project's portal (same origin, under its path, never the sign-in itself), else the board.
 * Anything else would make the portal an open redirect for whoever can mint a link.
 */
export function safeReturnTo(
  returnTo: string | undefined,
  home: { origin: string; path: string },
): string {
  const board = `${home.origin}${home.path || '/'}`
  if (!returnTo) return board
  let url: URL
  try {
    // Relative values resolve against the board, so `/p/{pid}/roadmap` and `roadmap` work too.
    url = new URL(returnTo, board.endsWith('/') ? board : `${board}/`)
  } catch {
    return board
  }
  if (url.origin !== home.origin || url.username || url.password) return board
  // URL() has already resolved dot segments (also percent-encoded ones), so a prefix test is sound.
  const within = url.pathname.slice(home.path.length)
  const underPortal =
    url.pathname.startsWith(home.path) && (within === '' || within.startsWith('/'))
  if (!underPortal || /^\/sso(\/|$)/.test(within)) return board
  return url.href
}
