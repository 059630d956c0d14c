/**
 * A database with rows in every kind of table, written through the real HTTP API the way a
 * site owner, their team and their customers would; and a snapshot of every table's rows
 * (as text, sorted) to compare two databases with.
 *
 *   const server = await startTestServer({ demo: true, notify: { mailCoalesceSeconds: 0 } })
 *   await fillEveryTable(server)
 *   expect(await snapshotTables(restored)).toEqual(await snapshotTables(server.store.db))
 */
import { MIGRATIONS_TABLE, quoteIdent, TRANSIENT_TABLES } from '../../src/server/ops/catalog'
import { useCanonicalTextForms } from '../../src/server/ops/text-forms'
import type { Db, SqlExecutor } from '../../src/server/store/db'
import { audienceFor } from '../../src/shared/identity'
import type { TestServer } from './start-server'
import { customerEvent, postStripeEvent, subscriptionEvent } from './stripe-events'
import { invite, inviteCode, postJson, setUpOwner } from './team'
import { mintToken } from './tokens'
import { startWebhookReceiver } from './webhook-receiver'

/**
 * The tables fillEveryTable leaves with at least one row: a new table that it does not fill
 * shows up as a missing entry here, not as a round trip that proved nothing.
 */
export const FILLED_TABLES = [
  'account_mrr_changes',
  'anonymous_links',
  'api_keys',
  'attachments',
  'audit_log',
  'changelog_entries',
  'changelog_requests',
  'comments',
  'companies',
  'deleted_request_votes',
  'invites',
  'jobs',
  'kept_mail',
  'mail_items',
  'mail_unsubscribes',
  'members',
  'notification_preferences',
  'people',
  'person_updates',
  'portal_sessions',
  'project_origins',
  'projects',
  'request_accounts',
  'request_followers',
  'request_merges',
  'request_tags',
  'request_unfollows',
  'requests',
  'server_keys',
  'sessions',
  'stripe_customers',
  'stripe_setups',
  'stripe_subscriptions',
  'tags',
  'votes',
  'webhook_deliveries',
  'webhook_endpoints',
]

/** A 1×1 PNG. */
const TINY_PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  ),
)

/** Needs a server with demo mode on and no SMTP (mail is kept) and mailCoalesceSeconds 0. */
export async function fillEveryTable(server: TestServer): Promise<void> {
  const receiver = await startWebhookReceiver()
  try {
    await fill(server, receiver.url)
  } finally {
    await receiver.close()
  }
}

