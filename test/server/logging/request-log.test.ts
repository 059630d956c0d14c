import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { truncateAllTables } from '../../../src/server/store/reset'
import { audienceFor } from '../../../src/shared/identity'
import { storeBackends } from '../../helpers/backends'
import { type CapturedLine, capturingLogger } from '../../helpers/capturing-logger'
import { submit, visitor } from '../../helpers/loop-fixtures'
import { startTestServer, type TestServer } from '../../helpers/start-server'
import { logIn, postJson, setUpOwner } from '../../helpers/team'
import { mintToken } from '../../helpers/tokens'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

describe.each(storeBackends())('the request log on $name', (backend) => {
  const logger = capturingLogger()
  let server: TestServer
  let projectId: string

  /** The one line logged for the answer carrying this X-Request-Id. */
  const lineFor = (res: Response): CapturedLine => {
    const reqId = res.headers.get('X-Request-Id')
    const lines = logger.lines.filter((line) => line.fields.reqId === reqId)
    expect(lines).toHaveLength(1)
    return lines[0] as CapturedLine
  }

  beforeAll(async () => {
    server = await startTestServer({
      demo: false,
      databaseUrl: backend.databaseUrl,
      logger,
      rateLimitPerMinute: 2,
      metricsToken: 'metrics-token-for-tests-0123456789',
    })
  })
  afterAll(async () => {
    // The last test closes the database under the server.
    await server.close().catch(() => {})
  })
  beforeEach(async () => {
    await truncateAllTables(server.store.db)
    projectId = (await server.createProject('Acme')).project.id
    logger.lines.length = 0
  })

  it('writes one info line per request with reqId, method, route pattern, status and ms, and answers X-Request-Id', async () => {
    const res = await fetch(`${server.url}/v1/projects/${projectId}/requests?sort=top&q=dark`)
    expect(res.status).toBe(200)
    const reqId = res.headers.get('X-Request-Id') ?? ''
    expect(reqId).toMatch(UUID)
    const line = lineFor(res)
    expect(line.level).toBe('info')
    expect(line.fields).toMatchObject({
      reqId,
      method: 'GET',
      route: '/v1/projects/:projectId/requests',
      status: 200,
    })
    expect(typeof line.fields.ms).toBe('number')
    expect(JSON.stringify(line)).not.toContain(projectId)
    expect(JSON.stringify(line)).not.toContain('sort=')
  })

  it('keeps a safe incoming X-Request-Id and replaces an unsafe one', async () => {
    const kept = await fetch(`${server.url}/v1/projects/${projectId}/requests`, {
      headers: { 'X-Request-Id': 'proxy-abc.123_XYZ' },
    })
    expect(kept.headers.get('X-Request-Id')).toBe('proxy-abc.123_XYZ')
    expect(lineFor(kept).fields.reqId).toBe('proxy-abc.123_XYZ')
    for (const unsafe of ['a'.repeat(65), 'has space', 'quote"d', 'line\\nbreak', 'ü-umlaut']) {
      const res = await fetch(`${server.url}/v1/projects/${projectId}/requests`, {
        headers: { 'X-Request-Id': unsafe },
      })
      expect(res.headers.get('X-Request-Id')).toMatch(UUID)
    }
  })

  it('labels a path no route serves "unmatched", and a refused one at info with its error code', async () => {
    const unknown = await fetch(`${server.url}/wp-login.php?user=admin`)
    expect(unknown.status).toBe(404)
    expect(lineFor(unknown)).toMatchObject({
      level: 'info',
      fields: { route: 'unmatched', status: 404 },
    })
    const invalid = await fetch(`${server.url}/v1/projects/${projectId}/requests`, {
      method: 'POST',
      headers: { ...visitor().headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: '' }),
    })
    expect(invalid.status).toBe(400)
    expect(lineFor(invalid)).toMatchObject({
      level: 'info',
      fields: { status: 400, code: 'validation_failed' },
    })
  })

  it('logs a 429 at warn, naming the limit', async () => {
    const person = visitor()
    const requestId = await submit(server, projectId, person, 'Dark mode')
    let limited: Response | undefined
    for (let i = 0; i < 4 && !limited; i++) {
      const res = await fetch(`${server.url}/v1/projects/${projectId}/requests/${requestId}/vote`, {
        method: 'POST',
        headers: person.headers,
      })
      if (res.status === 429) limited = res
    }
    expect(limited).toBeDefined()
    expect(lineFor(limited as Response)).toMatchObject({
      level: 'warn',
      fields: {
        route: '/v1/projects/:projectId/requests/:requestId/vote',
        status: 429,
        limit: 'person_writes',
      },
    })
  })

  it('logs a wrong admin token, a wrong password and an invalid identity token at warn; a missing credential at info', async () => {
    const wrongToken = await fetch(`${server.url}/v1/admin/projects`, {
      headers: { Authorization: 'Bearer not-the-admin-token' },
    })
    expect(wrongToken.status).toBe(401)
    expect(lineFor(wrongToken)).toMatchObject({
      level: 'warn',
      fields: { authFailure: 'admin_token' },
    })

    const noCredential = await fetch(`${server.url}/v1/admin/projects`)
    expect(noCredential.status).toBe(401)
    expect(lineFor(noCredential).level).toBe('info')

    const owner = await setUpOwner(server)
    const wrongPassword = await logIn(server, owner.member.email, 'not the password at all')
    expect(wrongPassword.status).toBe(401)
    expect(lineFor(wrongPassword)).toMatchObject({
      level: 'warn',
      fields: { route: '/v1/auth/login', authFailure: 'password' },
    })

    const wrongSetupToken = await postJson(server, '/v1/auth/setup', {
      adminToken: 'not-the-admin-token',
      email: 'someone@example.com',
      name: 'Someone',
      password: 'a long enough password',
    })
    expect(wrongSetupToken.status).toBe(401)
    expect(lineFor(wrongSetupToken).fields.authFailure).toBe('admin_token')

    const forged = await mintToken('not the project secret', {
      sub: 'ann',
      aud: audienceFor(projectId),
    })
    const badIdentity = await fetch(`${server.url}/v1/projects/${projectId}/requests`, {
      headers: { Authorization: `Bearer ${forged}` },
    })
    expect(badIdentity.status).toBe(401)
    expect(lineFor(badIdentity)).toMatchObject({
      level: 'warn',
      fields: { code: 'token_signature', authFailure: 'identity_token' },
    })
  })

  it('logs probes and scrapes at debug only', async () => {
    for (const path of ['/healthz', '/readyz', '/metrics']) {
      const res = await fetch(`${server.url}${path}`, {
        headers: { Authorization: 'Bearer metrics-token-for-tests-0123456789' },
      })
      expect(lineFor(res).level).toBe('debug')
    }
  })

  it('logs a 5xx at error with the error and its stack, and answers no stack', async () => {
    await server.store.close()
    const res = await server.adminFetch('/v1/admin/projects')
    expect(res.status).toBe(500)
    expect(await res.text()).not.toMatch(/\bat .*\.ts/)
    const line = lineFor(res)
    expect(line.level).toBe('error')
    expect(line.fields).toMatchObject({ route: '/v1/admin/projects', status: 500 })
    expect(line.error).toBeInstanceOf(Error)
    expect((line.error as Error).stack).toMatch(/\bat /)
  })
})
