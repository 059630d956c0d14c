// Issue 28: "the dashboard's and widget's typed clients are checked against the same document
// so the contract cannot drift". Each typed client runs with a fetch that only records what it
// would send; every method and path must be an operation of the document. The dashboard's pages
// that call the admin API directly (`client.call('GET', path)`) are listed below, and a scan of
// src/dashboard keeps that list complete.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createAdminClient } from '../../../src/dashboard/api/admin-client'
import { createAuthClient, createTeamClient } from '../../../src/dashboard/api/team-client'
import { createPasswordResetClient } from '../../../src/dashboard/auth/password-reset-client'
import { createTeamEmailClient } from '../../../src/dashboard/auth/team-email-client'
import { changelogClient } from '../../../src/dashboard/changelog/changelog-client'
import { integrationsClient } from '../../../src/dashboard/integrations/integrations-client'
import { revenueClient } from '../../../src/dashboard/revenue/revenue-client'
import { tagsClient } from '../../../src/dashboard/tags/tags-client'
import { buildServedDocument } from '../../../src/server/openapi/served-document'
import { createWidgetApi } from '../../../src/widget/api'
import type { Identity } from '../../../src/widget/identity'
import { findOperation } from '../../helpers/openapi-document'

const { document } = buildServedDocument()
const BASE = 'http://reqio.test'
const ROOT = join(import.meta.dirname, '..', '..', '..')

interface SentCall {
  method: string
  path: string
  /** Names of the query parameters sent, if any. */
  query?: string[]
}
let sent: SentCall[] = []
const realFetch = globalThis.fetch

beforeEach(() => {
  sent = []
  globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input))
    sent.push({
      method: init?.method ?? 'GET',
      path: url.pathname,
      query: [...url.searchParams.keys()],
    })
    return new Response('{}', { status: 200, headers: { 'Content-Type': 'application/json' } })
  }) as typeof fetch
})

afterEach(() => {
  globalThis.fetch = realFetch
})

/**
 * Every call sent that names no operation of the document, as `METHOD /path`, or that sends a
 * query parameter its operation does not list, as `METHOD /path ?name`.
 */
const undocumented = (calls: SentCall[]) =>
  calls.flatMap((call) => {
    const found = findOperation(document, call.method, call.path)
    if (!found) return [`${call.method} ${call.path}`]
    const listed = new Set(
      (found.operation.parameters ?? [])
        .filter((parameter) => parameter.in === 'query')
        .map((parameter) => parameter.name),
    )
    return (call.query ?? [])
      .filter((name) => !listed.has(name))
      .map((name) => `${call.method} ${call.path} ?${name}`)
  })

/**
 * Runs every method of a client once, with the arguments the table gives it; a method the table
 * does not name fails the test, so a new client method is checked from the day it is written.
 */
async function runEvery<C extends object>(
  client: C,
  calls: { [K in keyof C]?: (client: C) => Promise<unknown> },
  skip: ReadonlyArray<keyof C> = [],
) {
  const names = Object.keys(client).filter((name) => !skip.includes(name as keyof C))
  expect(
    names.filter((name) => !(name in calls)),
    'client methods missing from the table',
  ).toEqual([])
  for (const call of Object.values(calls) as Array<(client: C) => Promise<unknown>>)
    await call(client)
  expect(sent.length).toBeGreaterThanOrEqual(names.length)
}