async function fill(server: TestServer, webhookUrl: string): Promise<void> {
  const { project, secret } = await server.createProject('Round trip: “quotes”, café & \\ tabs\t')
  const pid = project.id
  const expectStatus = async (res: Response | Promise<Response>, status: number) => {
    const answer = await res
    if (answer.status !== status)
      throw new Error(`${answer.url} answered ${answer.status}: ${await answer.text()}`)
    return answer
  }
  const json = async <T>(res: Response | Promise<Response>, status: number) =>
    (await (await expectStatus(res, status)).json()) as T

  await expectStatus(
    server.adminFetch(`/v1/admin/projects/${pid}`, {
      method: 'PATCH',
      body: JSON.stringify({ settings: { allowAnonymousComments: true } }),
    }),
    200,
  )
  await expectStatus(
    server.adminFetch(`/v1/admin/projects/${pid}/webhooks`, {
      method: 'POST',
      body: JSON.stringify({ url: webhookUrl, events: ['request.created', 'request.updated'] }),
    }),
    201,
  )

  const tokenFor = (sub: string, extra: Record<string, unknown> = {}) =>
    mintToken(secret, {
      sub,
      aud: audienceFor(pid),
      email: `${sub}@example.com`,
      name: `${sub} O’Brien`,
      traits: { plan: 'pro', amount: 4900, interval: 'month' },
      ...extra,
    })
  const publicFetch = (
    path: string,
    init: RequestInit & { token?: string; anon?: string } = {},
  ) => {
    const headers = new Headers(init.headers)
    headers.set('X-Reqio-Anonymous-Id', init.anon ?? 'anon-visitor-1')
    // Where the widget was seen (project_origins).
    headers.set('Origin', 'https://app.example.com')
    if (init.token) headers.set('Authorization', `Bearer ${init.token}`)
    if (init.body !== undefined) headers.set('Content-Type', 'application/json')
    return fetch(`${server.url}/v1/projects/${pid}${path}`, { ...init, headers })
  }
  const ann = await tokenFor('ann', { company: { id: 'acme', name: 'Acme Inc' } })
  const bob = await tokenFor('bob')

  const newRequest = async (title: string, body: string, init: { token?: string } = {}) =>
    (
      await json<{ request: { id: string } }>(
        publicFetch('/requests', {
          method: 'POST',
          body: JSON.stringify({ title, body }),
          ...init,
        }),
        201,
      )
    ).request.id
  const dark = await newRequest('Dark mode', 'Line one\nline two, with "quotes" and émojis 🌙', {
    token: ann,
  })
  const csv = await newRequest('CSV export', '', { token: bob })
  const csvAgain = await newRequest('Export to CSV', 'same thing')

  // An anonymous visitor votes, then signs in: the link is kept (anonymous_links).
  await expectStatus(
    publicFetch(`/requests/${dark}/vote`, { method: 'POST', anon: 'anon-visitor-2' }),
    200,
  )
  await expectStatus(
    publicFetch('/identify', { method: 'POST', token: bob, anon: 'anon-visitor-2' }),
    200,
  )
  for (const [request, token] of [
    [dark, bob],
    [csv, ann],
    [csvAgain, ann],
  ] as const)
    await expectStatus(publicFetch(`/requests/${request}/vote`, { method: 'POST', token }), 200)

  // bob's screenshot rides on his comment (attachments: bytea, his voter key).
  const screenshot = await json<{ attachment: { id: string } }>(
    fetch(`${server.url}/v1/projects/${pid}/attachments`, {
      method: 'POST',
      headers: { 'Content-Type': 'image/png', Authorization: `Bearer ${bob}` },
      body: TINY_PNG,
    }),
    201,
  )
  await expectStatus(
    publicFetch(`/requests/${dark}/comments`, {
      method: 'POST',
      token: bob,
      body: JSON.stringify({ body: 'Please! ✨', attachmentIds: [screenshot.attachment.id] }),
    }),
    201,
  )
  await expectStatus(
    publicFetch(`/requests/${csv}/comments`, {
      method: 'POST',
      anon: 'anon-visitor-3',
      body: JSON.stringify({ body: 'A visitor says hi' }),
    }),
    201,
  )

  // A customer signs in to the portal from their app (portal_sessions, jsonb person).
  await expectStatus(
    fetch(`${server.url}/p/${pid}/sso?token=${encodeURIComponent(ann)}`, { redirect: 'manual' }),
    302,
  )

  // The team: an owner (members, sessions, audit_log) and a pending invite.
  const owner = await setUpOwner(server)
  await invite(owner, 'pending.person@example.com', 'viewer')
  const accepted = await invite(owner, 'mia.member@example.com', 'member')
  await expectStatus(
    postJson(server, '/v1/auth/accept', {
      code: inviteCode(accepted),
      name: 'Mia Member',
      password: 'another long password here',
    }),
    200,
  )
  await expectStatus(
    server.adminFetch(`/v1/admin/projects/${pid}/requests/${dark}/comments`, {
      method: 'POST',
      body: JSON.stringify({ body: 'On it.' }),
    }),
    201,
  )
  await expectStatus(
    server.adminFetch(`/v1/admin/projects/${pid}/requests/${dark}`, {
      method: 'PATCH',
      body: JSON.stringify({ status: 'in_progress', statusNote: 'Started this week' }),
    }),
    200,
  )
  // A tag (v3), on a request.
  const { tag } = await json<{ tag: { id: string } }>(
    server.adminFetch(`/v1/admin/projects/${pid}/tags`, {
      method: 'POST',
      body: JSON.stringify({ name: 'Look & feel “UI”', color: '#0f766e' }),
    }),
    201,
  )
  await expectStatus(
    server.adminFetch(`/v1/admin/projects/${pid}/requests/${dark}`, {
      method: 'PATCH',
      body: JSON.stringify({ tagIds: [tag.id] }),
    }),
    200,
  )
  // A merge: requests.merged_into points into its own table, and request_merges keeps jsonb
  // and text[] columns.
  await expectStatus(
    server.adminFetch(`/v1/admin/projects/${pid}/requests/${csvAgain}`, {
      method: 'PATCH',
      body: JSON.stringify({ mergeInto: csv }),
    }),
    200,
  )
  await expectStatus(
    server.adminFetch(`/v1/admin/projects/${pid}/changelog`, {
      method: 'POST',
      body: JSON.stringify({
        title: 'March',
        body: '## New\n\n- **Dark mode**',
        requestIds: [dark],
      }),
    }),
    201,
  )

  // Spam the team deleted: its votes wait in deleted_request_votes for a restore.
  const spam = await newRequest('Cheap watches', 'Visit my shop', { token: bob })
  await expectStatus(publicFetch(`/requests/${spam}/vote`, { method: 'POST', token: ann }), 200)
  await expectStatus(
    server.adminFetch(`/v1/admin/projects/${pid}/requests/${spam}`, { method: 'DELETE' }),
    204,
  )

  // An integration's API key (api_keys: text[] scopes, a hash), used once (last_used_at).
  const { key } = await json<{ key: string }>(
    server.adminFetch(`/v1/admin/projects/${pid}/api-keys`, {
      method: 'POST',
      body: JSON.stringify({ name: 'CRM sync', scopes: ['read', 'write'] }),
    }),
    201,
  )
  await expectStatus(
    fetch(`${server.url}/v1/admin/projects/${pid}/backlog`, {
      headers: { Authorization: `Bearer ${key}` },
    }),
    200,
  )

  // Events fan out: person updates, followers, mail (kept in demo mode), webhook deliveries.
  await server.drainJobs()
  await server.drainJobs()

  // One person unsubscribes through the link in the email they were sent.
  const kept = await server.store.db.query<{ text_body: string }>(
    'SELECT text_body FROM kept_mail ORDER BY id LIMIT 1',
  )
  const link = /\/v1\/unsubscribe\/[\w.-]+/.exec(kept[0]?.text_body ?? '')?.[0]
  if (!link) throw new Error('no unsubscribe link in the kept mail')
  await expectStatus(fetch(`${server.url}${link}`, { method: 'POST' }), 200)

  // Bob unfollows a request he voted and commented on (request_unfollows), and the person who
  // did not unsubscribe keeps only replies and shipped news (notification_preferences), on the
  // page their email's footer links to.
  await expectStatus(publicFetch(`/requests/${dark}/follow`, { method: 'DELETE', token: bob }), 200)
  const others = await server.store.db.query<{ text_body: string }>(
    'SELECT text_body FROM kept_mail WHERE recipient <> (SELECT recipient FROM kept_mail ORDER BY id LIMIT 1) ORDER BY id LIMIT 1',
  )
  const preferences = /\/p\/[^/\s]+\/email-preferences\?token=([\w.-]+)/.exec(
    others[0]?.text_body ?? '',
  )
  if (!preferences) throw new Error('no email preferences link in the kept mail')
  await expectStatus(
    fetch(`${server.url}/p/${pid}/email-preferences`, {
      method: 'POST',
      body: new URLSearchParams([
        ['token', preferences[1] ?? ''],
        ['kinds', 'reply'],
        ['kinds', 'shipped'],
      ]),
      redirect: 'manual',
    }),
    303,
  )

  // The revenue ledger: Stripe's webhook set up, bob's customer and subscription (his MRR now
  // from Stripe), and a subscription naming a company nobody has seen yet.
  const whsec = 'whsec_roundTripSecret0001'
  await expectStatus(
    server.adminFetch(`/v1/admin/projects/${pid}`, {
      method: 'PATCH',
      body: JSON.stringify({ settings: { stripe: { webhookSecret: whsec } } }),
    }),
    200,
  )
  const created = Math.floor(Date.now() / 1000)
  const stripeEvents = [
    customerEvent('created', created, 'cus_bob', { reqio_sub: 'bob' }),
    subscriptionEvent('created', created, {
      id: 'sub_bob',
      customer: 'cus_bob',
      // What his tokens say too: his MRR's source changes, the backlog's sums do not.
      items: [{ unitAmount: 4900, interval: 'month' }],
    }),
    subscriptionEvent('created', created, {
      id: 'sub_later',
      metadata: { reqio_company: 'not-seen-yet' },
      items: [{ unitAmount: 120000, interval: 'year' }],
    }),
  ]
  for (const event of stripeEvents)
    await expectStatus(postStripeEvent(server.url, pid, event, whsec), 200)

  // Done jobs are deleted: one more change leaves a job waiting in the queue.
  await expectStatus(
    server.adminFetch(`/v1/admin/projects/${pid}/requests/${csv}`, {
      method: 'PATCH',
      body: JSON.stringify({ status: 'planned' }),
    }),
    200,
  )
}

