import { TOKEN_LIFETIME_SECONDS } from '../../../shared/identity'
import type { SnippetTarget } from './stacks'
import type { ServerSnippet } from './types'

/** Next.js (App Router): a server-only helper with jose, a route handler and a server component. */
export function nextjsSnippet(target: SnippetTarget): ServerSnippet {
  const mint = `// lib/reqio-token.ts: mints the identity token the Reqio widget sends with every request.
// Import it only from server code (route handlers, server components): REQIO_SECRET must
// never reach the browser, so never prefix it with NEXT_PUBLIC_.
import { SignJWT } from 'jose' // npm install jose

const REQIO_AUDIENCE = '${target.audience}'
const TOKEN_LIFETIME_SECONDS = ${TOKEN_LIFETIME_SECONDS}

/** ADAPT: map your session's user onto these fields. */
export interface ReqioUser {
  id: string // your stable user id, e.g. the database row id
  email?: string | null
  name?: string | null // shown beside their comments, at most 100 characters
  plan?: string | null // e.g. 'pro'; leave empty for users who do not pay
  amountCents?: number // as billed, in cents; the yearly total for yearly plans
  billingInterval?: 'month' | 'year'
  // B2B (optional): the account the user belongs to. With it, the plan above is the company's
  // and Reqio counts the company's revenue once, however many of its people vote.
  companyId?: string | null
  companyName?: string | null
}

export async function mintReqioToken(user: ReqioUser): Promise<string> {
  const secret = new TextEncoder().encode(process.env.REQIO_SECRET)
  const iat = Math.floor(Date.now() / 1000)
  // Send the same claims on every token: each one replaces what Reqio stores about the user,
  // so a claim left out is cleared (the newest token by iat wins).
  const claims = {
    email: user.email || undefined,
    name: user.name || undefined,
    // The customer's billing, for revenue ranking. Paying customers only.
    traits: user.plan
      ? { plan: user.plan, amount: user.amountCents, interval: user.billingInterval }
      : undefined,
    company: user.companyId
      ? { id: user.companyId, name: user.companyName || undefined }
      : undefined,
  }
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(user.id)
    .setAudience(REQIO_AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(iat + TOKEN_LIFETIME_SECONDS)
    .sign(secret)
}
`
  const routeHandler = `// app/api/reqio-token/route.ts: for client components / SPAs. After sign-in the
// browser fetches this and calls window.Reqio.identify(token).
import { getCurrentUser } from '@/lib/auth' // ADAPT: your session lookup (Auth.js, Clerk, ...)
import { mintReqioToken } from '@/lib/reqio-token'

export const dynamic = 'force-dynamic' // a fresh token per request, never cached

export async function GET() {
  const user = await getCurrentUser()
  if (!user) return Response.json({ error: 'not signed in' }, { status: 401 })
  const token = await mintReqioToken(user)
  return Response.json({ token }, { headers: { 'Cache-Control': 'no-store' } })
}
`
  const serverComponent = `// app/reqio-widget.tsx: server component form. Render <ReqioWidget /> in app/layout.tsx;
// the token is minted on the server for every request.
import { getCurrentUser } from '@/lib/auth' // ADAPT: your session lookup
import { mintReqioToken } from '@/lib/reqio-token'

export default async function ReqioWidget() {
  const user = await getCurrentUser()
  const token = user ? await mintReqioToken(user) : undefined
  return (
    <script
      src="${target.widgetUrl}"
      data-project-id="${target.projectId}"
      data-identity-token={token}
      async
    />
  )
}
`
  return {
    stack: 'nextjs',
    files: [
      { path: 'lib/reqio-token.ts', language: 'typescript', code: mint, role: 'mint' },
      {
        path: 'app/api/reqio-token/route.ts',
        language: 'typescript',
        code: routeHandler,
        role: 'usage',
      },
      { path: 'app/reqio-widget.tsx', language: 'tsx', code: serverComponent, role: 'usage' },
    ],
  }
}
