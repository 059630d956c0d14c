// Closing the loop: how long from a status change to the webhook received and to the email
// accepted by a local SMTP server (p50/p99 over 200 changes), how many jobs one process drains
// per second, and POST vote throughput with and without a webhook endpoint subscribed to votes
// (three alternating rounds, medians compared).
// Runs alone: `npx tsx test/bench/loop.ts`; also part of `npm run bench`.
import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import { enqueueEvent } from '../../src/server/events/events'
import { customer, patchRequest, submit, visitor } from '../helpers/loop-fixtures'
import { startSmtpSink } from '../helpers/smtp-sink'
import { startTestServer } from '../helpers/start-server'
import { startWebhookReceiver } from '../helpers/webhook-receiver'
import { percentile } from './stats'

const CHANGES = 200
const DRAIN_EVENTS = 1000
const VOTE_SECONDS = 6
const VOTE_ROUNDS = 3

async function benchChangeLatency(): Promise<void> {
  const smtp = await startSmtpSink()
  const receiver = await startWebhookReceiver()
  const server = await startTestServer({
    demo: false,
    jobs: 'auto',
    notify: { smtpUrl: smtp.url, mailCoalesceSeconds: 0, publicUrl: 'http://bench.test' },
  })
  try {
    const { project, secret } = await server.createProject('Bench')
    const hook = await fetch(`${server.url}/v1/admin/projects/${project.id}/webhooks`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.adminToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ url: receiver.url, events: ['request.updated'] }),
    })
    if (hook.status !== 201) throw new Error(`webhook: ${hook.status}`)
    const ann = await customer(secret, project.id, { sub: 'ann', email: 'ann@example.com' })
    const requestId = await submit(server, project.id, ann, 'Dark mode')
    const webhookMs: number[] = []
    const mailMs: number[] = []
    const statuses = ['planned', 'in_progress', 'done', 'open'] as const
    for (let i = 0; i < CHANGES; i++) {
      const hooksBefore = receiver.received.length
      const mailsBefore = smtp.messages.length
      const started = performance.now()
      let hookAt = 0
      const hookArrived = receiver.waitFor(hooksBefore + 1).then(() => {
        hookAt = performance.now()
      })
      await patchRequest(server, project.id, requestId, { status: statuses[i % statuses.length] })
      await hookArrived
      while (smtp.messages.length === mailsBefore) await new Promise((r) => setImmediate(r))
      mailMs.push(performance.now() - started)
      webhookMs.push(hookAt - started)
    }
    console.table([
      { path: 'status change → webhook received', ...stats(webhookMs) },
      { path: 'status change → email accepted by SMTP', ...stats(mailMs) },
    ])
  } finally {
    await server.close()
    await receiver.close()
    await smtp.close()
  }
}

async function benchDrain(): Promise<void> {
  const receiver = await startWebhookReceiver()
  const server = await startTestServer({ demo: false })
  try {
    const { project } = await server.createProject('Bench')
    await fetch(`${server.url}/v1/admin/projects/${project.id}/webhooks`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.adminToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ url: receiver.url }),
    })
    const requestId = await submit(server, project.id, visitor(), 'Dark mode')
    await server.drainJobs()
    const before = receiver.received.length
    await server.store.db.transaction(async (tx) => {
      for (let i = 0; i < DRAIN_EVENTS; i++) {
        await enqueueEvent(
          tx,
          { type: 'request.created', projectId: project.id, requestId },
          Date.now(),
        )
      }
    })
    const started = performance.now()
    await server.drainJobs()
    const seconds = (performance.now() - started) / 1000
    const delivered = receiver.received.length - before
    // Each event is two jobs: its fan-out, then the delivery it queued.
    console.table([
      {
        what: `${DRAIN_EVENTS} events → ${delivered} webhook deliveries (embedded db)`,
        'jobs/s': Math.round((DRAIN_EVENTS * 2) / seconds),
        'deliveries/s': Math.round(delivered / seconds),
      },
    ])
  } finally {
    await server.close()
    await receiver.close()
  }
}

