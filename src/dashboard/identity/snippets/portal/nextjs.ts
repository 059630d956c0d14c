import type { SnippetTarget } from '../stacks'
import type { ServerSnippet } from '../types'
import { PORTAL_ADAPT, portalAddress } from './portal-address'

/** Next.js: the sign-in URL beside lib/reqio-token.ts, and a route handler for the SSO URL. */
export function nextjsPortalSnippet(target: SnippetTarget): ServerSnippet {
  const portal = `// lib/reqio-portal.ts: signs your signed-in users in to your Reqio portal. Server only.
import { mintReqioToken, type ReqioUser } from '@/lib/reqio-token'

const REQIO_PORTAL = '${portalAddress(target)}' // ${PORTAL_ADAPT}

/** The portal's sign-in with a fresh token; Reqio sends the browser on to returnTo if it is a portal page. */
export async function reqioPortalSignInUrl(user: ReqioUser, returnTo: string | null): Promise<string> {
  const url = new URL(\`\${REQIO_PORTAL}/sso\`)
  url.searchParams.set('token', await mintReqioToken(user))
  if (returnTo) url.searchParams.set('return_to', returnTo)
  return url.href
}
`
  const route = `// app/reqio/sign-in/route.ts: your SSO URL (Settings › Portal), e.g.
// https://app.example.com/reqio/sign-in. The portal's "Sign in" sends people here with
// ?return_to=<the portal page they were on>.
import { getCurrentUser } from '@/lib/auth' // ADAPT: your session lookup (Auth.js, Clerk, ...)
import { reqioPortalSignInUrl } from '@/lib/reqio-portal'

export const dynamic = 'force-dynamic' // a fresh token per request, never cached

export async function GET(request: Request) {
  const returnTo = new URL(request.url).searchParams.get('return_to')
  const user = await getCurrentUser()
  // ADAPT: your login page; bring people back here afterwards.
  const location = user
    ? await reqioPortalSignInUrl(user, returnTo)
    : \`/login?next=\${encodeURIComponent(new URL(request.url).pathname + new URL(request.url).search)}\`
  return new Response(null, { status: 302, headers: { Location: location, 'Cache-Control': 'no-store' } })
}
`
  return {
    stack: 'nextjs',
    files: [
      { path: 'lib/reqio-portal.ts', language: 'typescript', code: portal, role: 'portal' },
      { path: 'app/reqio/sign-in/route.ts', language: 'typescript', code: route, role: 'usage' },
    ],
  }
}
