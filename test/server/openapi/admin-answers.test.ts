import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN_ROUTE_DOCS } from '../../../src/server/openapi/routes/admin-index'
import { adminTagsDocs } from '../../../src/server/openapi/routes/admin-tags'
import { adminV3Docs } from '../../../src/server/openapi/routes/admin-v3'
import { adminRevenueDocs } from '../../../src/server/openapi/routes/revenue'
import { routeDocAnswers } from '../../helpers/route-doc-answers'
import { startSmtpSink } from '../../helpers/smtp-sink'
import { startTestServer, type TestServer } from '../../helpers/start-server'
import { acceptInvite } from '../../helpers/team'
import { mintToken } from '../../helpers/tokens'
import { startWebhookReceiver } from '../../helpers/webhook-receiver'

/**
 * Every admin route of today, called over real HTTP in one small story (a project, customers
 * with revenue and a company, comments, a merge, the changelog, webhooks, mail, the team), each
 * answer checked against its RouteDoc: the status documented, the JSON matching the answer's
 * schema with valibot and with ajv on the JSON Schema the OpenAPI document publishes.
 */
const answers = routeDocAnswers(ADMIN_ROUTE_DOCS)
/** A 1×1 PNG. */
const TINY_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='
const CUSTOMER_SITE = 'https://shop.example'

let server: TestServer

beforeAll(async () => {
  // No webhook retries: the failing endpoint below leaves a job failed for good, to retry.
  server = await startTestServer({ notify: { mailCoalesceSeconds: 0, webhookRetrySeconds: [] } })
})
afterAll(async () => {
  await server?.close()
})

const json = (method: string, body?: unknown): RequestInit => ({
  method,
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
})