async function benchVoteThroughput(): Promise<void> {
  const receiver = await startWebhookReceiver()
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./loop-server-process.ts', import.meta.url))],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, REQIO_WEBHOOK_ALLOW_PRIVATE: '1' },
    },
  )
  try {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream })
    const [line] = (await once(lines, 'line')) as [string]
    const server = JSON.parse(line) as { url: string; adminToken: string }
    const admin = {
      Authorization: `Bearer ${server.adminToken}`,
      'Content-Type': 'application/json',
    }
    const created = await fetch(`${server.url}/v1/admin/projects`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ name: 'Bench' }),
    })
    const projectId = ((await created.json()) as { project: { id: string } }).project.id
    const ids: string[] = []
    for (let i = 0; i < 100; i++) {
      const res = await fetch(`${server.url}/v1/projects/${projectId}/requests`, {
        method: 'POST',
        headers: { 'X-Reqio-Anonymous-Id': `loop-seed-${i}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ title: `Seed ${i}` }),
      })
      const body = (await res.json()) as { request?: { id: string } }
      if (!body.request) throw new Error(`seeding answered ${res.status}: ${JSON.stringify(body)}`)
      ids.push(body.request.id)
    }
    let n = 0
    const run = (label: string, overallRate?: number) =>
      new Promise<{
        label: string
        'req/s': number
        'p50 ms': number
        'p99 ms': number
        votes: number
      }>((resolve, reject) => {
        autocannon(
          {
            url: server.url,
            method: 'POST',
            connections: 10,
            duration: VOTE_SECONDS,
            ...(overallRate ? { overallRate } : {}),
            requests: [
              {
                setupRequest: (req: { path: string; headers: Record<string, string> }) => {
                  n++
                  req.path = `/v1/projects/${projectId}/requests/${ids[n % ids.length]}/vote`
                  req.headers = { ...req.headers, 'X-Reqio-Anonymous-Id': `loop-voter-${n}` }
                  return req
                },
              },
            ],
          },
          (
            error: Error | null,
            result: {
              requests: { average: number }
              latency: { p50: number; p99: number }
              '2xx': number
            },
          ) =>
            error
              ? reject(error)
              : resolve({
                  label,
                  'req/s': Math.round(result.requests.average),
                  'p50 ms': result.latency.p50,
                  'p99 ms': result.latency.p99,
                  votes: result['2xx'],
                }),
        )
      })
    // The machine is shared: alternate the two cases so a neighbour's burst lands on both,
    // and compare medians.
    const rows: Awaited<ReturnType<typeof run>>[] = []
    const drops: number[] = []
    const lags: string[] = []
    for (let round = 1; round <= VOTE_ROUNDS; round++) {
      const without = await run(`${round}: POST vote, no webhook endpoint`)
      const created = await fetch(`${server.url}/v1/admin/projects/${projectId}/webhooks`, {
        method: 'POST',
        headers: admin,
        body: JSON.stringify({ url: receiver.url, events: ['vote.created'] }),
      })
      const hookId = ((await created.json()) as { webhook: { id: string } }).webhook.id
      const before = receiver.received.length
      const withHook = await run(`${round}: POST vote, endpoint subscribed to vote.created`)
      const duringRun = receiver.received.length - before
      const ended = performance.now()
      // Under a burst the queue gives way to the API (src/server/jobs/api-share.ts) and
      // catches up after: how far behind it fell, and how long catching up took.
      const caughtUp = await Promise.race([
        receiver.waitFor(before + withHook.votes).then(() => performance.now() - ended),
        new Promise<null>((resolve) => setTimeout(() => resolve(null), 60_000).unref()),
      ])
      await fetch(`${server.url}/v1/admin/projects/${projectId}/webhooks/${hookId}`, {
        method: 'DELETE',
        headers: admin,
      })
      rows.push(without, withHook)
      drops.push(1 - withHook['req/s'] / without['req/s'])
      lags.push(
        `${duringRun} of ${withHook.votes} received during the run, ${
          caughtUp === null
            ? 'not all within 60 s after it'
            : `all ${(caughtUp / 1000).toFixed(1)} s after it`
        }`,
      )
    }
    console.table(rows)
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0
    const medianWithout = median(rows.filter((_, i) => i % 2 === 0).map((r) => r['req/s']))
    const medianWith = median(rows.filter((_, i) => i % 2 === 1).map((r) => r['req/s']))
    console.log(
      `vote throughput with a vote webhook: ${((1 - medianWith / medianWithout) * 100).toFixed(1)} % lower (medians ${medianWithout} vs ${medianWith} req/s; per round ${drops
        .map((d) => `${(d * 100).toFixed(1)} %`)
        .join(', ')})`,
    )
    for (const [i, lag] of lags.entries()) console.log(`round ${i + 1} webhooks: ${lag}`)
    // Below saturation the queue should keep up as votes arrive, not after.
    const rate = Math.round(medianWithout / 2)
    await fetch(`${server.url}/v1/admin/projects/${projectId}/webhooks`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ url: receiver.url, events: ['vote.created'] }),
    })
    const before = receiver.received.length
    const paced = await run(`POST vote at ${rate}/s`, rate)
    const duringPaced = receiver.received.length - before
    const pacedEnded = performance.now()
    await receiver.waitFor(before + paced.votes)
    console.log(
      `at ${rate} votes/s offered (half the median), ${paced['req/s']} served: ${duringPaced} of ${paced.votes} vote webhooks received during the run, all ${Math.round(performance.now() - pacedEnded)} ms after it`,
    )
  } finally {
    child.kill('SIGTERM')
    await once(child, 'exit')
    await receiver.close()
  }
}

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b)
  return {
    n: values.length,
    'p50 ms': Number(percentile(sorted, 50).toFixed(1)),
    'p99 ms': Number(percentile(sorted, 99).toFixed(1)),
  }
}

export async function benchLoop(): Promise<void> {
  if (process.env.LOOP_BENCH_SKIP_LATENCY !== '1') await benchChangeLatency()
  if (process.env.LOOP_BENCH_SKIP_DRAIN !== '1') await benchDrain()
  if (process.env.LOOP_BENCH_SKIP_VOTES !== '1') await benchVoteThroughput()
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await benchLoop()
