import { TOKEN_LIFETIME_SECONDS } from '../../../shared/identity'
import { pageScriptTag } from './embed'
import { portalAddress } from './portal/portal-address'
import { type SnippetTarget, STACK_INFO, type Stack } from './stacks'

/** Where each stack's token code usually lives, so the agent starts in the right place. */
const STACK_HINTS: Record<Stack, string> = {
  nextjs:
    'This is a Next.js app. Put the minting in a server-only module (e.g. lib/reqio-token.ts); render the widget tag from a server component, and add a route handler (app/api/reqio-token/route.ts) for client-side sign-in.',
  node: 'This is a Node.js server. Put the minting in its own module and call it from the route that renders pages (Express-style), plus a JSON route for client-side sign-in.',
  python:
    'This is a Python server. Put the minting in its own module (reqio_token.py) and call it from the view that renders pages (Flask/Django/FastAPI, whichever the project uses).',
  php: 'This is a PHP server. Put the minting in its own file and call it where pages are rendered; load the library through Composer autoloading.',
  ruby: 'This is a Ruby server. Put the minting in its own module (lib/reqio_token.rb) and call it from the layout that renders pages (Rails or whatever the project uses).',
  go: 'This is a Go server. Put the minting in its own package and call it from the handler that renders pages. Keep it compatible with Go 1.19.',
}

/** The copy-ready prompt for an AI coding agent: everything it needs, nothing it must guess. */
export function agentPrompt(stack: Stack, target: SnippetTarget): string {
  const info = STACK_INFO[stack]
  return `Add Reqio identity to this ${info.label} server so the Reqio feedback widget knows who the signed-in user is, and so signed-in users are signed in on the project's Reqio portal too.

${STACK_HINTS[stack]}

Requirements:
1. Use the JWT library ${info.library} (${info.install}). No Reqio package exists or is needed.
2. Read the signing secret from the environment variable REQIO_SECRET. The secret stays on the server: never send it to the browser, never log it, never put it in client bundles or public env vars.
3. Mint an HS256 JWT (header {"alg": "HS256", "typ": "JWT"}) with the secret's UTF-8 bytes as the key, and this payload:
   {
     "sub": "<the user's stable id, e.g. database row id, as a string>",
     "aud": "${target.audience}",
     "iat": <now, Unix seconds>,
     "exp": <iat + ${TOKEN_LIFETIME_SECONDS}>,
     "email": "<the user's email>",          (optional)
     "name": "<the user's display name>",    (optional: shown beside their comments in the widget, at most 100 characters)
     "traits": {                             (optional: only for paying customers)
       "plan": "<plan name, e.g. pro>",
       "amount": <recurring charge as billed, integer cents; the full yearly total for yearly plans>,
       "interval": "month" or "year"
     },
     "company": {                            (optional, B2B: the account the user belongs to)
       "id": "<your stable id for the company/account, string, at most 255 characters>",
       "name": "<its display name, at most 200 characters>"
     }
   }
   When "company" is present, "traits" describe that company's billing: Reqio counts each company's revenue once, however many of its people vote, and a later token without "company" makes the user their own account again.
   The token lives exactly ${TOKEN_LIFETIME_SECONDS} seconds (exp = iat + ${TOKEN_LIFETIME_SECONDS}); Reqio rejects longer lifetimes. Mint a fresh token on every server-rendered request.
4. Map sub, email, name, traits and (if the product sells to companies/teams/workspaces) company from this project's existing session/user model and billing data. Send the same claims on every token: each token replaces what Reqio stores about the user, so a claim left out is cleared, and the newest token by iat wins whatever order tokens arrive in.
5. Pass the token to the widget:
   - Server-rendered pages: render a freshly minted token into the widget tag's data-identity-token from the page template, e.g. ${pageScriptTag(stack, target)}
   - Single-page apps: add an authenticated endpoint that returns {"token": "..."} with Cache-Control: no-store; after sign-in the browser fetches it and calls window.Reqio.identify(token).
6. Only signed-in users get a token; anonymous visitors get the script tag without data-identity-token.
7. Sign people in to the Reqio portal (the project's public feedback pages) with the same token: add an authenticated GET route, e.g. /reqio/sign-in (send people who are not signed in to the app's login first, then back). It mints a fresh token and answers 302 with Cache-Control: no-store to ${portalAddress(target)}/sso?token=<token>&return_to=<the return_to query parameter it received, unchanged> (URL-encode both). Redirect only to that portal address (or the portal's custom domain, if the owner set one in Settings > Portal), never to whatever return_to names: Reqio itself checks return_to. Then tell the owner to set this route's absolute URL as the SSO URL in Settings > Portal.

Project id: ${target.projectId}
Audience (aud): ${target.audience}
Verify the result in the Reqio dashboard: Settings > Identity > Check a token.`
}
