// Slack: how long from an admin's status change to the message received by Slack, over the
// real server (HTTP on 127.0.0.1, its job queue running as `npm start` runs it) and a fake
// Slack incoming webhook on 127.0.0.1; p50/p99 over a few hundred changes, on the embedded
// database and, when DATABASE_URL is set, on PostgreSQL; beside it, the same change reaching a
// webhook endpoint, so the two hops through the queue can be compared on a busy machine.
// Runs alone: `npx tsx test/bench/slack-status.ts`; also part of `npm run bench`.
import { fileURLToPath } from 'node:url'
import { messageText, startFakeSlack } from '../helpers/fake-slack'
import { customer, patchRequest, submit, vote } from '../helpers/loop-fixtures'
import { startTestServer } from '../helpers/start-server'
import { startWebhookReceiver } from '../helpers/webhook-receiver'
import { percentile } from './stats'

const CHANGES = 300
const WARM_UP = 10
const STATUSES = ['planned', 'in_progress', 'done', 'open'] as const

async function measure(label: string, databaseUrl: string | undefined) {
  const slack = await startFakeSlack()
  // The same change to a webhook endpoint, measured alongside: the machine's load moves both.
  const receiver = await startWebhookReceiver()
  const server = await startTestServer({
    demo: false,
    jobs: 'auto',
    databaseUrl,
    notify: { publicUrl: 'http://bench.test' },
  })
  try {
    const { project, secret } = await server.createProject('Bench')
    const set = await server.adminFetch(`/v1/admin/projects/${project.id}/integrations/slack`, {
      method: 'POST',
      body: JSON.stringify({ webhookUrl: slack.webhookUrl, events: ['request.updated'] }),
    })
    if (set.status !== 201) throw new Error(`Slack set-up answered ${set.status}`)
    const hook = await server.adminFetch(`/v1/admin/projects/${project.id}/webhooks`, {
      method: 'POST',
      body: JSON.stringify({ url: receiver.url, events: ['request.updated'] }),
    })
    if (hook.status !== 201) throw new Error(`webhook set-up answered ${hook.status}`)
    const ann = await customer(secret, project.id, { sub: 'ann', amount: 49_000 })
    const requestId = await submit(server, project.id, ann, 'Dark mode')
    for (let i = 0; i < 20; i++) {
      const voter = await customer(secret, project.id, { sub: `voter-${i}`, amount: 9_900 })
      await vote(server, project.id, voter, requestId)
    }
    const ms: number[] = []
    const webhookMs: number[] = []
    for (let i = 0; i < WARM_UP + CHANGES; i++) {
      const before = slack.messages.length
      const hooksBefore = receiver.received.length
      const started = performance.now()
      let hookAt = 0
      const hookArrived = receiver.waitFor(hooksBefore + 1).then(() => {
        hookAt = performance.now()
      })
      await patchRequest(server, project.id, requestId, { status: STATUSES[i % STATUSES.length] })
      await slack.waitFor(before + 1)
      const slackAt = performance.now()
      await hookArrived
      if (i < WARM_UP) continue
      ms.push(slackAt - started)
      webhookMs.push(hookAt - started)
    }
    const shipped = slack.messages.map(messageText).find((text) => text.includes('shipped for'))
    if (!shipped?.includes('21 accounts, $2,470 MRR')) throw new Error('unexpected message text')
    return [
      { engine: label, 'received by': 'Slack (fake)', ...stats(ms) },
      { engine: label, 'received by': 'webhook endpoint', ...stats(webhookMs) },
    ]
  } finally {
    await server.close()
    await slack.close()
    await receiver.close()
  }
}

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b)
  return {
    changes: values.length,
    'p50 ms': Number(percentile(sorted, 50).toFixed(1)),
    'p99 ms': Number(percentile(sorted, 99).toFixed(1)),
    'max ms': Number((sorted.at(-1) ?? Number.NaN).toFixed(1)),
  }
}

export async function benchSlackStatus(): Promise<void> {
  const rows = await measure('embedded (PGlite, in memory)', undefined)
  if (process.env.DATABASE_URL)
    rows.push(...(await measure('PostgreSQL (DATABASE_URL)', process.env.DATABASE_URL)))
  console.log('status change (PATCH by an admin) → Slack message received by the fake Slack')
  console.table(rows)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await benchSlackStatus()
