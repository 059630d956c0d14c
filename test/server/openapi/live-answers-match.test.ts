// Issue 28: "live responses validate against the document (ajv)". The real server over HTTP, a
// scenario through the public, auth, portal and operations routes (and, with the admin token,
// the admin routes; with an API key, the MCP server): every answer's status must be listed for
// its operation, and every JSON answer (errors included) must match that status's schema in
// GET /v1/openapi.json.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OpenApiDocument } from '../../../src/server/openapi/document'
import { audienceFor } from '../../../src/shared/identity'
import { storeBackends } from '../../helpers/backends'
import { answerChecker } from '../../helpers/openapi-document'
import { startTestServer, type TestServer } from '../../helpers/start-server'
import { mintToken } from '../../helpers/tokens'
import {
  ADMIN_STEPS,
  MCP_STEPS,
  OPERATIONS_STEPS,
  PUBLIC_STEPS,
  type ScenarioState,
  type Step,
} from './scenario'

const METRICS_TOKEN = 'metrics-for-openapi-test'

describe.each(storeBackends())('live answers against the OpenAPI document on $name', (backend) => {
  let server: TestServer
  let state: ScenarioState
  let check: ReturnType<typeof answerChecker>

  beforeAll(async () => {
    server = await startTestServer({
      databaseUrl: backend.databaseUrl,
      metricsToken: METRICS_TOKEN,
    })
    const document = (await (
      await fetch(`${server.url}/v1/openapi.json`)
    ).json()) as OpenApiDocument
    check = answerChecker(document)
    const { project, secret } = await server.createProject('OpenAPI check')
    const token = (sub: string) =>
      mintToken(secret, {
        sub,
        aud: audienceFor(project.id),
        email: `${sub}@example.com`,
        name: sub,
      })
    // A published entry, so the changelog's answers carry a body tree to check.
    await server.adminFetch(`/v1/admin/projects/${project.id}/changelog`, {
      method: 'POST',
      body: JSON.stringify({
        title: 'Dark mode',
        body: '# Now\n\n- **dark** [more](https://example.com)',
        publish: true,
      }),
    })
    state = {
      url: server.url,
      adminToken: server.adminToken,
      metricsToken: METRICS_TOKEN,
      projectId: project.id,
      ann: await token('ann'),
      bob: await token('bob'),
      kept: {},
    }
  })

  afterAll(async () => {
    await server?.close()
  })

  /** Runs the steps in order; answers one line per step that went otherwise than documented. */
  async function run(steps: readonly Step[]): Promise<string[]> {
    const problems: string[] = []
    for (const step of steps) {
      const path = step.path(state)
      const headers = new Headers(step.headers?.(state))
      const body = step.body?.(state)
      if (body !== undefined && !headers.has('Content-Type'))
        headers.set('Content-Type', 'application/json')
      const res = await fetch(`${state.url}${path}`, {
        method: step.method,
        headers,
        body:
          body === undefined
            ? undefined
            : typeof body === 'string'
              ? body
              : body instanceof Uint8Array
                ? new Uint8Array(body)
                : JSON.stringify(body),
        redirect: 'manual',
      })
      const contentType = res.headers.get('Content-Type') ?? ''
      const text = await res.text()
      const json = /json/.test(contentType) && text ? JSON.parse(text) : undefined
      if (res.status !== step.expect) {
        problems.push(
          `${step.name}: answered ${res.status} (expected ${step.expect}): ${text.slice(0, 200)}`,
        )
        continue
      }
      const problem = check(
        step.method,
        path.split('?')[0] ?? path,
        res.status,
        text ? contentType : '',
        json,
      )
      if (problem) problems.push(`${step.name}: ${problem}`)
      step.keep?.(state, json, res)
    }
    return problems
  }

  it('answers the public, auth, portal and operations routes as documented, errors included', async () => {
    expect(await run(PUBLIC_STEPS)).toEqual([])
    expect(await run(OPERATIONS_STEPS)).toEqual([])
  })

  it('answers the admin routes as documented, errors included', async () => {
    expect(await run(ADMIN_STEPS)).toEqual([])
  })

  it('answers POST /mcp as documented: a key, tools/list, and what the transport refuses', async () => {
    expect(await run(MCP_STEPS)).toEqual([])
    expect(state.kept.mcpTools?.split(',')).toContain('search_requests')
  })
})
