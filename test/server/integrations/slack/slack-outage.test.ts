// spec/api.md v3 "The team's tools": Slack messages go through the durable queue with the
// webhooks' retry rules, so an outage of Slack loses nothing. A frozen clock walks the retry
// schedule; the fake Slack is down, answers 500, or 429 with Retry-After.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { frozenClock } from '../../../../src/server/clock'
import { storeBackends } from '../../../helpers/backends'
import { type FakeSlack, messageText, startFakeSlack } from '../../../helpers/fake-slack'
import { type FreshProject, serverWithFreshProject } from '../../../helpers/fresh-project'
import { patchRequest, submit, visitor } from '../../../helpers/loop-fixtures'

/** Seconds before the 2nd, 3rd and 4th attempt; after the 4th the message fails for good. */
const RETRY_SECONDS = [5, 60, 600]

describe.each(storeBackends())('Slack through an outage on $name', (backend) => {
  const clock = frozenClock(Date.now())
  let fresh: FreshProject
  let slack: FakeSlack
  serverWithFreshProject(
    { databaseUrl: backend.databaseUrl, clock, notify: { webhookRetrySeconds: RETRY_SECONDS } },
    'Acme',
    (f) => {
      fresh = f
    },
  )
  beforeAll(async () => {
    slack = await startFakeSlack()
  })
  afterAll(async () => {
    await slack.close()
  })
  beforeEach(async () => {
    slack.messages.length = 0
    slack.answers.length = 0
    slack.failures.length = 0
    const res = await fresh.server.adminFetch(
      `/v1/admin/projects/${fresh.projectId}/integrations/slack`,
      { method: 'POST', body: JSON.stringify({ webhookUrl: slack.webhookUrl }) },
    )
    expect(res.status).toBe(201)
  })

  const after = async (seconds: number) => {
    clock.advance(seconds * 1000)
    await fresh.server.drainJobs()
  }

  it('keeps every message through refused connections and 500s, and sends each once when Slack is back', async () => {
    await slack.down()
    const titles = ['Dark mode', 'Export to CSV', 'SSO with Okta']
    const ids: string[] = []
    for (const title of titles)
      ids.push(await submit(fresh.server, fresh.projectId, visitor(), title))
    await patchRequest(fresh.server, fresh.projectId, ids[0] ?? '', { status: 'planned' })
    await fresh.server.drainJobs()
    expect(slack.messages).toEqual([])

    await slack.up()
    slack.failures.push({ status: 500 }, { status: 500 })
    await after(5)
    expect(slack.answers.filter((a) => a.status === 500)).toHaveLength(2)
    expect(slack.messages).toHaveLength(2)

    await after(60)
    const texts = slack.messages.map(messageText)
    expect(texts).toHaveLength(4)
    for (const title of titles)
      expect(texts.filter((t) => t.includes(`New request: ${title}`))).toHaveLength(1)
    expect(texts.filter((t) => t.includes('moved from *Open* to *Planned*'))).toHaveLength(1)

    await after(3600)
    expect(slack.messages).toHaveLength(4)
    expect((await fresh.server.store.jobs.counts(fresh.projectId)).queued).toBe(0)
  })

  it("waits for a 429's Retry-After when it is longer than the schedule's next step", async () => {
    const rid = await submit(fresh.server, fresh.projectId, visitor(), 'Audit log')
    await fresh.server.drainJobs()
    slack.messages.length = 0
    slack.failures.push({ status: 429, retryAfter: 120 })
    await patchRequest(fresh.server, fresh.projectId, rid, { status: 'in_progress' })
    await fresh.server.drainJobs()
    expect(slack.answers.at(-1)).toEqual({ status: 429, body: 'rate_limited' })

    await after(5)
    expect(slack.messages).toEqual([])
    await after(115)
    expect(slack.messages.map(messageText).join()).toContain('moved from *Open* to *In progress*')
  })

  it('drops the messages still waiting when Slack is removed, without failing them', async () => {
    await slack.down()
    try {
      await submit(fresh.server, fresh.projectId, visitor(), 'Slack threads')
      await fresh.server.drainJobs()
      const removed = await fresh.server.adminFetch(
        `/v1/admin/projects/${fresh.projectId}/integrations/slack`,
        { method: 'DELETE' },
      )
      expect(removed.status).toBe(204)
    } finally {
      await slack.up()
    }
    await after(5)
    expect(slack.messages).toEqual([])
    expect(await fresh.server.store.jobs.counts(fresh.projectId)).toMatchObject({
      queued: 0,
      failed: 0,
    })
  })

  it('fails a message for good after the last retry, and the job log says what Slack answered, never the URL', async () => {
    slack.failures.push({ status: 500 }, { status: 500 }, { status: 500 }, { status: 500 })
    await submit(fresh.server, fresh.projectId, visitor(), 'Keyboard shortcuts')
    await fresh.server.drainJobs()
    for (const seconds of RETRY_SECONDS) await after(seconds)
    expect(slack.messages).toEqual([])
    expect(slack.answers.map((a) => a.status)).toEqual([500, 500, 500, 500])

    const res = await fresh.server.adminFetch(`/v1/admin/projects/${fresh.projectId}/jobs`)
    const text = await res.text()
    expect(JSON.parse(text).failed).toMatchObject([
      { kind: 'slack', attempts: 4, lastError: 'Slack answered 500 rollup_error' },
    ])
    expect(text).not.toContain('fakeSlackSecret')
  })
})
