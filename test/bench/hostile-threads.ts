// Hostile comment threads and changelog bodies (issue 24, items 2 and 3), a part of
// hostile-client.ts. Runs alone with
//   npx tsx test/bench/hostile-threads.ts
// 1. A request with 2,000 comments of 5,000 characters: bytes and ms per detail read, now (the
//    newest 50 and a cursor) and as the whole thread (what the detail answered before paging).
// 2. Four readers looping on that detail: another project's GET …/widget p50/p99 meanwhile.
// 3. Changelog bodies: the attack bodies refused (µs each), the slowest bodies found within
//    the bounds (ms to parse), and another project's …/widget p99 while a member posts attacks.
import { toPublicComment, toPublicRequest } from '../../src/server/http/wire'
import { parseMarkdown } from '../../src/shared/markdown'
import { startTestServer, type TestServer } from '../helpers/start-server'
import { percentile } from './stats'

const THREAD = 2_000
const COMMENT = 'x'.repeat(4_990)

async function seedThread(server: TestServer, projectId: string): Promise<string> {
  const created = await fetch(`${server.url}/v1/projects/${projectId}/requests`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Reqio-Anonymous-Id': crypto.randomUUID() },
    body: JSON.stringify({ title: 'Flooded' }),
  })
  const requestId = ((await created.json()) as { request: { id: string } }).request.id
  await server.store.db.query(
    `INSERT INTO comments (id, project_id, request_id, body, kind, author_voter, created_at)
     SELECT 'c_bench' || g, $1, $2, $3 || g, 'visitor', 'a:flood' || (g % 2), now() - (g * interval '1 second')
       FROM generate_series(1, ${THREAD}) g`,
    [projectId, requestId, COMMENT],
  )
  await server.store.db.query(`UPDATE requests SET comment_count = ${THREAD} WHERE id = $1`, [
    requestId,
  ])
  return requestId
}

/** Loops `readers` GETs of `url` while timing `probe` reads; answers the probe's timings. */
async function probeWhile(url: string, readers: number, probe: () => Promise<void>, ms: number) {
  const until = Date.now() + ms
  let bytes = 0
  const timings: number[] = []
  await Promise.all([
    ...Array.from({ length: readers }, async () => {
      while (Date.now() < until) bytes += (await (await fetch(url)).arrayBuffer()).byteLength
    }),
    (async () => {
      while (Date.now() < until) {
        const started = performance.now()
        await probe()
        timings.push(performance.now() - started)
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
    })(),
  ])
  return { timings: timings.sort((a, b) => a - b), bytes }
}

const widgetProbe = (server: TestServer, projectId: string) => async () => {
  await (await fetch(`${server.url}/v1/projects/${projectId}/widget`)).arrayBuffer()
}

async function thread(server: TestServer) {
  const flooded = (await server.createProject('Flooded')).project.id
  const bystander = (await server.createProject('Bystander')).project.id
  const requestId = await seedThread(server, flooded)
  const url = `${server.url}/v1/projects/${flooded}/requests/${requestId}`
  const timings: number[] = []
  let bytes = 0
  for (let i = 0; i < 20; i++) {
    const started = performance.now()
    bytes = (await (await fetch(url)).arrayBuffer()).byteLength
    timings.push(performance.now() - started)
  }
  // What the detail answered before paging: the request and every public comment.
  const request = await server.store.requests.findStanding(flooded, requestId, null)
  const all = await server.store.comments.listForRequest(requestId)
  const before = Buffer.byteLength(
    JSON.stringify({
      request: {
        ...toPublicRequest(request as NonNullable<typeof request>, null),
        comments: all.map((comment) => toPublicComment(comment, null)),
      },
    }),
  )
  timings.sort((a, b) => a - b)
  console.log(
    `  detail of a request with ${THREAD.toLocaleString('en')} comments of 5 KB: ` +
      `${(bytes / 1024).toFixed(0)} KB per read, p50 ${percentile(timings, 50).toFixed(1)} ms ` +
      `(the whole thread, as before paging: ${(before / 1024 / 1024).toFixed(1)} MB)`,
  )
  const idle = await probeWhile(url, 0, widgetProbe(server, bystander), 2_000)
  const busy = await probeWhile(url, 4, widgetProbe(server, bystander), 5_000)
  console.log(
    `  4 readers looping on it for 5 s (${(busy.bytes / 1024 / 1024).toFixed(0)} MB served): ` +
      `another project's …/widget p50 ${percentile(busy.timings, 50).toFixed(1)} ms, ` +
      `p99 ${percentile(busy.timings, 99).toFixed(1)} ms (idle: p50 ${percentile(idle.timings, 50).toFixed(1)} ms)`,
  )
}

const ATTACKS: Record<string, string> = {
  '20 k ">"': '>'.repeat(20_000),
  '"- " × 10,000': '- '.repeat(10_000),
  '"* " × 9,999 + x': `${'* '.repeat(9_999)}x`,
  '"a*_" × 6,666': 'a*_'.repeat(6_666),
  '"a!" × 10,000': 'a!'.repeat(10_000),
  '"--\\n" × 6,666': '--\n'.repeat(6_666),
}

/** The slowest bodies within the bounds the fuzzing (all 2- and 3-character patterns) found. */
const WITHIN: Record<string, string> = {
  '"a[*" × 139 (139 emphasis runs)': 'a[*'.repeat(139),
  '"a-*" × 139': 'a-*'.repeat(139),
  '"- item a\\n" × 499 (500 lines)': '- item a\n'.repeat(499),
  '"a!" × 700 (stops × length at the bound)': 'a!'.repeat(700),
}

function bestOf(runs: number, work: () => void): number {
  let best = Number.POSITIVE_INFINITY
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    work()
    best = Math.min(best, performance.now() - started)
  }
  return best
}

