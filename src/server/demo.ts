import { SignJWT } from 'jose'
import type { RevenueTraits } from '../shared/identity'
import { TOKEN_LIFETIME_SECONDS } from '../shared/identity'
import type { Clock } from './clock'
import { generateSecret } from './identity/secrets'
import type { ProjectRecord, Store } from './store'

export const DEMO_PROJECT_ID = 'demo'
export const DEMO_PROJECT_NAME = 'Acme Analytics'

export interface DemoCustomer {
  key: string
  label: string
  sub: string
  email: string
  traits: RevenueTraits
  /** The B2B account: the Enterprise plan is Initech's, shared by two of its people. */
  company?: DemoCompany
}

export interface DemoCompany {
  id: string
  name?: string | null
}

const INITECH: DemoCompany = { id: 'initech', name: 'Initech' }

/** The demo page's pretend customers, one per kind of plan revenue ranking cares about. */
export const DEMO_CUSTOMERS: readonly DemoCustomer[] = [
  {
    key: 'free',
    label: 'Fran (Free)',
    sub: 'demo_fran',
    email: 'fran@example.com',
    traits: { plan: 'free', amount: 0, interval: 'month' },
  },
  {
    key: 'pro',
    label: 'Priya (Pro, $49/mo)',
    sub: 'demo_priya',
    email: 'priya@example.com',
    traits: { plan: 'pro', amount: 4900, interval: 'month' },
  },
  {
    key: 'enterprise',
    label: 'Erik (Enterprise at Initech, $1,200/yr)',
    sub: 'demo_erik',
    email: 'erik@example.com',
    traits: { plan: 'enterprise', amount: 120000, interval: 'year' },
    company: INITECH,
  },
  {
    // A second person of the same Enterprise company: her vote adds Initech's revenue once.
    key: 'enterprise2',
    label: 'Elena (Enterprise, Initech too)',
    sub: 'demo_elena',
    email: 'elena@example.com',
    traits: { plan: 'enterprise', amount: 120000, interval: 'year' },
    company: INITECH,
  },
]

/** Demo mode: an empty store gets the `demo` project the demo page embeds. Returns true if created. */
export async function seedDemoProject(store: Store, clock: Clock): Promise<boolean> {
  if ((await store.projects.count()) > 0) return false
  await store.projects.create({
    id: DEMO_PROJECT_ID,
    name: DEMO_PROJECT_NAME,
    secret: generateSecret(),
    now: clock.now(),
  })
  return true
}

/** Mints a 300 s token exactly as the dashboard's Node snippet does: the demo plays the customer's server. */
export async function mintDemoToken(
  project: ProjectRecord,
  audience: string,
  nowMs: number,
  user: {
    sub: string
    email?: string | undefined
    traits?: RevenueTraits | undefined
    company?: DemoCompany | undefined
  },
): Promise<{ token: string; expiresAt: string }> {
  const iat = Math.floor(nowMs / 1000)
  const exp = iat + TOKEN_LIFETIME_SECONDS
  const claims: Record<string, unknown> = {}
  if (user.email !== undefined) claims.email = user.email
  if (user.traits !== undefined) claims.traits = user.traits
  if (user.company !== undefined) claims.company = user.company
  const token = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(user.sub)
    .setAudience(audience)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(new TextEncoder().encode(project.secret))
  return { token, expiresAt: new Date(exp * 1000).toISOString() }
}

export function findDemoCustomer(key: string | undefined): DemoCustomer | undefined {
  return DEMO_CUSTOMERS.find((customer) => customer.key === key)
}

/** Puts the token into the demo page's widget tag, as a customer's server-rendered page would. */
export function withIdentityToken(html: string, token: string): string {
  return html.replace(
    'data-project-id="demo"',
    `data-project-id="demo" data-identity-token="${token.replace(/[^\w.-]/g, '')}"`,
  )
}
