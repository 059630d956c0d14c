import { describe, expect, it } from 'vitest'
import { ANONYMOUS_ID_HEADER, audienceFor } from '../../../src/shared/identity'
import { storeBackends } from '../../helpers/backends'
import { serverWithFreshProject } from '../../helpers/fresh-project'
import type { TestServer } from '../../helpers/start-server'
import { mintToken } from '../../helpers/tokens'

let server: TestServer
let projectId: string
let secret: string

const NUL = '\u0000'
const LONE = '\ud800'

/** Claims that answered 500 before (issue 24, item 6), and their neighbours. */
const BAD_CLAIMS: Record<string, Record<string, unknown>> = {
  'NUL in name': { sub: 'u1', name: `a${NUL}b` },
  'NUL in company.id': { sub: 'u2', company: { id: `c${NUL}`, name: 'Acme' } },
  'NUL in company.name': { sub: 'u3', company: { id: 'c1', name: `Acme${NUL}` } },
  'a lone surrogate in sub': { sub: `u${LONE}` },
  'a lone surrogate in name': { sub: 'u4', name: `a${LONE}` },
  'a lone surrogate in company.name': { sub: 'u5', company: { id: 'c5', name: `x${LONE}` } },
  'a lone surrogate in traits.plan': {
    sub: 'u6',
    traits: { plan: `p${LONE}`, amount: 100, interval: 'month' },
  },
}

async function createRequest(): Promise<string> {
  const res = await fetch(`${server.url}/v1/projects/${projectId}/requests`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [ANONYMOUS_ID_HEADER]: crypto.randomUUID() },
    body: JSON.stringify({ title: 'Dark mode' }),
  })
  return ((await res.json()) as { request: { id: string } }).request.id
}

describe.each(storeBackends())(
  'strings the database cannot hold on the $name database',
  (backend) => {
    serverWithFreshProject({ demo: false, databaseUrl: backend.databaseUrl }, 'Acme', (fresh) => {
      ;({ server, projectId, secret } = fresh)
    })

    it.each(Object.entries(BAD_CLAIMS))(
      'refuses %s with 401 token_claims on list, vote, identify and comment',
      async (_name, claims) => {
        const requestId = await createRequest()
        const token = await mintToken(secret, { aud: audienceFor(projectId), ...claims })
        const calls: Array<[string, string, unknown?]> = [
          ['GET', '/requests'],
          ['POST', `/requests/${requestId}/vote`],
          ['POST', '/identify'],
          ['POST', `/requests/${requestId}/comments`, { body: 'Me too' }],
        ]
        for (const [method, path, body] of calls) {
          const res = await fetch(`${server.url}/v1/projects/${projectId}${path}`, {
            method,
            headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
            body: body === undefined ? undefined : JSON.stringify(body),
          })
          expect(res.status, `${method} ${path}`).toBe(401)
          const { error } = (await res.json()) as { error: { code: string } }
          expect(error.code).toBe('token_claims')
        }
      },
    )

    it.each([
      ['statusNote', 'PATCH', 'request', '{"statusNote":"a\\ud800"}'],
      ['name', 'POST', '/v1/admin/projects', '{"name":"Acme \\udc00"}'],
      ['body', 'POST', 'team comment', '{"body":"x\\ud800"}'],
      ['title', 'POST', 'public request', '{"title":"a\\udbff"}'],
    ])(
      'refuses a lone surrogate in %s with 400 validation_failed',
      async (field, method, where, raw) => {
        const requestId = await createRequest()
        const path =
          {
            request: `/v1/admin/projects/${projectId}/requests/${requestId}`,
            'team comment': `/v1/admin/projects/${projectId}/requests/${requestId}/comments`,
            'public request': `/v1/projects/${projectId}/requests`,
          }[where] ?? where
        const res = await fetch(`${server.url}${path}`, {
          method,
          headers: {
            'Content-Type': 'application/json',
            [ANONYMOUS_ID_HEADER]: crypto.randomUUID(),
            ...(where === 'public request' ? {} : { Authorization: `Bearer ${server.adminToken}` }),
          },
          body: raw,
        })
        expect(res.status).toBe(400)
        expect(((await res.json()) as { error: unknown }).error).toMatchObject({
          code: 'validation_failed',
          field,
        })
      },
    )
  },
)
