import fc from 'fast-check'
import { beforeEach, describe, expect, it } from 'vitest'
import { storeBackends } from '../../helpers/backends'
import { serverWithFreshProject } from '../../helpers/fresh-project'
import type { TestServer } from '../../helpers/start-server'

let server: TestServer
let projectId: string
let requestId: string

/** Text as a client may send it, plus what the databases cannot store (NUL, lone surrogates). */
const hostileString = () =>
  fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.constantFrom('\u0000', '\ud800', '\udc00', '', '   ', 'x'.repeat(300)),
  )

/** Every UTF-8 byte as %XX (a lone surrogate goes as U+FFFD, as a browser would send it). */
const percentEncoded = (text: string) =>
  [...Buffer.from(text)].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('')

/** onBehalfOf as a careless integration might send it: every field of every type. */
const onBehalfOfArb = fc.oneof(
  fc.anything(),
  fc.record(
    {
      sub: fc.oneof(hostileString(), fc.integer(), fc.constant(null)),
      email: fc.oneof(
        hostileString(),
        fc.constantFrom('a@b.test', 'a@x, e@evil.test'),
        fc.constant(null),
      ),
      name: fc.oneof(hostileString(), fc.constant(null), fc.integer()),
      traits: fc.oneof(
        fc.anything(),
        fc.record({
          plan: hostileString(),
          amount: fc.oneof(fc.integer(), fc.double(), fc.constant(1e15)),
          interval: fc.oneof(fc.constantFrom('month', 'year'), hostileString()),
        }),
      ),
      company: fc.oneof(
        fc.anything(),
        fc.record({ id: hostileString(), name: fc.oneof(hostileString(), fc.constant(null)) }),
      ),
    },
    { requiredKeys: [] },
  ),
)

describe.each(storeBackends())('on-behalf writes on the $name database', (backend) => {
  serverWithFreshProject({ demo: false, databaseUrl: backend.databaseUrl }, 'Fuzzed', (fresh) => {
    ;({ server, projectId } = fresh)
  })
  beforeEach(async () => {
    const res = await server.adminFetch(`/v1/admin/projects/${projectId}/requests`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'Fuzz target', onBehalfOf: { sub: 'fuzz-author' } }),
    })
    requestId = ((await res.json()) as { request: { id: string } }).request.id
  })

  it('answers any onBehalfOf, title, body and sub with 2xx or 4xx, never 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('requests', 'votes', 'comments', 'unvote'),
        onBehalfOfArb,
        fc.oneof(hostileString(), fc.integer()),
        hostileString(),
        async (route, onBehalfOf, text, sub) => {
          const base = `/v1/admin/projects/${projectId}`
          const [method, path, body] =
            route === 'requests'
              ? ['POST', `${base}/requests`, { title: text, body: text, onBehalfOf }]
              : route === 'votes'
                ? ['POST', `${base}/requests/${requestId}/votes`, { onBehalfOf }]
                : route === 'comments'
                  ? ['POST', `${base}/requests/${requestId}/comments`, { body: text, onBehalfOf }]
                  : ['DELETE', `${base}/requests/${requestId}/votes/${percentEncoded(sub)}`]
          const res = await server.adminFetch(path, {
            method,
            headers: { 'Content-Type': 'application/json' },
            body: body === undefined ? undefined : JSON.stringify(body),
          })
          const answer = await res.text()
          expect(res.status, `${method} ${path} ${JSON.stringify(body)} → ${answer}`).toBeLessThan(
            500,
          )
        },
      ),
      { numRuns: 150 },
    )
  }, 240_000)
})
