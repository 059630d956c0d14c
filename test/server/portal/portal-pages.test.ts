import { request } from 'node:http'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ANONYMOUS_ID_HEADER, audienceFor } from '../../../src/shared/identity'
import { storeBackends } from '../../helpers/backends'
import { serverWithFreshProject } from '../../helpers/fresh-project'
import type { TestServer } from '../../helpers/start-server'
import { mintToken } from '../../helpers/tokens'
import {
  adminPatchRequest,
  commentOn,
  forgetCachedProject,
  submitRequest,
  withPortalSettings,
  writeChangelogEntry,
} from './portal-fixtures'

let server: TestServer
let projectId: string
let secret: string

const portal = (path = '', headers: Record<string, string> = {}) =>
  fetch(`${server.url}/p/${projectId}${path}`, { headers, redirect: 'manual' })

async function page(path = '', headers: Record<string, string> = {}) {
  const res = await portal(path, headers)
  return { res, html: await res.text() }
}

/** The content of the first `<meta>` whose attribute (name or property) is `key`. */
function meta(html: string, key: string): string | undefined {
  const tag = html.match(new RegExp(`<meta (?:name|property)="${key}" content="([^"]*)"`))
  return tag?.[1]
}

/** fetch() will not send another Host: node:http will. */
function getWithHost(path: string, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { headers: { Host: host } }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        body += chunk
      })
      res.on('end', () => resolve(body))
    })
    req.on('error', reject)
    req.end()
  })
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe.each(storeBackends())('the portal pages on the $name database', (backend) => {
  serverWithFreshProject({ demo: false, databaseUrl: backend.databaseUrl }, 'Acme', (fresh) => {
    ;({ server, projectId, secret } = fresh)
  })

  it('lists the board’s requests with links to their pages, readable without JavaScript', async () => {
    const dark = await submitRequest(server, projectId, { title: 'Dark mode' })
    await submitRequest(server, projectId, { title: 'CSV export' })
    const { res, html } = await page()
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(html.startsWith('<!doctype html><html lang="en">')).toBe(true)
    expect(html).toContain(
      `<a class="row-title" href="/p/${projectId}/requests/${dark}">Dark mode</a>`,
    )
    expect(html).toContain('CSV export')
    expect(html).toContain('2 requests')
    expect(html).toContain(`data-portal-vote="${dark}"`)
  })

  it('heads every page with title, description, canonical, OpenGraph and noindex', async () => {
    const id = await submitRequest(server, projectId, {
      title: 'Dark mode',
      body: 'Night shifts hurt.',
    })
    for (const [path, title] of [
      ['', 'Acme feedback'],
      [`/requests/${id}`, 'Dark mode · Acme'],
      ['/roadmap', 'Roadmap · Acme'],
      ['/changelog', 'Changelog · Acme'],
    ] as const) {
      const { html } = await page(path)
      const canonical = `${server.url}/p/${projectId}${path}`
      expect(html, path).toContain(`<title>${title}</title>`)
      expect(html, path).toContain(`<link rel="canonical" href="${canonical}"/>`)
      expect(meta(html, 'og:url'), path).toBe(canonical)
      expect(meta(html, 'og:title'), path).toBe(title)
      expect(meta(html, 'description'), path).toBeTruthy()
      expect(meta(html, 'robots'), path).toBe('noindex')
    }
    const { html } = await page(`/requests/${id}`)
    expect(meta(html, 'description')).toBe('Night shifts hurt.')
    expect(meta(html, 'og:type')).toBe('article')
  })

  it('drops noindex when the project opts in to search engines', async () => {
    withPortalSettings(server, { portal: { indexable: true } })
    await forgetCachedProject(server, projectId)
    const { html } = await page()
    expect(meta(html, 'robots')).toBeUndefined()
  })

  it('makes absolute URLs from the scheme and Host the request came to', async () => {
    const html = await getWithHost(`/p/${projectId}/roadmap`, 'reqio.example.net')
    expect(html).toContain(
      `<link rel="canonical" href="http://reqio.example.net/p/${projectId}/roadmap"/>`,
    )
  })

  it('speaks German or French from ?lang= or Accept-Language, with their plurals and dates', async () => {
    const id = await submitRequest(server, projectId, { title: 'Dunkelmodus' })
    const de = await page('', { 'Accept-Language': 'fr;q=0.5, de-AT, en;q=0.8' })
    expect(de.html).toContain('<html lang="de">')
    expect(de.html).toContain('1 Wunsch')
    const fr = await page(`/requests/${id}?lang=fr`, { 'Accept-Language': 'de' })
    expect(fr.html).toContain('<html lang="fr">')
    expect(fr.html).toContain('1 vote')
    expect(fr.html).toContain('0 commentaire')
    const year = new Date().getUTCFullYear()
    expect(fr.html).toMatch(new RegExp(`Publiée <time[^>]*>\\d{1,2} \\S+ ${year}</time>`))
    const other = await page('?lang=ja', { 'Accept-Language': 'ja, es;q=0.9' })
    expect(other.html).toContain('<html lang="en">')
    expect(other.html).toContain('1 request')
  })

  it('filters the board by status, sorts it and searches it through the query string', async () => {
    const a = await submitRequest(server, projectId, { title: 'Dark mode' })
    await submitRequest(server, projectId, { title: 'Slack alerts' })
    await adminPatchRequest(server, projectId, a, { status: 'planned' })
    const planned = await page('?status=planned')
    expect(planned.html).toContain('Dark mode')
    expect(planned.html).not.toContain('Slack alerts')
    const search = await page('?q=slack&sort=new')
    expect(search.html).toContain('Slack alerts')
    expect(search.html).not.toContain('>Dark mode<')
    const nothing = await page('?q=zzzz-nothing')
    expect(nothing.html).toContain('No requests found.')
  })

  it('shows a request with its status, the team’s note and public comments only', async () => {
    const token = await mintToken(secret, { sub: 'ann', aud: audienceFor(projectId), name: 'Ann' })
    const id = await submitRequest(server, projectId, { title: 'Dark mode', body: 'Please.' })
    await commentOn(server, projectId, id, 'Would love it', { Authorization: `Bearer ${token}` })
    await adminPatchRequest(server, projectId, id, {
      status: 'in_progress',
      statusNote: 'Shipping in May',
    })
    const { res, html } = await page(`/requests/${id}`)
    expect(res.status).toBe(200)
    expect(html).toContain('<h1>Dark mode</h1>')
    expect(html).toContain('Please.')
    expect(html).toContain('In progress')
    expect(html).toContain('Shipping in May')
    expect(html).toContain('<strong>Ann</strong>')
    expect(html).toContain('Would love it')
    expect(html).toContain('1 comment')
  })

  it('pages back through a long thread with plain links, oldest comment last reached', async () => {
    const id = await submitRequest(server, projectId, { title: 'Dark mode' })
    const who = { [ANONYMOUS_ID_HEADER]: 'portal-anon-0003' }
    await server.adminFetch(`/v1/admin/projects/${projectId}`, {
      method: 'PATCH',
      body: JSON.stringify({ settings: { allowAnonymousComments: true } }),
    })
    for (let n = 1; n <= 52; n++)
      await commentOn(server, projectId, id, `Comment number ${n}.`, who)
    const newest = await page(`/requests/${id}`)
    expect(newest.html).toContain('Comment number 52.')
    expect(newest.html).not.toContain('Comment number 2.<')
    const older = /<a href="([^"]+)" data-portal-older/
      .exec(newest.html)?.[1]
      ?.replaceAll('&amp;', '&')
    expect(older).toMatch(new RegExp(`^/p/${projectId}/requests/${id}\\?before=`))
    const first = await fetch(`${server.url}${older}`)
    const firstHtml = await first.text()
    expect(firstHtml).toContain('Comment number 1.')
    expect(firstHtml).toContain('Comment number 2.')
    expect(firstHtml).not.toContain('Comment number 3.')
    expect(firstHtml).not.toContain('data-portal-older')
    const bad = await page(`/requests/${id}?before=not-a-cursor`)
    expect(bad.res.status).toBe(404)
  })

  it('answers odd input with a page or a 4xx, never a 5xx, and escapes what it echoes', async () => {
    await submitRequest(server, projectId, { title: 'Dark mode' })
    for (const path of [
      `?q=${'x'.repeat(5000)}`,
      '?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E',
      '?status=%3Cb%3E&sort=%00&lang=%E2%80%AE',
      '?sort=new&sort=top&q=a&q=b',
      '/requests/%E2%80%AE%00',
      `/requests/${'r'.repeat(3000)}`,
      '/requests/x?before=%FF%FE',
      '/changelog.xml?lang=de',
    ]) {
      const { res, html } = await page(path, { 'Accept-Language': 'de;q=oops, ,,;' })
      expect(res.status, path).toBeLessThan(500)
      expect(html, path).not.toContain('<script>alert')
    }
  })

  it('answers a merged request with a 301 to the one it went into', async () => {
    const a = await submitRequest(server, projectId, { title: 'Dark theme' })
    const b = await submitRequest(server, projectId, { title: 'Dark mode' })
    await adminPatchRequest(server, projectId, a, { mergeInto: b })
    const res = await portal(`/requests/${a}?lang=de`)
    expect(res.status).toBe(301)
    expect(res.headers.get('location')).toBe(`/p/${projectId}/requests/${b}?lang=de`)
  })

  it('answers an HTML 404 for an unknown request, page or project', async () => {
    for (const url of [
      `${server.url}/p/${projectId}/requests/no-such-request`,
      `${server.url}/p/${projectId}/nothing-here`,
      `${server.url}/p/no-such-project`,
      `${server.url}/p/no-such-project/roadmap`,
    ]) {
      const res = await fetch(url)
      expect(res.status, url).toBe(404)
      expect(res.headers.get('content-type'), url).toBe('text/html; charset=utf-8')
      expect(await res.text(), url).toContain('Page not found')
    }
  })

  it('answers 404 on every page, the feed and the sitemap when the portal is off', async () => {
    const id = await submitRequest(server, projectId, { title: 'Dark mode' })
    withPortalSettings(server, { portal: { enabled: false } })
    await forgetCachedProject(server, projectId)
    for (const path of [
      '',
      `/requests/${id}`,
      '/roadmap',
      '/changelog',
      '/changelog.xml',
      '/sitemap.xml',
    ]) {
      const { res, html } = await page(path)
      expect(res.status, path).toBe(404)
      expect(html, path).not.toContain('Dark mode')
    }
  })

  it('puts the roadmap’s lanes and the published changelog on their pages, drafts left out', async () => {
    const a = await submitRequest(server, projectId, { title: 'Audit log' })
    await adminPatchRequest(server, projectId, a, { status: 'planned' })
    await writeChangelogEntry(server, projectId, {
      title: 'March release',
      body: 'Now with **bold** [docs](https://example.com/docs) <script>alert(1)</script>',
      requestIds: [a],
      publish: true,
    })
    await writeChangelogEntry(server, projectId, {
      title: 'Secret draft',
      body: 'x',
      publish: false,
    })
    const roadmap = await page('/roadmap')
    expect(roadmap.html).toContain('<h2 id="lane-planned">Planned')
    const changelog = await page('/changelog')
    expect(changelog.html).toContain('<h2>March release</h2>')
    expect(changelog.html).toContain('<strong>bold</strong>')
    expect(changelog.html).toContain('href="https://example.com/docs"')
    expect(changelog.html).not.toContain('<script>alert')
    expect(changelog.html).not.toContain('Secret draft')
    expect(changelog.html).toContain(`href="/p/${projectId}/requests/${a}">Audit log</a>`)
  })

  it('serves an Atom feed of the published entries and a sitemap of every page', async () => {
    const a = await submitRequest(server, projectId, { title: 'Audit log' })
    const b = await submitRequest(server, projectId, { title: 'Dark mode' })
    const entry = await writeChangelogEntry(server, projectId, {
      title: 'March & more',
      body: 'Hello *world*',
      publish: true,
    })
    await writeChangelogEntry(server, projectId, {
      title: 'Secret draft',
      body: 'x',
      publish: false,
    })
    const base = `${server.url}/p/${projectId}`
    const feed = await page('/changelog.xml')
    expect(feed.res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8')
    expect(feed.html).toContain('<feed xmlns="http://www.w3.org/2005/Atom"')
    expect(feed.html).toContain('<title>March &amp; more</title>')
    expect(feed.html).toContain(`<id>${base}/changelog#entry-${entry.id}</id>`)
    expect(feed.html).toContain(
      '<content type="html">&lt;p&gt;Hello &lt;em&gt;world&lt;/em&gt;&lt;/p&gt;</content>',
    )
    expect(feed.html).not.toContain('Secret draft')
    const sitemap = await page('/sitemap.xml')
    expect(sitemap.res.headers.get('content-type')).toBe('application/xml; charset=utf-8')
    const locs = [...sitemap.html.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1])
    expect(locs.sort()).toEqual(
      [
        base,
        `${base}/roadmap`,
        `${base}/changelog`,
        `${base}/requests/${a}`,
        `${base}/requests/${b}`,
      ].sort(),
    )
  })

  it('shows a vote or a new request on the next load: the cached page is dropped on write', async () => {
    const id = await submitRequest(server, projectId, { title: 'Dark mode' })
    expect((await page()).html).toContain('1 request')
    await fetch(`${server.url}/v1/projects/${projectId}/requests/${id}/vote`, {
      method: 'POST',
      headers: { [ANONYMOUS_ID_HEADER]: 'portal-anon-0002' },
    })
    await submitRequest(server, projectId, { title: 'CSV export' })
    const after = await page()
    expect(after.html).toContain('2 requests')
    expect(after.html).toMatch(/aria-label="Vote for Dark mode: 2"/)
    expect((await page(`/requests/${id}`)).html).toContain('2 votes')
  })

  it('sends its own CSP: our script and our one stylesheet, no framing', async () => {
    const { res } = await page()
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/)
    expect(csp).toContain("frame-ancestors 'none'")
  })

  it('does not load widget.js', async () => {
    const { html } = await page()
    expect(html).not.toContain('widget.js')
    expect(html).toContain('<script src="/portal.js" defer>')
  })
})

