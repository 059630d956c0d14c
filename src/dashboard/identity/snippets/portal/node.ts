import type { SnippetTarget } from '../stacks'
import type { ServerSnippet } from '../types'
import { PORTAL_ADAPT, portalAddress } from './portal-address'

/** Node.js: the sign-in URL next to reqio-token.mjs, and an Express-style route for the SSO URL. */
export function nodePortalSnippet(target: SnippetTarget): ServerSnippet {
  const portal = `// reqio-portal.mjs: signs your signed-in users in to your Reqio portal.
import { mintReqioToken } from './reqio-token.mjs'

const REQIO_PORTAL = '${portalAddress(target)}' // ${PORTAL_ADAPT}

/** The portal's sign-in with a fresh token; Reqio sends the browser on to returnTo if it is a portal page. */
export async function reqioPortalSignInUrl(user, returnTo) {
  const url = new URL(\`\${REQIO_PORTAL}/sso\`)
  url.searchParams.set('token', await mintReqioToken(user))
  if (returnTo) url.searchParams.set('return_to', String(returnTo))
  return url.href
}
`
  const route = `// server.mjs: your SSO URL (Settings › Portal), e.g. https://app.example.com/reqio/sign-in.
// The portal's "Sign in" sends people here with ?return_to=<the portal page they were on>.
// ADAPT: requireLogin and req.user are your session (send people to your login first).
import { reqioPortalSignInUrl } from './reqio-portal.mjs'

app.get('/reqio/sign-in', requireLogin, async (req, res) => {
  res.set('Cache-Control', 'no-store')
  res.redirect(302, await reqioPortalSignInUrl(req.user, req.query.return_to))
})
`
  return {
    stack: 'node',
    files: [
      { path: 'reqio-portal.mjs', language: 'javascript', code: portal, role: 'portal' },
      { path: 'server.mjs', language: 'javascript', code: route, role: 'usage' },
    ],
  }
}
