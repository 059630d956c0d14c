// spec/api.md v3 "The team's tools", Slack: set up, replace, read, remove and test a project's
// Slack incoming webhook over real HTTP, each answer checked against its RouteDoc.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN_ROUTE_DOCS } from '../../../../src/server/openapi/routes/admin-index'
import { storeBackends } from '../../../helpers/backends'
import { type FakeSlack, messageText, startFakeSlack } from '../../../helpers/fake-slack'
import { type FreshProject, serverWithFreshProject } from '../../../helpers/fresh-project'
import { routeDocAnswers } from '../../../helpers/route-doc-answers'

const answers = routeDocAnswers(ADMIN_ROUTE_DOCS)
const P = '/v1/admin/projects/{id}/integrations/slack'
const ALL_EVENTS = ['request.created', 'comment.created', 'request.updated', 'changelog.published']

describe.each(storeBackends())('the Slack set-up routes on $name', (backend) => {
  let fresh: FreshProject
  let slack: FakeSlack
  serverWithFreshProject({ databaseUrl: backend.databaseUrl }, 'Acme', (f) => {
    fresh = f
  })
  beforeAll(async () => {
    slack = await startFakeSlack()
  })
  afterAll(async () => {
    await slack.close()
  })

  const call = (path: string, method = 'GET', body?: unknown) =>
    fresh.server.adminFetch(`/v1/admin/projects/${fresh.projectId}/integrations/slack${path}`, {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })

  it('sets up, replaces, reads with the URL masked and removes Slack; the audit log never holds the URL', async () => {
    expect(await answers.json(await call(''), 'get', P, 200)).toEqual({ slack: null })

    const saved = await answers.json(
      await call('', 'POST', { webhookUrl: slack.webhookUrl }),
      'post',
      P,
      201,
    )
    expect(saved).toEqual({ slack: { webhookUrl: slack.webhookUrl, events: ALL_EVENTS } })

    const read = await answers.json(await call(''), 'get', P, 200)
    expect(read.slack.events).toEqual(ALL_EVENTS)
    expect(read.slack.webhookUrl).not.toContain('fakeSlackSecret')
    expect(read.slack.webhookUrl).toMatch(/\/services\/T…\/B…\/…XYZ1$/)

    const replaced = await answers.json(
      await call('', 'POST', {
        webhookUrl: slack.webhookUrl,
        events: ['request.updated', 'request.created', 'request.updated'],
      }),
      'post',
      P,
      201,
    )
    expect(replaced.slack.events).toEqual(['request.created', 'request.updated'])
    expect((await (await call('')).json()).slack.events).toEqual([
      'request.created',
      'request.updated',
    ])

    await answers.json(await call('', 'DELETE'), 'delete', P, 204)
    expect((await (await call('')).json()).slack).toBeNull()
    // Removing what is not there is no error.
    await answers.json(await call('', 'DELETE'), 'delete', P, 204)

    const audit = await fresh.server.adminFetch(`/v1/admin/projects/${fresh.projectId}/audit`)
    const auditText = await audit.text()
    expect(auditText).toContain('integration.slack_set')
    expect(auditText).toContain('integration.slack_removed')
    expect(auditText).not.toContain('fakeSlackSecret')
  })

  it('refuses what is not an incoming webhook URL, the masked URL pasted back and unknown events with 400', async () => {
    await call('', 'POST', { webhookUrl: slack.webhookUrl })
    const masked = (await (await call('')).json()).slack.webhookUrl
    const refusals: [unknown, string][] = [
      [{ webhookUrl: 'not a url' }, 'webhookUrl'],
      [{ webhookUrl: 'ftp://hooks.slack.com/services/T/B/x' }, 'webhookUrl'],
      [{ webhookUrl: 'https://user:pw@hooks.slack.com/services/T/B/x' }, 'webhookUrl'],
      [{ webhookUrl: masked }, 'webhookUrl'],
      [{}, 'webhookUrl'],
      [{ webhookUrl: slack.webhookUrl, events: ['vote.created'] }, 'events.0'],
      [{ webhookUrl: slack.webhookUrl, events: [] }, 'events'],
    ]
    for (const [body, field] of refusals) {
      const refused = await answers.json(await call('', 'POST', body), 'post', P, 400)
      expect(refused.error, JSON.stringify(body)).toMatchObject({
        code: 'validation_failed',
        field,
      })
    }
    // Nothing refused replaced the saved set-up.
    expect((await (await call('')).json()).slack.events).toEqual(ALL_EVENTS)
  })

  it('sends a test message at once and answers what Slack said, an error or no answer included', async () => {
    await answers.json(await call('/test', 'POST'), 'post', `${P}/test`, 404)
    await call('', 'POST', { webhookUrl: slack.webhookUrl })
    const before = slack.messages.length

    const sent = await answers.json(await call('/test', 'POST'), 'post', `${P}/test`, 200)
    expect(sent).toEqual({ test: { ok: true, statusCode: 200, answer: 'ok' } })
    expect(slack.messages).toHaveLength(before + 1)
    expect(messageText(slack.messages.at(-1) ?? {})).toContain('Reqio is connected')
    expect(messageText(slack.messages.at(-1) ?? {})).toContain('Acme')

    slack.failures.push({ status: 404 })
    const gone = await answers.json(await call('/test', 'POST'), 'post', `${P}/test`, 200)
    expect(gone).toEqual({ test: { ok: false, statusCode: 404, answer: 'no_service' } })

    await slack.down()
    try {
      const down = await answers.json(await call('/test', 'POST'), 'post', `${P}/test`, 200)
      expect(down).toEqual({ test: { ok: false, statusCode: null, answer: 'Connection refused.' } })
    } finally {
      await slack.up()
    }
    // The test message goes out now, never through the queue.
    expect((await fresh.server.store.jobs.counts(fresh.projectId)).queued).toBe(0)
  })
})
