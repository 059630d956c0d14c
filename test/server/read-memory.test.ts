import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { serverWithFreshProject } from '../helpers/fresh-project'
import type { TestServer } from '../helpers/start-server'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

let server: TestServer
let projectId: string
serverWithFreshProject({ demo: false }, 'Memory', (fresh) => {
  ;({ server, projectId } = fresh)
})

function heapAfterGc(): number {
  gc()
  gc()
  return process.memoryUsage().heapUsed
}

describe('reads cannot grow server memory without bound', () => {
  it('keeps the heap flat across 300 distinct searches that each match 100 requests of 4 KB', async () => {
    const text = 'lorem ipsum dolor sit amet consectetur '.repeat(105).slice(0, 4000)
    const actor = { voter: 'a:anon-memory', person: null }
    for (let i = 0; i < 100; i++) {
      await server.store.requests.create({
        projectId,
        actor,
        title: `Request ${i}`,
        body: text,
        idempotencyKey: null,
        now: Date.now(),
      })
    }
    const search = async (q: string) => {
      const res = await fetch(
        `${server.url}/v1/projects/${projectId}/requests?q=${encodeURIComponent(q)}`,
      )
      return ((await res.json()) as { requests: unknown[] }).requests.length
    }
    expect(await search('lorem')).toBeGreaterThanOrEqual(30)
    const before = heapAfterGc()
    for (let i = 0; i < 300; i++) {
      // Every one a new string that still matches all 100 bodies. A search runs LIKE on long
      // rows only within its work budget (request-search.ts): about 40 of these 4 KB bodies.
      expect(await search(text.slice(i, i + 12))).toBeGreaterThanOrEqual(30)
    }
    const grownMb = (heapAfterGc() - before) / 1024 / 1024
    // Cached by raw q, these 300 answers would hold at least ~36 MB (4 KB x 30 x 300).
    expect(grownMb).toBeLessThan(30)
  }, 120_000)
})