async function changelog(server: TestServer) {
  for (const [name, body] of Object.entries(ATTACKS)) {
    const ms = bestOf(5, () => parseMarkdown(body))
    const refused = 'refused' in parseMarkdown(body)
    console.log(
      `  changelog body ${name}: ${refused ? 'refused' : 'ACCEPTED'} in ${(ms * 1000).toFixed(0)} µs`,
    )
  }
  for (const [name, body] of Object.entries(WITHIN)) {
    const ms = bestOf(5, () => parseMarkdown(body))
    const accepted = 'nodes' in parseMarkdown(body)
    console.log(
      `  changelog body ${name}: ${accepted ? 'parsed' : 'refused'} in ${ms.toFixed(1)} ms (once, at write)`,
    )
  }
  const attacked = (await server.createProject('Attacked')).project.id
  const bystander = (await server.createProject('Bystander 2')).project.id
  const bodies = Object.values(ATTACKS)
  const until = Date.now() + 5_000
  const timings: number[] = []
  let refusals = 0
  await Promise.all([
    ...Array.from({ length: 4 }, async (_, worker) => {
      for (let i = worker; Date.now() < until; i++) {
        const res = await server.adminFetch(`/v1/admin/projects/${attacked}/changelog`, {
          method: 'POST',
          body: JSON.stringify({ title: 'x', body: bodies[i % bodies.length], publish: true }),
        })
        await res.arrayBuffer()
        if (res.status === 400) refusals++
      }
    }),
    (async () => {
      while (Date.now() < until) {
        const started = performance.now()
        await widgetProbe(server, bystander)()
        timings.push(performance.now() - started)
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
    })(),
  ])
  timings.sort((a, b) => a - b)
  console.log(
    `  4 members posting those bodies for 5 s (${refusals} refused with 400): another project's ` +
      `…/widget p50 ${percentile(timings, 50).toFixed(1)} ms, p99 ${percentile(timings, 99).toFixed(1)} ms`,
  )
}

export async function benchHostileThreads(): Promise<void> {
  const server = await startTestServer({ demo: false, ipReadsPerMinute: 1_000_000 })
  try {
    await thread(server)
    await changelog(server)
  } finally {
    await server.close()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchHostileThreads()
