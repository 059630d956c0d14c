import { describe, expect, it } from 'vitest'
import type { CommentResponse, RequestResponse } from '../../../src/shared/api'
import { storeBackends } from '../../helpers/backends'
import { serverWithFreshProject } from '../../helpers/fresh-project'
import type { TestServer } from '../../helpers/start-server'
import { personToken, publicApi } from '../routes/editing-fixtures'

let server: TestServer
let projectId: string
let secret: string

/** A browser with JavaScript off on the portal: it keeps its cookies and posts forms. */
class Browser {
  cookies = new Map<string, string>()

  async send(method: string, path: string, form?: Record<string, string>, json?: unknown) {
    const headers = new Headers({ Origin: server.url })
    if (this.cookies.size > 0) {
      headers.set('Cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '))
    }
    let body: string | undefined
    if (form) {
      headers.set('Content-Type', 'application/x-www-form-urlencoded')
      body = new URLSearchParams(form).toString()
    } else if (json !== undefined) {
      headers.set('Content-Type', 'application/json')
      body = JSON.stringify(json)
    }
    const res = await fetch(`${server.url}/p/${projectId}${path}`, {
      method,
      headers,
      body,
      redirect: 'manual',
    })
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const [name, value] = (pair ?? '').split('=')
      if (name && value) this.cookies.set(name, value)
    }
    return res
  }

  async page(path: string) {
    const res = await this.send('GET', path)
    expect(res.status).toBe(200)
    return res.text()
  }

  async submit(title: string) {
    const res = await this.send('POST', '/requests', undefined, { title, body: 'At night' })
    expect(res.status).toBe(201)
    return ((await res.json()) as RequestResponse).request
  }

  async comment(requestId: string, body: string) {
    const res = await this.send('POST', `/requests/${requestId}/comments`, undefined, { body })
    expect(res.status).toBe(201)
    return ((await res.json()) as CommentResponse).comment
  }
}

describe.each(storeBackends())('editing your own words on the portal on $name', (backend) => {
  serverWithFreshProject({ demo: false, databaseUrl: backend.databaseUrl }, 'Acme', (fresh) => {
    ;({ server, projectId, secret } = fresh)
  })

  async function allowAnonymousComments() {
    await server.adminFetch(`/v1/admin/projects/${projectId}`, {
      method: 'PATCH',
      body: JSON.stringify({ settings: { allowAnonymousComments: true } }),
    })
  }

  it('shows Edit and Delete forms only on your own comment and your own request', async () => {
    await allowAnonymousComments()
    const ann = new Browser()
    const request = await ann.submit('Dark mode')
    const mine = await ann.comment(request.id, 'Mine')
    const bob = new Browser()
    const theirs = await bob.comment(request.id, 'Theirs')
    const page = await ann.page(`/requests/${request.id}`)
    expect(page).toContain(`data-portal-own-comment="${mine.id}"`)
    expect(page).not.toContain(`data-portal-own-comment="${theirs.id}"`)
    expect(page).toContain(`action="/p/${projectId}/requests/${request.id}/comments/${mine.id}"`)
    expect(page).toContain('name="_method" value="DELETE"')
    // Bob commented: the request's words can no longer change, so no Edit for them.
    expect(page).not.toContain('data-portal-own-request')
    expect(await bob.page(`/requests/${request.id}`)).not.toContain('data-portal-own-request')
  })

  it('edits a comment by form: 303 back to it, new words on the page marked "edited"', async () => {
    await allowAnonymousComments()
    const ann = new Browser()
    const request = await ann.submit('Dark mode')
    const comment = await ann.comment(request.id, 'Pleese')
    const res = await ann.send('POST', `/requests/${request.id}/comments/${comment.id}`, {
      body: 'Please',
    })
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe(
      `/p/${projectId}/requests/${request.id}#comment-${comment.id}`,
    )
    const page = await ann.page(`/requests/${request.id}`)
    expect(page).toContain('>Please</p>')
    expect(page).toContain('class="edited">edited<')
  })

  it('deletes a comment by form with _method=DELETE, and the count follows', async () => {
    await allowAnonymousComments()
    const ann = new Browser()
    const request = await ann.submit('Dark mode')
    const comment = await ann.comment(request.id, 'Withdrawn')
    const res = await ann.send('POST', `/requests/${request.id}/comments/${comment.id}`, {
      _method: 'DELETE',
    })
    expect(res.status).toBe(303)
    const page = await ann.page(`/requests/${request.id}`)
    expect(page).not.toContain('Withdrawn')
    const detail = await publicApi(server, projectId).detail(
      { anonymousId: 'x-portal-0001' },
      request.id,
    )
    expect(detail.commentCount).toBe(0)
  })

  it('refuses another visitor\'s form with the "Not saved" page and changes nothing', async () => {
    await allowAnonymousComments()
    const ann = new Browser()
    const request = await ann.submit('Dark mode')
    const comment = await ann.comment(request.id, 'Mine')
    const bob = new Browser()
    await bob.page('')
    const res = await bob.send('POST', `/requests/${request.id}/comments/${comment.id}`, {
      _method: 'DELETE',
    })
    expect(res.status).toBe(403)
    expect(await res.text()).toContain('Not saved')
    expect(await ann.page(`/requests/${request.id}`)).toContain('Mine')
  })

  it('edits your request by form while nobody else joined, and says why once someone did', async () => {
    const ann = new Browser()
    const request = await ann.submit('Drak mode')
    const edit = await ann.send('POST', `/requests/${request.id}`, {
      title: 'Dark mode',
      body: 'For the night shift',
    })
    expect(edit.status).toBe(303)
    expect(edit.headers.get('Location')).toBe(`/p/${projectId}/requests/${request.id}`)
    const page = await ann.page(`/requests/${request.id}`)
    expect(page).toContain('<h1>Dark mode</h1>')
    expect(page).toContain('class="edited"')
    const api = publicApi(server, projectId)
    await api.vote({ token: await personToken(secret, projectId, 'bob') }, request.id)
    const refused = await ann.send('POST', `/requests/${request.id}`, { title: 'Dark theme' })
    expect(refused.status).toBe(409)
    const text = await refused.text()
    expect(text).toContain('Not saved')
    expect(text).toContain('Someone else has voted or commented')
  })

  it('answers JSON callers like the public API: PATCH and DELETE', async () => {
    await allowAnonymousComments()
    const ann = new Browser()
    const request = await ann.submit('Dark mode')
    const comment = await ann.comment(request.id, 'Hi')
    const patched = await ann.send(
      'PATCH',
      `/requests/${request.id}/comments/${comment.id}`,
      undefined,
      {
        body: 'Hello',
      },
    )
    expect(patched.status).toBe(200)
    expect(((await patched.json()) as CommentResponse).comment).toMatchObject({
      body: 'Hello',
      author: { you: true },
      editedAt: expect.any(String),
    })
    const title = await ann.send('PATCH', `/requests/${request.id}`, undefined, {
      title: 'Dark theme',
    })
    expect(((await title.json()) as RequestResponse).request.title).toBe('Dark theme')
    const deleted = await ann.send('DELETE', `/requests/${request.id}/comments/${comment.id}`)
    expect(deleted.status).toBe(204)
  })
})
