import { TOKEN_LIFETIME_SECONDS } from '../../../shared/identity'
import type { SnippetTarget } from './stacks'
import type { ServerSnippet } from './types'
import { widgetScriptTag } from './widget-tag'

/** Node.js: a plain ES module function with jose, then Express-style routes that use it. */
export function nodeSnippet(target: SnippetTarget): ServerSnippet {
  const mint = `// reqio-token.mjs: mints the identity token the Reqio widget sends with every request.
// Server only: REQIO_SECRET must never reach the browser.
import { SignJWT } from 'jose' // npm install jose

const REQIO_AUDIENCE = '${target.audience}'
const TOKEN_LIFETIME_SECONDS = ${TOKEN_LIFETIME_SECONDS}

/** ADAPT: pass your signed-in user; map the fields below to your session model. */
export async function mintReqioToken(user) {
  const secret = new TextEncoder().encode(process.env.REQIO_SECRET)
  const iat = Math.floor(Date.now() / 1000)
  // Send the same claims on every token: each one replaces what Reqio stores about the user,
  // so a claim left out is cleared (the newest token by iat wins).
  const claims = {
    email: user.email || undefined, // ADAPT (optional)
    name: user.name || undefined, // ADAPT (optional): shown beside their comments, ≤ 100 characters
    // ADAPT (optional): the customer's billing, for revenue ranking. Paying customers only.
    traits: user.plan
      ? {
          plan: user.plan, // e.g. 'pro'
          amount: user.amountCents, // as billed, in cents; the yearly total for yearly plans
          interval: user.billingInterval, // 'month' or 'year'
        }
      : undefined,
    // ADAPT (optional), B2B: the account the user belongs to. With it, traits are the
    // company's billing and Reqio counts the company's revenue once, however many of its
    // people vote.
    company: user.companyId
      ? { id: String(user.companyId), name: user.companyName || undefined }
      : undefined,
  }
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(String(user.id)) // ADAPT: your stable user id, e.g. the database row id
    .setAudience(REQIO_AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(iat + TOKEN_LIFETIME_SECONDS)
    .sign(secret)
}
`
  const usage = `// server.mjs: Express-style usage. ADAPT: requireLogin and req.user are your session.
import { mintReqioToken } from './reqio-token.mjs'

// Server-rendered pages: mint a fresh token on every render.
app.get('/', requireLogin, async (req, res) => {
  const token = await mintReqioToken(req.user)
  res.send(\`<!doctype html>
    <h1>Your app</h1>
    ${widgetScriptTag(target, '${token}')}\`)
})

// Single-page apps: the browser fetches this after sign-in, then calls window.Reqio.identify(token).
app.get('/api/reqio-token', requireLogin, async (req, res) => {
  res.set('Cache-Control', 'no-store').json({ token: await mintReqioToken(req.user) })
})
`
  return {
    stack: 'node',
    files: [
      { path: 'reqio-token.mjs', language: 'javascript', code: mint, role: 'mint' },
      { path: 'server.mjs', language: 'javascript', code: usage, role: 'usage' },
    ],
  }
}
