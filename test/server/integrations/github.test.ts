/**
 * GitHub issues over real HTTP (spec/api.md v3 "The team's tools"): the set-up and its inbound
 * secret, links, "Create GitHub issue" against a fake GitHub REST API on 127.0.0.1, and GitHub's
 * signed `issues` webhooks moving linked requests with the usual email, widget update and
 * webhook following, on both databases.
 */
import { randomUUID } from 'node:crypto'
import { sign } from '@octokit/webhooks-methods'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { AuditLogResponse, IntegrationsResponse } from '../../../src/shared/api'
import { storeBackends } from '../../helpers/backends'
import { capturingLogger } from '../../helpers/capturing-logger'
import { type FakeGitHub, startFakeGitHub } from '../../helpers/fake-github'
import { addWebhook, customer, type Person, submit, vote } from '../../helpers/loop-fixtures'
import { serverWithSmtpSink } from '../../helpers/mailing-server'
import type { SmtpSink } from '../../helpers/smtp-sink'
import type { TestServer, TestServerOptions } from '../../helpers/start-server'
import {
  startWebhookReceiver,
  verifiedEvents,
  type WebhookReceiver,
} from '../../helpers/webhook-receiver'

const TOKEN = 'github_pat_test_0123456789'
const PUBLIC_URL = 'https://feedback.acme.test'

/** An `issues` delivery as GitHub sends it: the raw body, signed with `secret` unless told otherwise. */
async function gitHubDelivery(
  input: {
    event?: string
    action: string
    repository?: string
    number: number
    /** The issue's text; GitHub allows 65,536 characters, more bytes than that in UTF-8. */
    issueBody?: string
  },
  secret: string | null,
): Promise<{ body: string; headers: Record<string, string> }> {
  const repository = input.repository ?? 'Acme/App'
  const body = JSON.stringify({
    action: input.action,
    issue: {
      number: input.number,
      html_url: `https://github.com/${repository}/issues/${input.number}`,
      state: input.action === 'closed' ? 'closed' : 'open',
      title: 'Dark mode',
      body: input.issueBody ?? 'Café ☕ and a long line, as GitHub sends it.',
    },
    repository: { full_name: repository, name: repository.split('/')[1] },
    sender: { login: 'octocat' },
  })
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'User-Agent': 'GitHub-Hookshot/test',
    'X-GitHub-Event': input.event ?? 'issues',
    'X-GitHub-Delivery': randomUUID(),
  }
  if (secret !== null) headers['X-Hub-Signature-256'] = await sign(secret, body)
  return { body, headers }
}