describe('the admin API answers as its RouteDocs say', () => {
  it('for every route of today, on a project with customers, comments, a changelog and webhooks', async () => {
    const admin = server.adminFetch
    const P = '/v1/admin/projects/{id}'

    // Projects: create, list, settings, rotate, check tokens, install.
    const created = await answers.json(
      await admin('/v1/admin/projects', json('POST', { name: 'Docs check' })),
      'post',
      '/v1/admin/projects',
      201,
    )
    const pid: string = created.project.id
    const base = `/v1/admin/projects/${pid}`
    await answers.json(await admin('/v1/admin/projects'), 'get', '/v1/admin/projects', 200)
    await answers.json(
      await admin(
        base,
        json('PATCH', {
          name: 'Docs check, renamed',
          settings: {
            requireIdentity: false,
            allowAnonymousComments: true,
            widget: { accent: '#4F46E5', launcherText: 'Ideas' },
            siteUrl: 'https://shop.example/app',
            portal: { indexable: true },
          },
        }),
      ),
      'patch',
      P,
      200,
    )
    const { secret } = await answers.json(
      await admin(`${base}/secret`, json('POST', { graceSeconds: 60 })),
      'post',
      `${P}/secret`,
      201,
    )
    const token = (sub: string, claims: Record<string, unknown> = {}) =>
      mintToken(secret, { sub, aud: created.project.audience, ...claims })
    const ana = await token('ana', {
      email: 'ana@acme.example',
      name: 'Ana',
      traits: { plan: 'pro', amount: 4900, interval: 'month' },
      company: { id: 'acme', name: 'Acme' },
    })
    const ben = await token('ben', {
      email: 'ben@acme.example',
      traits: { plan: 'pro', amount: 4900, interval: 'month' },
      company: { id: 'acme', name: 'Acme' },
    })
    const cleo = await token('cleo', {
      email: 'cleo@solo.example',
      traits: { plan: 'team', amount: 12000, interval: 'year' },
    })
    const valid = await answers.json(
      await admin(`${base}/token-check`, json('POST', { token: cleo })),
      'post',
      `${P}/token-check`,
      200,
    )
    expect(valid.valid).toBe(true)
    const refused = await answers.json(
      await admin(`${base}/token-check`, json('POST', { token: 'not.a.token' })),
      'post',
      `${P}/token-check`,
      200,
    )
    expect(refused.valid).toBe(false)

    // Customers write and vote through the public API, from the customer's site.
    const publicCall = (path: string, bearer: string | null, body?: unknown, method = 'POST') =>
      fetch(`${server.url}/v1/projects/${pid}${path}`, {
        method,
        headers: {
          'Content-Type': 'application/json',
          'X-Reqio-Anonymous-Id': randomUUID(),
          Origin: CUSTOMER_SITE,
          ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
    const submit = async (bearer: string | null, title: string) => {
      const res = await publicCall('/requests', bearer, { title, body: 'Please.' })
      expect(res.status).toBe(201)
      return ((await res.json()) as { request: { id: string } }).request.id
    }
    const darkMode = await submit(ana, 'Dark mode')
    const nightTheme = await submit(null, 'A night theme')
    const exportCsv = await submit(cleo, 'Export to CSV')
    expect((await publicCall(`/requests/${darkMode}/vote`, ben)).status).toBe(200)
    expect((await publicCall(`/requests/${darkMode}/vote`, cleo)).status).toBe(200)
    const customerComment = await publicCall(`/requests/${darkMode}/comments`, cleo, {
      body: 'Yes please, my eyes.',
    })
    expect(customerComment.status).toBe(201)
    expect(
      (await publicCall(`/requests/${darkMode}/comments`, null, { body: 'Me too' })).status,
    ).toBe(201)

    const install = await answers.json(await admin(`${base}/install`), 'get', `${P}/install`, 200)
    expect(install.origins.map((o: { origin: string }) => o.origin)).toContain(CUSTOMER_SITE)

    // The backlog, a request's thread, replies, notes, moderation, edits, merges.
    const backlog = await answers.json(await admin(`${base}/backlog`), 'get', `${P}/backlog`, 200)
    expect(backlog.requests).toHaveLength(3)
    await answers.json(
      await admin(`${base}/backlog?sort=votes&limit=2&q=dark&paying=true`),
      'get',
      `${P}/backlog`,
      200,
    )
    const csv = await admin(`${base}/backlog.csv`)
    expect(csv.headers.get('Content-Type')).toMatch(/^text\/csv/)
    await answers.json(csv, 'get', `${P}/backlog.csv`, 200)
    const R = `${P}/requests/{rid}`
    const reply = await answers.json(
      await admin(`${base}/requests/${darkMode}/comments`, json('POST', { body: 'On it.' })),
      'post',
      `${R}/comments`,
      201,
    )
    await answers.json(
      await admin(
        `${base}/requests/${darkMode}/comments`,
        json('POST', { body: 'Acme asked twice.', internal: true }),
      ),
      'post',
      `${R}/comments`,
      201,
    )
    const mistake = await answers.json(
      await admin(`${base}/requests/${darkMode}/comments`, json('POST', { body: 'Wrong thread' })),
      'post',
      `${R}/comments`,
      201,
    )
    await answers.json(
      await admin(`${base}/comments/${mistake.comment.id}`, json('DELETE')),
      'delete',
      `${P}/comments/{cid}`,
      204,
    )
    await answers.json(
      await admin(`${base}/comments/${reply.comment.id}`, json('PATCH', { hidden: true })),
      'patch',
      `${P}/comments/{cid}`,
      200,
    )
    await answers.json(
      await admin(
        `${base}/requests/${darkMode}`,
        json('PATCH', { status: 'planned', statusNote: 'Next month.' }),
      ),
      'patch',
      R,
      200,
    )
    await answers.json(
      await admin(`${base}/requests/${darkMode}/audience`),
      'get',
      `${R}/audience`,
      200,
    )
    await answers.json(
      await admin(`${base}/requests/${nightTheme}`, json('PATCH', { mergeInto: darkMode })),
      'patch',
      R,
      200,
    )
    const detail = await answers.json(await admin(`${base}/requests/${darkMode}`), 'get', R, 200)
    expect(detail.request.mergedRequests).toHaveLength(1)
    expect(detail.request.comments.length).toBeGreaterThanOrEqual(4)
    await answers.json(
      await admin(`${base}/requests/${nightTheme}/unmerge`, json('POST')),
      'post',
      `${R}/unmerge`,
      200,
    )

    // Companies.
    const companies = await answers.json(
      await admin(`${base}/companies`),
      'get',
      `${P}/companies`,
      200,
    )
    expect(companies.companies.map((c: { id: string }) => c.id)).toContain('acme')
    await answers.json(
      await admin(`${base}/companies?sort=requests&limit=5`),
      'get',
      `${P}/companies`,
      200,
    )
    await answers.json(await admin(`${base}/companies/acme`), 'get', `${P}/companies/{cid}`, 200)

    // The changelog: an image, a draft, who publishing would tell, publishing, deleting.
    const C = `${P}/changelog`
    const image = await answers.json(
      await admin(`${base}/attachments`, {
        method: 'POST',
        headers: { 'Content-Type': 'image/png' },
        body: Buffer.from(TINY_PNG_BASE64, 'base64'),
      }),
      'post',
      `${P}/attachments`,
      201,
    )
    const entry = await answers.json(
      await admin(
        `${base}/changelog`,
        json('POST', {
          title: 'Dark mode',
          body: `**Finally.**\n\n![dark](${image.attachment.url})`,
          requestIds: [darkMode],
          attachmentIds: [image.attachment.id],
        }),
      ),
      'post',
      C,
      201,
    )
    const scratch = await answers.json(
      await admin(`${base}/changelog`, json('POST', { title: 'Scratch', body: 'x' })),
      'post',
      C,
      201,
    )
    await answers.json(
      await admin(`${base}/changelog/audience?requestIds=${darkMode},${exportCsv}`),
      'get',
      `${C}/audience`,
      200,
    )
    await answers.json(
      await admin(`${base}/changelog/${entry.entry.id}`, json('PATCH', { publish: true })),
      'patch',
      `${C}/{eid}`,
      200,
    )
    await answers.json(await admin(`${base}/changelog`), 'get', C, 200)
    await answers.json(
      await admin(`${base}/changelog/${scratch.entry.id}`, json('DELETE')),
      'delete',
      `${C}/{eid}`,
      204,
    )

    // Webhooks: an endpoint that fails once, its deliveries, a retry.
    const receiver = await startWebhookReceiver({ statuses: [500] })
    try {
      const W = `${P}/webhooks`
      const hook = await answers.json(
        await admin(`${base}/webhooks`, json('POST', { url: receiver.url })),
        'post',
        W,
        201,
      )
      const wid = hook.webhook.id
      await answers.json(await admin(`${base}/webhooks`), 'get', W, 200)
      await answers.json(
        await admin(
          `${base}/webhooks/${wid}`,
          json('PATCH', { events: ['request.created', 'request.updated'] }),
        ),
        'patch',
        `${W}/{wid}`,
        200,
      )
      await answers.json(
        await admin(`${base}/webhooks/${wid}/secret`, json('POST')),
        'post',
        `${W}/{wid}/secret`,
        201,
      )
      const test = await answers.json(
        await admin(`${base}/webhooks/${wid}/test`, json('POST')),
        'post',
        `${W}/{wid}/test`,
        202,
      )
      await server.drainJobs()
      const log = await answers.json(
        await admin(`${base}/webhooks/${wid}/deliveries`),
        'get',
        `${W}/{wid}/deliveries`,
        200,
      )
      expect(
        log.deliveries.some((d: { lastStatusCode: number | null }) => d.lastStatusCode === 500),
      ).toBe(true)
      // The failed delivery's job failed for good (no retries here): the jobs page shows it.
      const jobs = await answers.json(await admin(`${base}/jobs`), 'get', `${P}/jobs`, 200)
      expect(jobs.failed.length).toBeGreaterThan(0)
      await answers.json(
        await admin(`${base}/jobs/${jobs.failed[0].id}/retry`, json('POST')),
        'post',
        `${P}/jobs/{jid}/retry`,
        202,
      )
      await answers.json(
        await admin(`${base}/webhooks/${wid}/deliveries/${test.delivery.id}/retry`, json('POST')),
        'post',
        `${W}/{wid}/deliveries/{did}/retry`,
        202,
      )
      await answers.json(
        await admin(`${base}/webhooks/${wid}`, json('DELETE')),
        'delete',
        `${W}/{wid}`,
        204,
      )
    } finally {
      await receiver.close()
    }

    // Jobs and the mail kept in demo mode (the status change and the shipping emailed people).
    await server.drainJobs()
    const kept = await answers.json(await admin(`${base}/mail`), 'get', `${P}/mail`, 200)
    expect(kept.messages.length).toBeGreaterThan(0)

    // The audit log, after all of the above.
    const audit = await answers.json(await admin(`${base}/audit`), 'get', `${P}/audit`, 200)
    expect(audit.entries.length).toBeGreaterThan(10)

    // The team: an invite accepted, a role changed, a reset link, removals.
    const invited = await answers.json(
      await admin(
        '/v1/admin/invites',
        json('POST', { email: 'maya@team.example', role: 'member' }),
      ),
      'post',
      '/v1/admin/invites',
      201,
    )
    const maya = await acceptInvite(server, invited.invite)
    const pending = await answers.json(
      await admin('/v1/admin/invites', json('POST', { email: 'zed@team.example', role: 'viewer' })),
      'post',
      '/v1/admin/invites',
      201,
    )
    await answers.json(await admin('/v1/admin/invites'), 'get', '/v1/admin/invites', 200)
    await answers.json(
      await admin(`/v1/admin/invites/${pending.invite.id}`, json('DELETE')),
      'delete',
      '/v1/admin/invites/{id}',
      204,
    )
    await answers.json(await admin('/v1/admin/members'), 'get', '/v1/admin/members', 200)
    const M = '/v1/admin/members/{id}'
    await answers.json(
      await admin(`/v1/admin/members/${maya.member.id}`, json('PATCH', { role: 'admin' })),
      'patch',
      M,
      200,
    )
    await answers.json(
      await admin(`/v1/admin/members/${maya.member.id}/reset-link`, json('POST')),
      'post',
      `${M}/reset-link`,
      201,
    )
    await answers.json(
      await admin(`/v1/admin/members/${maya.member.id}`, json('DELETE')),
      'delete',
      M,
      204,
    )

    // The server's email set-up (demo: kept, so a test email is a 409 conflict here).
    await answers.json(await admin('/v1/admin/mail'), 'get', '/v1/admin/mail', 200)
    await answers.json(
      await admin('/v1/admin/mail/test', json('POST', { to: 'ops@team.example' })),
      'post',
      '/v1/admin/mail/test',
      409,
    )
  })

  it('for the test email, through a real SMTP server', async () => {
    const smtp = await startSmtpSink()
    const mailServer = await startTestServer({ demo: false, notify: { smtpUrl: smtp.url } })
    try {
      const sent = await answers.json(
        await mailServer.adminFetch(
          '/v1/admin/mail/test',
          json('POST', { to: 'ops@team.example' }),
        ),
        'post',
        '/v1/admin/mail/test',
        200,
      )
      expect(sent.sent).toBe(true)
    } finally {
      await mailServer.close()
      await smtp.close()
    }
  })

  it('with errors the RouteDocs list, as {error: {code, message}}', async () => {
    const admin = server.adminFetch
    const { project } = await server.createProject('Errors')
    const base = `/v1/admin/projects/${project.id}`
    const P = '/v1/admin/projects/{id}'
    await answers.json(
      await fetch(`${server.url}/v1/admin/projects`),
      'get',
      '/v1/admin/projects',
      401,
    )
    await answers.json(await admin('/v1/admin/projects/nope/backlog'), 'get', `${P}/backlog`, 404)
    await answers.json(await admin(`${base}/backlog?sort=loudest`), 'get', `${P}/backlog`, 400)
    await answers.json(
      await admin(`${base}/requests/nope`, json('PATCH', { status: 'shipped' })),
      'patch',
      `${P}/requests/{rid}`,
      400,
    )
    await answers.json(await admin(`${base}/requests/nope`), 'get', `${P}/requests/{rid}`, 404)
    await answers.json(
      await admin(`${base}/requests/nope/unmerge`, json('POST')),
      'post',
      `${P}/requests/{rid}/unmerge`,
      404,
    )
    await answers.json(await admin(`${base}/companies/nobody`), 'get', `${P}/companies/{cid}`, 404)
    await answers.json(
      await admin(`${base}/changelog/nope`, json('PATCH', {})),
      'patch',
      `${P}/changelog/{eid}`,
      400,
    )
    await answers.json(
      await admin(`${base}/webhooks/nope/deliveries`),
      'get',
      `${P}/webhooks/{wid}/deliveries`,
      404,
    )
    await answers.json(
      await admin(`${base}/jobs/12345678/retry`, json('POST')),
      'post',
      `${P}/jobs/{jid}/retry`,
      404,
    )
    await answers.json(
      await admin(`${base}/webhooks`, json('POST', { url: 'x'.repeat(70_000) })),
      'post',
      `${P}/webhooks`,
      413,
    )
    // A signed-in viewer: the session cookie, a role that may not, a write from elsewhere.
    const viewerInvite = await admin(
      '/v1/admin/invites',
      json('POST', { email: 'vera@team.example', role: 'viewer' }),
    )
    const viewer = await acceptInvite(server, (await viewerInvite.json()).invite)
    await answers.json(await viewer.fetch(`${base}/backlog`), 'get', `${P}/backlog`, 200)
    const refused = await answers.json(
      await viewer.fetch(base, json('PATCH', { name: 'Mine now' })),
      'patch',
      P,
      403,
    )
    expect(refused.error.code).toBe('forbidden')
    const forged = await answers.json(
      await viewer.fetch(`${base}/requests/nope/comments`, {
        ...json('POST', { body: 'hi' }),
        headers: { Origin: 'https://evil.example' },
      }),
      'post',
      `${P}/requests/{rid}/comments`,
      403,
    )
    expect(forged.error.code).toBe('csrf_rejected')
    await answers.json(
      await admin('/v1/admin/members/nobody', json('DELETE')),
      'delete',
      '/v1/admin/members/{id}',
      404,
    )
  })

  it('for moderation: delete, restore, a pending request approved (v3 "Spam and deletion")', async () => {
    const admin = server.adminFetch
    const R = '/v1/admin/projects/{id}/requests/{rid}'
    const { project } = await server.createProject('Moderation docs')
    const base = `/v1/admin/projects/${project.id}`
    await admin(base, json('PATCH', { settings: { moderation: 'all' } }))
    const submitted = await fetch(`${server.url}/v1/projects/${project.id}/requests`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Reqio-Anonymous-Id': randomUUID() },
      body: JSON.stringify({ title: 'Offline mode' }),
    })
    const rid = ((await submitted.json()) as { request: { id: string } }).request.id
    await answers.json(
      await admin(`${base}/requests/${rid}/approve`, json('POST')),
      'post',
      `${R}/approve`,
      200,
    )
    await answers.json(
      await admin(`${base}/requests/${rid}/approve`, json('POST')),
      'post',
      `${R}/approve`,
      404,
    )
    await answers.json(await admin(`${base}/requests/${rid}`, json('DELETE')), 'delete', R, 204)
    await answers.json(await admin(`${base}/requests/${rid}`, json('DELETE')), 'delete', R, 404)
    await answers.json(
      await admin(`${base}/requests/${rid}/restore`, json('POST')),
      'post',
      `${R}/restore`,
      200,
    )
    await answers.json(
      await admin(`${base}/requests/${rid}/restore`, json('POST')),
      'post',
      `${R}/restore`,
      404,
    )
  })

  it('leaving no route of today unchecked', () => {
    // v3's routes have their own files (admin-v3-answers, admin-tags-answers, and the revenue
    // ledger's test/server/integrations/stripe/stripe-webhook.test.ts).
    const v3 = new Set(
      [...adminV3Docs, ...adminTagsDocs, ...adminRevenueDocs].map(
        (doc) => `${doc.method.toUpperCase()} ${doc.path}`,
      ),
    )
    expect(answers.unexercised().filter((route) => !v3.has(route))).toEqual([])
  })
})
