import { request as httpRequest } from 'node:http'
import { type Context, Hono } from 'hono'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { systemClock } from '../../../src/server/clock'
import { ReadCaches } from '../../../src/server/http/read-caches'
import { listen, type RunningServer } from '../../../src/server/listen'
import { routedPath, servePortalDomains } from '../../../src/server/portal/portal-domain'
import { PortalDomains } from '../../../src/server/portal/portal-domains'
import type { Store } from '../../../src/server/store'
import { truncateAllTables } from '../../../src/server/store/reset'
import { storeBackends } from '../../helpers/backends'
import { serverWithFreshProject } from '../../helpers/fresh-project'
import type { TestServer } from '../../helpers/start-server'

/**
 * The domain middleware in an app of its own whose routes say where a request was routed: the
 * portal's pages live on the portal-pages branch, and what is under test here is only which
 * path and project a `Host` leads to. Real HTTP, so `Host` is what the socket carried.
 */
function probeApp(store: Store, caches: ReadCaches, publicUrl: string | null) {
  const app = new Hono({ getPath: routedPath })
  app.use(
    '*',
    servePortalDomains({
      domains: new PortalDomains(store, systemClock, caches),
      config: { publicUrl },
      dispatch: (request, env) => app.fetch(request, env),
    }),
  )
  const where = (c: Context) =>
    c.json({
      routed: c.req.path,
      url: c.req.url,
      method: c.req.method,
    })
  app.get('/p/:pid', where)
  app.on(['GET', 'POST', 'DELETE'], '/p/:pid/*', where)
  app.get('/widget.js', where)
  app.get('/', (c) => c.text('Reqio’s own home'))
  return app
}

interface Answer {
  status: number
  body: string
}

/** fetch() may not set Host; a proxy does, so this does too. */
function get(port: number, host: string, path: string, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method, headers: { Host: host } })
    req.on('response', (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk) => {
        body += chunk
      })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe.each(storeBackends())('a portal’s custom domain on the $name database', (backend) => {
  let store: Store
  let running: RunningServer
  let caches: ReadCaches
  let acme: string
  let globex: string

  beforeAll(async () => {
    store = await backend.open()
    caches = new ReadCaches(store, systemClock)
    running = await listen(probeApp(store, caches, 'https://reqio.example.test'), '127.0.0.1', 0)
  })
  afterAll(async () => {
    await running.drain(1000)
    await store.close()
  })
  beforeEach(async () => {
    await truncateAllTables(store.db)
    const now = Date.now()
    acme = (await store.projects.create({ id: 'acme-1', name: 'Acme', secret: 's1', now })).id
    globex = (await store.projects.create({ id: 'globex-1', name: 'Globex', secret: 's2', now })).id
    await store.projects.update(acme, { settings: { portal: { domain: 'feedback.acme.test' } } })
    await caches.forgetProject(acme)
  })

  const routed = async (host: string, path: string, method = 'GET') => {
    const answer = await get(running.port, host, path, method)
    expect(answer.status).toBe(200)
    return JSON.parse(answer.body) as {
      routed: string
      url: string
      method: string
    }
  }

  it('serves the project’s board at / of its domain, whatever the case or port of Host', async () => {
    expect(await routed('feedback.acme.test', '/')).toMatchObject({
      routed: `/p/${acme}`,
    })
    expect((await routed('Feedback.ACME.test:8443', '/')).routed).toBe(`/p/${acme}`)
  })

  it.each([
    ['/requests/r_42', '/requests/r_42'],
    ['/roadmap', '/roadmap'],
    ['/changelog', '/changelog'],
    ['/changelog.xml', '/changelog.xml'],
    ['/sitemap.xml', '/sitemap.xml'],
    ['/sso?token=t&return_to=%2F', '/sso'],
  ])(
    'serves %s as the same page under /p/{pid}, keeping the URL the browser used',
    async (path, under) => {
      const where = await routed('feedback.acme.test', path)
      expect(where.routed).toBe(`/p/${acme}${under}`)
      expect(where.url).toBe(`http://feedback.acme.test${path}`)
    },
  )

  it('maps the portal’s writes too', async () => {
    expect(await routed('feedback.acme.test', '/requests/r_42/vote', 'DELETE')).toMatchObject({
      routed: `/p/${acme}/requests/r_42/vote`,
      method: 'DELETE',
    })
    expect((await routed('feedback.acme.test', '/requests', 'POST')).routed).toBe(
      `/p/${acme}/requests`,
    )
    expect((await routed('feedback.acme.test', '/sso/logout', 'POST')).routed).toBe(
      `/p/${acme}/sso/logout`,
    )
  })

  it('leaves other paths on the domain as they are (the widget, /p/ itself)', async () => {
    expect(await routed('feedback.acme.test', '/widget.js')).toMatchObject({
      routed: '/widget.js',
    })
    expect((await routed('feedback.acme.test', `/p/${globex}/roadmap`)).routed).toBe(
      `/p/${globex}/roadmap`,
    )
    expect((await get(running.port, 'feedback.acme.test', '/dashboard')).status).toBe(404)
  })

  it('serves Reqio itself on its own host and on hosts no project claimed', async () => {
    for (const host of ['reqio.example.test', 'unclaimed.example.test', '127.0.0.1'])
      expect(await get(running.port, host, '/')).toEqual({ status: 200, body: 'Reqio’s own home' })
    expect(await get(running.port, 'unclaimed.example.test', '/roadmap')).toMatchObject({
      status: 404,
    })
  })

  it('follows a domain moved to another project as soon as the settings are saved', async () => {
    expect((await routed('feedback.acme.test', '/')).routed).toBe(`/p/${acme}`)
    await store.projects.update(acme, { settings: { portal: { domain: null } } })
    await store.projects.update(globex, {
      settings: { portal: { domain: 'feedback.acme.test' } },
    })
    await caches.forgetProject(globex)
    expect((await routed('feedback.acme.test', '/')).routed).toBe(`/p/${globex}`)
  })
})

describe.each(storeBackends())('a custom domain set in the admin API on $name', (backend) => {
  let server: TestServer
  let projectId: string

  serverWithFreshProject({ demo: false, databaseUrl: backend.databaseUrl }, 'Acme', (fresh) => {
    ;({ server, projectId } = fresh)
  })

  /** What a browser gets, as status, type and body: the same page on both addresses. */
  const page = async (host: string, path: string) => {
    const port = Number(new URL(server.url).port)
    const answer = await get(port, host, path)
    return { status: answer.status, body: answer.body.replaceAll(host, '<host>') }
  }

  it('serves the portal at / of the domain from the moment the setting is saved', async () => {
    const before = await page('feedback.acme.test', '/')
    const res = await server.adminFetch(`/v1/admin/projects/${projectId}`, {
      method: 'PATCH',
      body: JSON.stringify({ settings: { portal: { domain: 'feedback.acme.test' } } }),
    })
    expect(res.status).toBe(200)
    const onDomain = await page('feedback.acme.test', '/')
    expect(onDomain.status).toBe((await page('127.0.0.1', `/p/${projectId}`)).status)
    // Before, the domain was just another name for Reqio's own home page.
    expect(before).toEqual(await page('127.0.0.1', '/'))
    expect(onDomain).not.toEqual(before)
  })
})