describe('the clients and the OpenAPI document', () => {
  it('sends every dashboard admin, team and changelog call to a documented operation', async () => {
    const client = createAdminClient('token', BASE)
    await runEvery(
      client,
      {
        listProjects: (c) => c.listProjects(),
        createProject: (c) => c.createProject('Acme'),
        rotateSecret: (c) => c.rotateSecret('p1', 60),
        backlog: async (c) => {
          await c.backlog('p1', 'revenue', { q: 'x', status: 'open', paying: true })
          await c.backlog('p1', 'new', { deleted: true })
        },
        installStatus: (c) => c.installStatus('p1'),
        backlogCsv: (c) => c.backlogCsv('p1', 'votes'),
        unmergeRequest: (c) => c.unmergeRequest('p1', 'r1'),
        updateRequest: (c) => c.updateRequest('p1', 'r1', { status: 'done' }),
        checkToken: (c) => c.checkToken('p1', 'a.b.c'),
        requestDetail: (c) => c.requestDetail('p1', 'r1'),
        addComment: (c) => c.addComment('p1', 'r1', { body: 'Hi', internal: false }),
        setCommentHidden: (c) => c.setCommentHidden('p1', 'c1', true),
        deleteComment: (c) => c.deleteComment('p1', 'c1'),
        listChangelog: (c) => c.listChangelog('p1'),
        saveChangelogEntry: async (c) => {
          await c.saveChangelogEntry('p1', null, { title: 'New' })
          await c.saveChangelogEntry('p1', 'e1', { publish: true })
        },
        publicRoadmap: (c) => c.publicRoadmap('p1'),
        companies: (c) => c.companies('p1', 'mrr'),
        company: (c) => c.company('p1', 'acme'),
        listApiKeys: (c) => c.listApiKeys('p1'),
        createApiKey: (c) => c.createApiKey('p1', { name: 'CI', scopes: ['read'] }),
        revokeApiKey: (c) => c.revokeApiKey('p1', 'k1'),
        people: async (c) => {
          await c.people('p1', {})
          await c.people('p1', { q: 'ada', cursor: 'next' })
          await c.people('p1', { q: 'ada', limit: 8 })
        },
        person: (c) => c.person('p1', 'user-1'),
        personExport: (c) => c.personExport('p1', 'user-1'),
        deletePerson: (c) => c.deletePerson('p1', 'user-1'),
        createRequestOnBehalf: (c) =>
          c.createRequestOnBehalf('p1', { title: 'T', onBehalfOf: { sub: 'user-1' } }, 'key-1'),
        voteOnBehalf: (c) => c.voteOnBehalf('p1', 'r1', { sub: 'user-1' }),
        removeVoteOnBehalf: (c) => c.removeVoteOnBehalf('p1', 'r1', 'user-1'),
        uploadImage: (c) =>
          c.uploadImage('p1', new Blob([new Uint8Array([1])], { type: 'image/png' })),
      },
      // The pages' direct calls: the table below.
      ['call'],
    )
    await runEvery(createTeamClient('token', BASE), {
      members: (c) => c.members(),
      setRole: (c) => c.setRole('m1', 'admin'),
      removeMember: (c) => c.removeMember('m1'),
      resetLink: (c) => c.resetLink('m1'),
      invites: (c) => c.invites(),
      invite: (c) => c.invite('new@example.com', 'member'),
      revokeInvite: (c) => c.revokeInvite('i1'),
      updateProject: (c) => c.updateProject('p1', { name: 'Acme' }),
      audit: async (c) => {
        await c.audit('p1')
        await c.audit('p1', 'next')
      },
    })
    const changelog = changelogClient(client)
    await runEvery(changelog, {
      audience: (c) => c.audience('p1', ['r1', 'r2']),
      unpublish: (c) => c.unpublish('p1', 'e1'),
      remove: (c) => c.remove('p1', 'e1'),
    })
    await runEvery(tagsClient(client), {
      list: (c) => c.list('p1'),
      create: (c) => c.create('p1', { name: 'Billing', color: '#1d4ed8' }),
      update: (c) => c.update('p1', 't1', { name: 'Invoices' }),
      remove: (c) => c.remove('p1', 't1'),
      setRequestTags: (c) => c.setRequestTags('p1', 'r1', ['t1']),
    })
    await runEvery(integrationsClient(client), {
      overview: (c) => c.overview('p1'),
      slack: (c) => c.slack('p1'),
      saveSlack: (c) =>
        c.saveSlack('p1', { webhookUrl: 'https://hooks.slack.com/services/T/B/x', events: [] }),
      testSlack: (c) => c.testSlack('p1'),
      setUpGitHub: (c) => c.setUpGitHub('p1', { token: 't', repository: 'acme/app' }),
      setUpLinear: (c) =>
        c.setUpLinear('p1', {
          token: 't',
          teamId: 'team-1',
          webhookSecret: 'lin_wh_0123456789abcdef',
        }),
      remove: async (c) => {
        for (const kind of ['slack', 'github', 'linear'] as const) await c.remove('p1', kind)
      },
      links: (c) => c.links('p1', 'r1'),
      link: (c) => c.link('p1', 'r1', 'https://github.com/acme/app/issues/1'),
      createIssue: (c) => c.createIssue('p1', 'r1', 'github'),
      unlink: (c) => c.unlink('p1', 'r1', 'l1'),
    })
    await runEvery(revenueClient(client), {
      stripeSettings: (c) => c.stripeSettings('p1'),
      saveStripeSecret: (c) => c.saveStripeSecret('p1', 'whsec_abcdefgh12345678'),
      companyMrrHistory: (c) => c.companyMrrHistory('p1', 'acme'),
    })
    await client.backlog('p1', 'new', { tag: 't1' })
    await client.backlog('p1', 'at_risk', { atRisk: true })
    expect(undocumented(sent)).toEqual([])
  })

  it('sends every dashboard sign-in and password-reset call to a documented operation', async () => {
    await runEvery(createAuthClient(BASE), {
      setupStatus: (c) => c.setupStatus(),
      setUp: (c) => c.setUp({ adminToken: 't', email: 'a@b.c', name: 'A', password: 'p' }),
      logIn: (c) => c.logIn('a@b.c', 'p'),
      me: (c) => c.me(),
      session: (c) => c.session(),
      logOut: (c) => c.logOut(),
      logOutEverywhere: (c) => c.logOutEverywhere(),
      changePassword: (c) => c.changePassword('old', 'new'),
      previewInvite: (c) => c.previewInvite('code'),
      acceptInvite: (c) => c.acceptInvite({ code: 'code', name: 'A', password: 'p' }),
    })
    await runEvery(createPasswordResetClient(BASE), {
      status: (c) => c.status(),
      askForLink: (c) => c.askForLink('a@b.c'),
      confirm: (c) => c.confirm('code', 'password'),
    })
    await runEvery(createTeamEmailClient(BASE), {
      settings: (c) => c.settings(),
      save: (c) => c.save({ newRequest: true, newComment: false }),
    })
    expect(undocumented(sent)).toEqual([])
  })

  it('sends every widget call to a documented operation', async () => {
    const identity = {
      anonymousId: () => 'anon-123456',
      authorize: async () => ({ ok: true, token: 'a.b.c' }),
      authorizeAfterRejection: async () => ({ ok: true, token: 'a.b.c' }),
    } as unknown as Identity
    await runEvery(createWidgetApi({ apiUrl: BASE, projectId: 'p1' }, identity), {
      getProject: (c) => c.getProject('de'),
      listRequests: async (c) => {
        await c.listRequests({ sort: 'top', q: 'csv' })
        await c.listRequests({ similar: 'Export' })
      },
      submitRequest: (c) => c.submitRequest({ title: 'T' }, 'key-1'),
      vote: (c) => c.vote('r1'),
      unvote: (c) => c.unvote('r1'),
      follow: (c) => c.follow('r1'),
      unfollow: (c) => c.unfollow('r1'),
      identify: (c) => c.identify(),
      getRequest: (c) => c.getRequest('r1'),
      olderComments: (c) => c.olderComments('r1', 'cursor'),
      editComment: (c) => c.editComment('r1', 'c1', 'Hello'),
      deleteComment: (c) => c.deleteComment('r1', 'c1'),
      editRequest: (c) => c.editRequest('r1', { title: 'Dark mode' }),
      postComment: (c) => c.postComment('r1', 'Hi', 'key-2', ['att_1']),
      uploadAttachment: (c) => c.uploadAttachment(new Blob([], { type: 'image/png' })),
      roadmap: (c) => c.roadmap(),
      changelog: (c) => c.changelog(),
      updates: (c) => c.updates(),
      readUpdates: (c) => c.readUpdates(['u1']),
    })
    expect(undocumented(sent)).toEqual([])
  })
})

