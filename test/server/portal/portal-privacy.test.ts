import { describe, expect, it } from 'vitest'
import { audienceFor } from '../../../src/shared/identity'
import { storeBackends } from '../../helpers/backends'
import { serverWithFreshProject } from '../../helpers/fresh-project'
import type { TestServer } from '../../helpers/start-server'
import { mintToken } from '../../helpers/tokens'
import {
  adminPatchRequest,
  commentOn,
  submitRequest,
  withPortalSettings,
  writeChangelogEntry,
} from './portal-fixtures'

let server: TestServer
let projectId: string
let secret: string

/** What must never reach a portal page, whoever looks. */
const SECRETS = {
  sub: 'sub-never-public-7f3a',
  email: 'never-public@example.com',
  plan: 'plan-never-public',
  amount: '987654',
  mrr: '9876.54',
  internal: 'INTERNAL note never public',
  hidden: 'HIDDEN comment never public',
  draft: 'DRAFT entry never public',
  draftBody: 'draft body never public',
  company: 'company-never-public',
}

describe.each(storeBackends())('the portal’s privacy on the $name database', (backend) => {
  serverWithFreshProject({ demo: false, databaseUrl: backend.databaseUrl }, 'Acme', (fresh) => {
    ;({ server, projectId, secret } = fresh)
  })

  it('never shows a sub, email, plan, revenue, internal note, hidden comment or draft on any page', async () => {
    const claims = {
      sub: SECRETS.sub,
      aud: audienceFor(projectId),
      email: SECRETS.email,
      name: 'Ada',
      traits: { plan: SECRETS.plan, amount: Number(SECRETS.amount), interval: 'month' },
      company: { id: SECRETS.company, name: SECRETS.company, plan: SECRETS.plan },
    }
    const auth = { Authorization: `Bearer ${await mintToken(secret, claims)}` }
    const id = await submitRequest(server, projectId, { title: 'Dark mode', body: 'Please' }, auth)
    const merged = await submitRequest(server, projectId, { title: 'Night theme' }, auth)
    await commentOn(server, projectId, id, 'A public comment', auth)
    const hidden = await commentOn(server, projectId, id, SECRETS.hidden, auth)
    await server.adminFetch(`/v1/admin/projects/${projectId}/comments/${hidden}`, {
      method: 'PATCH',
      body: JSON.stringify({ hidden: true }),
    })
    await server.adminFetch(`/v1/admin/projects/${projectId}/requests/${id}/comments`, {
      method: 'POST',
      body: JSON.stringify({ body: SECRETS.internal, internal: true }),
    })
    await adminPatchRequest(server, projectId, id, { status: 'planned', statusNote: 'Soon' })
    await adminPatchRequest(server, projectId, merged, { mergeInto: id })
    await writeChangelogEntry(server, projectId, {
      title: 'Shipped',
      body: 'Public words',
      requestIds: [id],
      publish: true,
    })
    await writeChangelogEntry(server, projectId, {
      title: SECRETS.draft,
      body: SECRETS.draftBody,
      requestIds: [id],
      publish: false,
    })
    withPortalSettings(server, { ssoUrl: 'https://app.example.com/reqio/sso' })

    // The signed-in person (their own pages) and a stranger see the same public facts.
    const signIn = await fetch(
      `${server.url}/p/${projectId}/sso?${new URLSearchParams({ token: await mintToken(secret, claims) })}`,
      { redirect: 'manual' },
    )
    const cookie = /reqio_portal=([^;]+)/.exec(signIn.headers.get('set-cookie') ?? '')?.[1]
    expect(cookie).toBeTruthy()

    const pages = [
      '',
      '?sort=new',
      '?q=Dark',
      '?status=planned',
      `/requests/${id}`,
      '/roadmap',
      '/changelog',
      '/changelog.xml',
      '/sitemap.xml',
      '/no-such-page',
      `/requests/${merged}`,
    ]
    let seen = 0
    for (const headers of [{}, { Cookie: `reqio_portal=${cookie}` }] as Array<
      Record<string, string>
    >) {
      for (const path of pages) {
        const res = await fetch(`${server.url}/p/${projectId}${path}`, {
          headers,
          redirect: 'follow',
        })
        expect(res.status, path).toBeLessThan(path === '/no-such-page' ? 500 : 300)
        const text = await res.text()
        for (const secretValue of Object.values(SECRETS)) {
          expect(text, `${path} shows ${secretValue}`).not.toContain(secretValue)
        }
        seen++
      }
    }
    expect(seen).toBe(pages.length * 2)
    const signedIn = await fetch(`${server.url}/p/${projectId}/requests/${id}`, {
      headers: { Cookie: `reqio_portal=${cookie}` },
    })
    const html = await signedIn.text()
    expect(html).toContain('Signed in as Ada')
    expect(html).toContain('A public comment')
    expect(signedIn.headers.get('cache-control')).toBe('private, no-store')
  })
})
