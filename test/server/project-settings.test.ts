import { describe, expect, it } from 'vitest'
import {
  type AdminProject,
  type AuditLogEntry,
  DEFAULT_PROJECT_SETTINGS,
  type WidgetProjectResponse,
} from '../../src/shared/api'
import { serverWithFreshProject } from '../helpers/fresh-project'
import type { TestServer } from '../helpers/start-server'

let server: TestServer
let projectId: string

serverWithFreshProject({ demo: false }, 'Acme Analytics', (fresh) => {
  ;({ server, projectId } = fresh)
})

function patchProject(body: unknown) {
  return server.adminFetch(`/v1/admin/projects/${projectId}`, {
    method: 'PATCH',
    body: JSON.stringify(body),
  })
}

describe('project settings', () => {
  it('start with requireIdentity and allowAnonymousComments off, in the admin list and the widget', async () => {
    const list = (await (await server.adminFetch('/v1/admin/projects')).json()) as {
      projects: AdminProject[]
    }
    expect(list.projects[0]?.settings).toEqual(DEFAULT_PROJECT_SETTINGS)
    expect(list.projects[0]?.settings).toMatchObject({
      requireIdentity: false,
      allowAnonymousComments: false,
    })
    const widget = (await (
      await fetch(`${server.url}/v1/projects/${projectId}/widget`)
    ).json()) as WidgetProjectResponse
    expect(widget.project.settings).toEqual(DEFAULT_PROJECT_SETTINGS)
  })

  it('changes one setting and the name without touching the other, and the widget sees it at once', async () => {
    const res = await patchProject({ name: 'Acme', settings: { requireIdentity: true } })
    expect(res.status).toBe(200)
    const { project } = (await res.json()) as { project: AdminProject }
    expect(project.name).toBe('Acme')
    expect(project.settings).toEqual({ ...DEFAULT_PROJECT_SETTINGS, requireIdentity: true })
    const widget = (await (
      await fetch(`${server.url}/v1/projects/${projectId}/widget`)
    ).json()) as WidgetProjectResponse
    expect(widget.project.settings.requireIdentity).toBe(true)
    expect(widget.project.name).toBe('Acme')
  })

  it.each([
    [{}, 'body'],
    [{ settings: { requireIdentity: 'yes' } }, 'settings.requireIdentity'],
    [{ settings: { surprise: true } }, 'settings.surprise'],
    [{ name: '' }, 'name'],
    [{ nmae: 'typo' }, 'nmae'],
  ])('refuses %j with validation_failed on %s', async (body, field) => {
    const res = await patchProject(body)
    expect(res.status).toBe(400)
    const { error } = (await res.json()) as { error: { code: string; field: string } }
    expect(error.code).toBe('validation_failed')
    expect(error.field).toBe(field)
  })

  it('answers project_not_found for an unknown project and 401 without the admin token', async () => {
    const missing = await server.adminFetch('/v1/admin/projects/nope', {
      method: 'PATCH',
      body: JSON.stringify({ name: 'x' }),
    })
    expect(missing.status).toBe(404)
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe(
      'project_not_found',
    )
    const anonymous = await fetch(`${server.url}/v1/admin/projects/${projectId}`, {
      method: 'PATCH',
      body: JSON.stringify({ name: 'x' }),
    })
    expect(anonymous.status).toBe(401)
  })
})

describe('audit log', () => {
  it('records creation, settings, rotation, status and merge with the admin-token actor, newest first', async () => {
    await patchProject({ settings: { allowAnonymousComments: true } })
    await server.adminFetch(`/v1/admin/projects/${projectId}/secret`, {
      method: 'POST',
      body: '{}',
    })
    const ids: string[] = []
    for (const title of ['Dark mode', 'Night theme']) {
      const res = await fetch(`${server.url}/v1/projects/${projectId}/requests`, {
        method: 'POST',
        headers: { 'X-Reqio-Anonymous-Id': 'anon-author-1', 'Content-Type': 'application/json' },
        body: JSON.stringify({ title }),
      })
      ids.push(((await res.json()) as { request: { id: string } }).request.id)
    }
    await server.adminFetch(`/v1/admin/projects/${projectId}/requests/${ids[0]}`, {
      method: 'PATCH',
      body: JSON.stringify({ status: 'planned' }),
    })
    await server.adminFetch(`/v1/admin/projects/${projectId}/requests/${ids[1]}`, {
      method: 'PATCH',
      body: JSON.stringify({ mergeInto: ids[0] }),
    })
    const res = await server.adminFetch(`/v1/admin/projects/${projectId}/audit`)
    expect(res.status).toBe(200)
    const { entries } = (await res.json()) as { entries: AuditLogEntry[] }
    expect(entries.map((e) => [e.action, e.target])).toEqual([
      ['request.merged', ids[1]],
      ['request.status', ids[0]],
      ['secret.rotated', projectId],
      ['settings.changed', projectId],
      ['project.created', projectId],
    ])
    expect(new Set(entries.map((e) => e.actor))).toEqual(new Set(['admin-token']))
    expect(JSON.stringify(entries)).not.toMatch(/whsec_|secret":/)
  })
})