/**
 * The dashboard's pages that call the admin API through `client.call(method, path)` (paths under
 * /v1/admin), by file: each method and a path as it would be sent.
 */
const PAGE_CALLS: Record<string, Array<[method: string, path: string]>> = {
  'src/dashboard/backlog/use-audience.ts': [['GET', '/projects/p1/requests/r1/audience']],
  'src/dashboard/moderation/moderation-client.ts': [
    ['DELETE', '/projects/p1/requests/r1'],
    ['POST', '/projects/p1/requests/r1/approve'],
    ['POST', '/projects/p1/requests/r1/restore'],
  ],
  'src/dashboard/notifications/audience-line.tsx': [['GET', '/projects/p1/requests/r1/audience']],
  'src/dashboard/notifications/webhooks-section.tsx': [
    ['GET', '/projects/p1/webhooks'],
    ['POST', '/projects/p1/webhooks'],
  ],
  'src/dashboard/notifications/mail-setup.tsx': [['GET', '/mail']],
  'src/dashboard/notifications/notifications-page.tsx': [
    ['GET', '/projects/p1/jobs'],
    ['GET', '/projects/p1/mail'],
    ['POST', '/projects/p1/jobs/1/retry'],
  ],
  'src/dashboard/notifications/endpoint-events-editor.tsx': [['PATCH', '/projects/p1/webhooks/w1']],
  'src/dashboard/notifications/test-email-form.tsx': [['POST', '/mail/test']],
  'src/dashboard/notifications/delivery-log.tsx': [
    ['GET', '/projects/p1/webhooks/w1/deliveries'],
    ['POST', '/projects/p1/webhooks/w1/deliveries/d1/retry'],
  ],
  'src/dashboard/notifications/webhook-endpoint.tsx': [
    ['POST', '/projects/p1/webhooks/w1/test'],
    ['POST', '/projects/p1/webhooks/w1/secret'],
    ['DELETE', '/projects/p1/webhooks/w1'],
  ],
}