describe('the portal on its custom domain', () => {
  serverWithFreshProject({ demo: false }, 'Acme', (fresh) => {
    ;({ server, projectId, secret } = fresh)
  })

  it('links and canonical URLs use the domain’s root when the Host is portal.domain', async () => {
    const id = await submitRequest(server, projectId, { title: 'Dark mode' })
    withPortalSettings(server, { portal: { domain: 'feedback.example.com', indexable: true } })
    await forgetCachedProject(server, projectId)
    const html = await getWithHost(`/p/${projectId}`, 'feedback.example.com')
    expect(html).toContain('<link rel="canonical" href="http://feedback.example.com/"/>')
    expect(html).toContain(`<a class="row-title" href="/requests/${id}">Dark mode</a>`)
    expect(html).toContain('<a href="/roadmap">')
    expect(html).toMatch(/data-portal-root(="")?>/)
    // Reqio's own host still serves the same portal under /p/{pid}.
    const own = await (await portal('')).text()
    expect(own).toContain(`<link rel="canonical" href="${server.url}/p/${projectId}"/>`)
  })

  it('gives every answer its own idempotency key, cached page or not', async () => {
    const first = await (await portal('')).text()
    const second = await (await portal('')).text()
    const key = (html: string) => /name="idempotencyKey" value="([^"]+)"/.exec(html)?.[1]
    expect(key(first)).toMatch(/^[0-9a-f-]{36}$/)
    expect(key(second)).toMatch(/^[0-9a-f-]{36}$/)
    expect(key(first)).not.toBe(key(second))
  })

  it('shows a visitor their own vote after a form post, with a way to take it back', async () => {
    const id = await submitRequest(server, projectId, { title: 'Dark mode' })
    const voted = await fetch(`${server.url}/p/${projectId}/requests/${id}/vote`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: '',
      redirect: 'manual',
    })
    expect(voted.status).toBe(303)
    const cookie = /reqio_portal_visitor=([^;]+)/.exec(voted.headers.get('set-cookie') ?? '')?.[1]
    expect(cookie).toBeTruthy()
    const mine = await (await portal('', { Cookie: `reqio_portal_visitor=${cookie}` })).text()
    expect(mine).toContain('data-voted="true"><input type="hidden" name="_method" value="DELETE"/>')
    const stranger = await (await portal('')).text()
    expect(stranger).toContain('data-voted="false"')
    expect(stranger).not.toContain('name="_method"')
  })
})
