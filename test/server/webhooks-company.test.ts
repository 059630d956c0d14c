import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { frozenClock } from '../../src/server/clock'
import { ANONYMOUS_ID_HEADER, audienceFor } from '../../src/shared/identity'
import { storeBackends } from '../helpers/backends'
import { addWebhook, type Person, submit, visitor, vote } from '../helpers/loop-fixtures'
import { startTestServer, type TestServer } from '../helpers/start-server'
import { mintToken } from '../helpers/tokens'
import { startWebhookReceiver, verifiedEvents } from '../helpers/webhook-receiver'

describe.each(storeBackends())('webhook payloads on $name', (backend) => {
  const clock = frozenClock(Date.now())
  let server: TestServer

  beforeAll(async () => {
    server = await startTestServer({ clock, databaseUrl: backend.databaseUrl })
  })
  afterAll(async () => {
    await server.close()
  })

  it("carry the voter's and the author's company from their token, and null for a person without one", async () => {
    const { project, secret } = await server.createProject('Acme')
    const receiver = await startWebhookReceiver()
    try {
      const hook = await addWebhook(server, project.id, receiver.url, [
        'request.created',
        'vote.created',
      ])
      const person = async (sub: string, company?: { id: string; name?: string }) => {
        const token = await mintToken(
          secret,
          { sub, aud: audienceFor(project.id), email: `${sub}@example.com`, company },
          { nowMs: clock.now() },
        )
        return {
          headers: { Authorization: `Bearer ${token}`, [ANONYMOUS_ID_HEADER]: randomUUID() },
        } satisfies Person
      }
      const cara = await person('cara', { id: 'globex', name: 'Globex Corporation' })
      const requestId = await submit(server, project.id, cara, 'Audit log export')
      await vote(server, project.id, await person('dan', { id: 'initech' }), requestId)
      await vote(server, project.id, await person('eve'), requestId)
      await vote(server, project.id, visitor(), requestId)
      await server.drainJobs()

      const events = verifiedEvents(receiver, hook.secret)
      const created = events.find((e) => e.type === 'request.created')
      expect(created?.data.request.author.company).toEqual({
        id: 'globex',
        name: 'Globex Corporation',
      })
      const companies = Object.fromEntries(
        events
          .filter((e) => e.type === 'vote.created' && e.data.voter)
          .map((e) => [e.data.voter.sub, e.data.voter.company]),
      )
      expect(companies).toEqual({ dan: { id: 'initech', name: null }, eve: null })
    } finally {
      await receiver.close()
    }
  })
})