/** Files of the dashboard (the typed clients above aside) and the methods of their `.call(…)`s. */
function directCallsInDashboard(): Record<string, string[]> {
  const found: Record<string, string[]> = {}
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (/\.tsx?$/.test(entry.name)) {
        const file = relative(ROOT, path)
        if (
          file.startsWith('src/dashboard/api/') ||
          file.endsWith('changelog-client.ts') ||
          file.endsWith('tags-client.ts') ||
          file.endsWith('integrations-client.ts') ||
          file.endsWith('revenue-client.ts')
        )
          continue
        const methods = [
          ...readFileSync(path, 'utf8').matchAll(
            /\.call(?:<[^()]*?>)?\(\s*['"`](GET|POST|PUT|PATCH|DELETE)['"`]/g,
          ),
        ].map((match) => match[1] as string)
        if (methods.length > 0) found[file] = methods.sort()
      }
    }
  }
  walk(join(ROOT, 'src', 'dashboard'))
  return found
}

describe("the dashboard pages' direct admin calls", () => {
  it('are all in the table (a new `client.call` needs a row)', () => {
    const table = Object.fromEntries(
      Object.entries(PAGE_CALLS).map(([file, calls]) => [
        file,
        calls.map(([method]) => method).sort(),
      ]),
    )
    expect(directCallsInDashboard()).toEqual(table)
  })

  it('each name a documented operation', () => {
    const calls = Object.values(PAGE_CALLS)
      .flat()
      .map(([method, path]) => ({ method, path: `/v1/admin${path}` }))
    expect(undocumented(calls)).toEqual([])
  })
})