describe.each(storeBackends())('GitHub issues on $name', (backend) => {
  let github: FakeGitHub
  let server: TestServer
  let smtp: SmtpSink
  let projectId: string
  let projectSecret: string
  const logger = capturingLogger()
  const options: TestServerOptions = {
    logger,
    demo: false,
    databaseUrl: backend.databaseUrl,
    notify: { publicUrl: PUBLIC_URL, mailCoalesceSeconds: 0 },
  }

  beforeAll(async () => {
    github = await startFakeGitHub({ token: TOKEN, repositories: ['acme/app'] })
    options.notify = { ...options.notify, githubApiUrl: github.url }
  })
  afterAll(async () => {
    await github.close()
  })
  serverWithSmtpSink(options, (started, sink) => {
    server = started
    smtp = sink
  })
  beforeEach(async () => {
    github.received.length = 0
    const created = await server.createProject('Acme')
    projectId = created.project.id
    projectSecret = created.secret
  })

  const admin = (path: string, init?: RequestInit) =>
    server.adminFetch(`/v1/admin/projects/${projectId}${path}`, init)
  const post = (path: string, body: unknown) =>
    admin(path, { method: 'POST', body: JSON.stringify(body) })
  const setUpGitHub = async (body: Record<string, unknown>) => {
    const res = await post('/integrations/github', body)
    expect(res.status).toBe(201)
    return ((await res.json()) as { secret: string }).secret
  }
  const integrations = async () => {
    const res = await admin('/integrations')
    expect(res.status).toBe(200)
    return { text: await res.clone().text(), body: (await res.json()) as IntegrationsResponse }
  }
  const deliver = async (
    delivery: { body: string; headers: Record<string, string> },
    pid = projectId,
  ) =>
    fetch(`${server.url}/v1/integrations/github/${pid}`, {
      method: 'POST',
      headers: delivery.headers,
      body: delivery.body,
    })
  const statusOf = async (requestId: string) => {
    const res = await admin(`/requests/${requestId}`)
    return ((await res.json()) as { request: { status: string } }).request.status
  }
  const auditActors = async () => {
    const res = await admin('/audit')
    return ((await res.json()) as AuditLogResponse).entries.map((e) => `${e.actor} ${e.action}`)
  }
  const link = async (requestId: string, body: unknown) =>
    post(`/requests/${requestId}/links`, body)

  it('sets GitHub up with the inbound secret shown once, rotates it on each call, and never shows the token', async () => {
    expect((await integrations()).body).toEqual({ slack: null, github: null, linear: null })
    const first = await setUpGitHub({ token: TOKEN, repository: 'acme/app' })
    expect(first.length).toBeGreaterThanOrEqual(40)

    const shown = await integrations()
    expect(shown.body.github).toEqual({
      repository: 'acme/app',
      tokenSet: true,
      inboundUrl: `${PUBLIC_URL}/v1/integrations/github/${projectId}`,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    })
    expect(shown.text).not.toContain(TOKEN)
    expect(shown.text).not.toContain(first)

    // Calling again rotates the secret and keeps what was not sent (the token, the repository).
    const second = await setUpGitHub({})
    expect(second).not.toBe(first)
    expect((await integrations()).body.github).toMatchObject({
      repository: 'acme/app',
      tokenSet: true,
    })
    const ping = (secret: string) =>
      gitHubDelivery({ event: 'ping', action: 'ping', number: 0 }, secret)
    expect((await deliver(await ping(first))).status).toBe(401)
    expect((await deliver(await ping(second))).status).toBe(200)

    // Neither the token nor a secret is in the audit log; the set-up is.
    const audit = await (await admin('/audit')).text()
    expect(audit).not.toContain(TOKEN)
    expect(audit).not.toContain(second)
    expect(await auditActors()).toContain('admin-token integration.updated')

    const bad = await post('/integrations/github', { repository: 'not a repository' })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe('repository')

    // A Slack set-up shows where it posts, never its URL.
    const slackUrl = 'https://hooks.slack.com/services/T000/B000/XXXXsecretpartXXXX'
    await server.store.integrations.put({
      projectId,
      kind: 'slack',
      settings: { webhookUrl: slackUrl, events: null },
      token: null,
      inboundSecret: null,
      now: Date.now(),
    })
    const withSlack = await integrations()
    expect(withSlack.body.slack?.webhookUrlHint).toBe('https://hooks.slack.com/…XXXX')
    expect(withSlack.text).not.toContain('secretpart')

    expect((await admin('/integrations/github', { method: 'DELETE' })).status).toBe(204)
    expect((await admin('/integrations/github', { method: 'DELETE' })).status).toBe(204)
    expect((await admin('/integrations/jira', { method: 'DELETE' })).status).toBe(400)
    expect((await integrations()).body.github).toBeNull()
    // Removed: its secret verifies nothing any more.
    expect((await deliver(await ping(second))).status).toBe(401)
    // A refused delivery is logged as a refused credential; no line holds the token or a secret.
    const logged = JSON.stringify(logger.lines, (_key, value) =>
      value instanceof Error ? value.message : value,
    )
    expect(logged).toContain('tracker_signature')
    for (const secretText of [TOKEN, first, second]) expect(logged).not.toContain(secretText)
  })

  it('links GitHub and Linear issues by URL, lists and unlinks them, and refuses what is not an issue', async () => {
    const ann = await customer(projectSecret, projectId, { sub: 'ann' })
    const requestId = await submit(server, projectId, ann, 'Dark mode')

    const first = await link(requestId, { url: 'https://github.com/Acme/App/issues/7' })
    expect(first.status).toBe(201)
    const { link: github } = (await first.json()) as { link: { id: string } }
    expect(github).toEqual({
      id: expect.any(String),
      url: 'https://github.com/Acme/App/issues/7',
      kind: 'github',
    })
    // The same issue again (GitHub's names ignore case): the link there already.
    const again = await link(requestId, { url: 'https://github.com/acme/app/issues/7#top' })
    expect(again.status).toBe(200)
    expect(((await again.json()) as { link: { id: string } }).link.id).toBe(github.id)

    const linear = await link(requestId, {
      url: 'https://linear.app/acme/issue/ENG-12/dark-mode-for-the-dashboard',
    })
    expect(linear.status).toBe(201)
    expect(((await linear.json()) as { link: unknown }).link).toMatchObject({
      url: 'https://linear.app/acme/issue/ENG-12',
      kind: 'linear',
    })

    const listed = await admin(`/requests/${requestId}/links`)
    expect(listed.status).toBe(200)
    const { links } = (await listed.json()) as { links: { kind: string }[] }
    expect(links.map((l) => l.kind)).toEqual(['github', 'linear'])

    for (const body of [
      { url: 'https://github.com/acme/app/pull/7' },
      { url: 'https://example.com/acme/app/issues/7' },
      { url: 'javascript:alert(1)' },
    ]) {
      const res = await link(requestId, body)
      expect(res.status, body.url).toBe(400)
      expect(((await res.json()) as { error: { field: string } }).error.field).toBe('url')
    }
    expect((await link(requestId, {})).status).toBe(400)
    expect(
      (await link(requestId, { url: 'https://github.com/a/b/issues/1', create: 'github' })).status,
    ).toBe(400)
    expect((await link(requestId, { create: 'jira' })).status).toBe(400)

    // A request of another project is not found from this one.
    const other = await server.createProject('Other')
    const otherRequest = await submit(
      server,
      other.project.id,
      await customer(other.secret, other.project.id, { sub: 'zed' }),
      'Elsewhere',
    )
    const foreign = await link(otherRequest, { url: 'https://github.com/acme/app/issues/8' })
    expect(foreign.status).toBe(404)
    expect(((await foreign.json()) as { error: { code: string } }).error.code).toBe(
      'request_not_found',
    )
    expect((await admin(`/requests/${otherRequest}/links`)).status).toBe(404)

    expect(
      (await admin(`/requests/${requestId}/links/lnk_nope`, { method: 'DELETE' })).status,
    ).toBe(404)
    expect(
      (await admin(`/requests/${requestId}/links/${github.id}`, { method: 'DELETE' })).status,
    ).toBe(204)
    const after = (await (await admin(`/requests/${requestId}/links`)).json()) as {
      links: unknown[]
    }
    expect(after.links).toHaveLength(1)
    expect(await auditActors()).toEqual(
      expect.arrayContaining(['admin-token request.linked', 'admin-token request.unlinked']),
    )
  })

  it('creates a GitHub issue from a request with the token, links it, and says clearly when it cannot', async () => {
    const ann = await customer(projectSecret, projectId, { sub: 'ann', email: 'ann@example.com' })
    const requestId = await submit(server, projectId, ann, 'Export to CSV')

    const notSetUp = await link(requestId, { create: 'github' })
    expect(notSetUp.status).toBe(409)
    await setUpGitHub({ repository: 'acme/app' })
    const noToken = await link(requestId, { create: 'github' })
    expect(noToken.status).toBe(409)
    expect(((await noToken.json()) as { error: { message: string } }).error.message).toMatch(
      /token/,
    )
    expect(github.received).toHaveLength(0)

    await setUpGitHub({ token: TOKEN })
    const created = await link(requestId, { create: 'github' })
    expect(created.status).toBe(201)
    expect(((await created.json()) as { link: unknown }).link).toMatchObject({
      url: 'https://github.com/acme/app/issues/1',
      kind: 'github',
    })
    const [call] = github.received
    expect(call?.method).toBe('POST')
    expect(call?.path).toBe('/repos/acme/app/issues')
    expect(call?.headers.authorization).toBe(`Bearer ${TOKEN}`)
    expect(call?.headers['x-github-api-version']).toBe('2022-11-28')
    expect(call?.headers.accept).toBe('application/vnd.github+json')
    expect(call?.body.title).toBe('Export to CSV')
    expect(call?.body.body).toContain(
      `${PUBLIC_URL}/dashboard/p/${projectId}/requests/${requestId}`,
    )
    // Nothing about who asked goes to a tracker that may be public.
    expect(JSON.stringify(call?.body)).not.toContain('ann@example.com')

    // GitHub refuses: a wrong token (401), a repository it cannot see (404). Nothing is linked.
    await setUpGitHub({ token: 'github_pat_wrong' })
    const refused = await link(requestId, { create: 'github' })
    expect(refused.status).toBe(409)
    const refusal = ((await refused.json()) as { error: { message: string } }).error.message
    expect(refusal).toContain('Bad credentials')
    expect(refusal).not.toContain('github_pat_wrong')
    await setUpGitHub({ token: TOKEN, repository: 'acme/secret' })
    const missing = await link(requestId, { create: 'github' })
    expect(missing.status).toBe(409)
    expect(((await missing.json()) as { error: { message: string } }).error.message).toContain(
      'Not Found',
    )
    const { links } = (await (await admin(`/requests/${requestId}/links`)).json()) as {
      links: unknown[]
    }
    expect(links).toHaveLength(1)
    expect(await auditActors()).toContain('admin-token request.issue_created')
  })

  describe('inbound webhooks', () => {
    let receiver: WebhookReceiver
    let ann: Person
    let bob: Person
    let secret: string
    beforeAll(async () => {
      receiver = await startWebhookReceiver()
    })
    afterAll(async () => {
      await receiver.close()
    })
    beforeEach(async () => {
      receiver.received.length = 0
      secret = await setUpGitHub({ token: TOKEN, repository: 'acme/app' })
      ann = await customer(projectSecret, projectId, { sub: 'ann', email: 'ann@example.com' })
      bob = await customer(projectSecret, projectId, { sub: 'bob', email: 'bob@example.com' })
    })
    const updateKinds = async (person: Person) => {
      const res = await fetch(`${server.url}/v1/projects/${projectId}/updates`, {
        headers: person.headers,
      })
      return ((await res.json()) as { updates: { kind: string }[] }).updates.map((u) => u.kind)
    }

    it('moves every request linked to a closed issue to done, and reopened to in_progress, with the email, update and webhook that follow', async () => {
      const hook = await addWebhook(server, projectId, receiver.url, ['request.updated'])
      const darkMode = await submit(server, projectId, ann, 'Dark mode')
      await vote(server, projectId, bob, darkMode)
      const themes = await submit(server, projectId, bob, 'Themes')
      const unrelated = await submit(server, projectId, bob, 'Unrelated')
      expect((await link(darkMode, { url: 'https://github.com/acme/app/issues/42' })).status).toBe(
        201,
      )
      expect((await link(themes, { url: 'https://github.com/Acme/App/issues/42' })).status).toBe(
        201,
      )
      expect((await link(unrelated, { url: 'https://github.com/acme/app/issues/43' })).status).toBe(
        201,
      )

      // An issue with a long text: the event is past the 64 kB other JSON bodies are held to.
      const longText = 'Dark mode ☾ '.repeat(6_000)
      const closed = await deliver(
        await gitHubDelivery({ action: 'closed', number: 42, issueBody: longText }, secret),
      )
      expect(closed.status).toBe(200)
      expect(await closed.json()).toEqual({ moved: 2 })
      expect(await statusOf(darkMode)).toBe('done')
      expect(await statusOf(themes)).toBe('done')
      expect(await statusOf(unrelated)).toBe('open')
      expect(await auditActors()).toEqual(expect.arrayContaining(['github request.status']))
      const audit = ((await (await admin('/audit')).json()) as AuditLogResponse).entries
      const summaries = audit.map((entry) => entry.summary)
      expect(summaries).toContain('GitHub changed Dark mode from Open to Done')
      expect(summaries).toContain(
        'The admin token linked Dark mode to a GitHub issue https://github.com/acme/app/issues/42',
      )

      await server.drainJobs()
      const mailed = smtp.messages.flatMap((m) => m.recipients).sort()
      expect(mailed).toEqual(['ann@example.com', 'bob@example.com'])
      expect(await updateKinds(ann)).toHaveLength(1)
      const events = verifiedEvents(receiver, hook.secret)
      expect(events.map((e) => [e.type, e.data.request?.id ?? e.data.requestId]).sort()).toEqual(
        [
          ['request.updated', darkMode],
          ['request.updated', themes],
        ].sort(),
      )

      // The same delivery again moves nothing (they are done already): no second email.
      const repeated = await deliver(await gitHubDelivery({ action: 'closed', number: 42 }, secret))
      expect(await repeated.json()).toEqual({ moved: 0 })

      const reopened = await deliver(
        await gitHubDelivery({ action: 'reopened', number: 42 }, secret),
      )
      expect(await reopened.json()).toEqual({ moved: 2 })
      expect(await statusOf(darkMode)).toBe('in_progress')
      expect(await statusOf(unrelated)).toBe('open')
    })

    it('refuses a bad or missing signature with 401 and changes nothing; answers 2xx and changes nothing for pings, other events and unlinked issues', async () => {
      const darkMode = await submit(server, projectId, ann, 'Dark mode')
      await link(darkMode, { url: 'https://github.com/acme/app/issues/42' })
      const before = await auditActors()

      const refusals = [
        await gitHubDelivery({ action: 'closed', number: 42 }, 'not-the-secret'),
        await gitHubDelivery({ action: 'closed', number: 42 }, null),
      ]
      // A body changed after signing: the signature no longer matches.
      const tampered = await gitHubDelivery({ action: 'reopened', number: 1 }, secret)
      refusals.push({
        ...tampered,
        body: tampered.body.replace('"reopened"', '"closed"').replace(':1,', ':42,'),
      })
      for (const delivery of refusals) {
        const res = await deliver(delivery)
        expect(res.status).toBe(401)
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthorized')
      }
      // Another project (or none) with this secret: 401 too.
      const good = await gitHubDelivery({ action: 'closed', number: 42 }, secret)
      expect((await deliver(good, 'no-such-project')).status).toBe(401)

      for (const delivery of [
        await gitHubDelivery({ event: 'ping', action: 'ping', number: 0 }, secret),
        await gitHubDelivery({ event: 'issue_comment', action: 'created', number: 42 }, secret),
        await gitHubDelivery({ action: 'edited', number: 42 }, secret),
        await gitHubDelivery({ action: 'closed', number: 99 }, secret),
        await gitHubDelivery({ action: 'closed', repository: 'acme/other', number: 42 }, secret),
      ]) {
        const res = await deliver(delivery)
        expect(res.status).toBe(200)
        expect(await res.json()).toEqual({ moved: 0 })
      }
      expect(await statusOf(darkMode)).toBe('open')
      expect(await auditActors()).toEqual(before)
      await server.drainJobs()
      expect(smtp.messages).toHaveLength(0)
    })
  })
})