export interface TablesSnapshot {
  migrations: number[]
  /** Every table's rows as text, sorted, by table name. */
  tables: Record<string, string[]>
}

/** What a restore must reproduce: every table but the migrations' own and the transient ones. */
export function snapshotTables(db: Db): Promise<TablesSnapshot> {
  return db.transaction(async (tx) => {
    // The same text forms (UTC timestamps…) whichever engine and settings the database has.
    await useCanonicalTextForms(tx)
    return snapshotIn(tx)
  })
}

async function snapshotIn(db: SqlExecutor): Promise<TablesSnapshot> {
  const names = await db.query<{ name: string }>(
    `SELECT tablename::text AS name FROM pg_tables WHERE schemaname = current_schema()
      ORDER BY tablename`,
  )
  const tables: Record<string, string[]> = {}
  for (const { name } of names) {
    if (name === MIGRATIONS_TABLE || TRANSIENT_TABLES.has(name)) continue
    // The whole row in its text form (timestamps in UTC): equal text, equal values.
    const rows = await db.query<{ row: string }>(`SELECT t::text AS row FROM ${quoteIdent(name)} t`)
    tables[name] = rows.map((r) => r.row).sort()
  }
  const migrations = await db.query<{ version: number }>(
    `SELECT version FROM ${quoteIdent(MIGRATIONS_TABLE)} ORDER BY version`,
  )
  return { migrations: migrations.map((m) => Number(m.version)), tables }
}
