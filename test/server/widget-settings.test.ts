import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  type AdminProject,
  DEFAULT_WIDGET_SETTINGS,
  type WidgetProjectResponse,
  type WidgetSettings,
} from '../../src/shared/api'
import { storeBackends } from '../helpers/backends'
import { serverWithFreshProject } from '../helpers/fresh-project'
import type { TestServer } from '../helpers/start-server'
import { joinTeam, setUpOwner } from '../helpers/team'

let server: TestServer
let projectId: string

async function patchWidget(widget: unknown) {
  return server.adminFetch(`/v1/admin/projects/${projectId}`, {
    method: 'PATCH',
    body: JSON.stringify({ settings: { widget } }),
  })
}

async function savedWidget(widget: unknown): Promise<WidgetSettings> {
  const res = await patchWidget(widget)
  expect(res.status).toBe(200)
  return ((await res.json()) as { project: AdminProject }).project.settings.widget
}

/** What the widget is told, as a visitor's browser asks for it. */
async function widgetAnswer(): Promise<WidgetSettings> {
  const res = await fetch(`${server.url}/v1/projects/${projectId}/widget`)
  expect(res.status).toBe(200)
  return ((await res.json()) as WidgetProjectResponse).project.settings.widget
}

async function adminListed(): Promise<WidgetSettings | undefined> {
  const res = await server.adminFetch('/v1/admin/projects')
  const { projects } = (await res.json()) as { projects: AdminProject[] }
  return projects.find((project) => project.id === projectId)?.settings.widget
}

async function fileRequest(title: string): Promise<string> {
  const res = await fetch(`${server.url}/v1/projects/${projectId}/requests`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-Reqio-Anonymous-Id': randomUUID(),
      'Idempotency-Key': randomUUID(),
    },
    body: JSON.stringify({ title }),
  })
  expect(res.status).toBe(201)
  return ((await res.json()) as { request: { id: string } }).request.id
}

describe.each(storeBackends())('widget settings on the $name database', (backend) => {
  serverWithFreshProject({ demo: false, databaseUrl: backend.databaseUrl }, 'Acme', (fresh) => {
    ;({ server, projectId } = fresh)
  })

  it('start as Reqio’s defaults in the admin list and in the widget’s answer', async () => {
    expect(await adminListed()).toEqual(DEFAULT_WIDGET_SETTINGS)
    expect(await widgetAnswer()).toEqual(DEFAULT_WIDGET_SETTINGS)
  })

  it('stores accent, position and launcher text, and the widget is told at once', async () => {
    const saved = await savedWidget({
      accent: '#0A7',
      position: 'bottom-left',
      launcherText: '  Ideas & bugs  ',
    })
    const expected = {
      ...DEFAULT_WIDGET_SETTINGS,
      accent: '#00aa77',
      position: 'bottom-left',
      launcherText: 'Ideas & bugs',
    }
    expect(saved).toEqual(expected)
    expect(await adminListed()).toEqual(expected)
    expect(await widgetAnswer()).toEqual(expected)
  })

  it('changes only the fields sent: other widget settings and the project’s switches stay', async () => {
    await savedWidget({ accent: '#112233', launcherText: 'Ideas' })
    const res = await server.adminFetch(`/v1/admin/projects/${projectId}`, {
      method: 'PATCH',
      body: JSON.stringify({ settings: { requireIdentity: true } }),
    })
    expect(res.status).toBe(200)
    const saved = await savedWidget({ position: 'bottom-left' })
    expect(saved).toMatchObject({
      accent: '#112233',
      launcherText: 'Ideas',
      position: 'bottom-left',
    })
    const { project } = (await (await patchWidget({ roadmapTab: 'hidden' })).json()) as {
      project: AdminProject
    }
    expect(project.settings.requireIdentity).toBe(true)
    expect(project.settings.widget.position).toBe('bottom-left')
  })

  it('goes back to the defaults with null accent and an empty launcher text', async () => {
    await savedWidget({ accent: '#112233', launcherText: 'Ideas' })
    expect(await savedWidget({ accent: null, launcherText: '   ' })).toEqual(
      DEFAULT_WIDGET_SETTINGS,
    )
  })

  it('keeps both of two teammates’ changes saved at the same moment', async () => {
    const [a, b] = await Promise.all([
      patchWidget({ accent: '#123456' }),
      patchWidget({ launcherText: 'Tell us' }),
    ])
    expect([a.status, b.status]).toEqual([200, 200])
    expect(await widgetAnswer()).toMatchObject({ accent: '#123456', launcherText: 'Tell us' })
  })

  it('hides a tab set to hidden and resolves auto from what the project has', async () => {
    await savedWidget({ roadmapTab: 'hidden', changelogTab: 'auto' })
    // Nothing published yet: auto hides What's new; the widget never sees "auto".
    expect(await widgetAnswer()).toMatchObject({ roadmapTab: 'hidden', changelogTab: 'hidden' })

    await savedWidget({ roadmapTab: 'auto' })
    const id = await fileRequest('Dark mode')
    // An open request is on the board, not on the roadmap.
    expect((await widgetAnswer()).roadmapTab).toBe('hidden')
    const planned = await server.adminFetch(`/v1/admin/projects/${projectId}/requests/${id}`, {
      method: 'PATCH',
      body: JSON.stringify({ status: 'planned' }),
    })
    expect(planned.status).toBe(200)
    expect((await widgetAnswer()).roadmapTab).toBe('shown')

    const published = await server.adminFetch(`/v1/admin/projects/${projectId}/changelog`, {
      method: 'POST',
      body: JSON.stringify({ title: 'Dark mode is here', body: 'Finally.', publish: true }),
    })
    expect(published.status).toBe(201)
    expect((await widgetAnswer()).changelogTab).toBe('shown')
    // The admin side keeps what was chosen.
    expect(await adminListed()).toMatchObject({ roadmapTab: 'auto', changelogTab: 'auto' })
  })

  it('records the change in the audit log', async () => {
    await savedWidget({ position: 'bottom-left' })
    const res = await server.adminFetch(`/v1/admin/projects/${projectId}/audit`)
    const { entries } = (await res.json()) as {
      entries: Array<{ action: string; summary: string }>
    }
    expect(entries[0]).toMatchObject({
      action: 'settings.changed',
      summary: 'The admin token changed the widget’s look and tabs',
    })
  })

  it.each([
    [{ accent: 'red' }, 'settings.widget.accent'],
    [{ accent: '#12345' }, 'settings.widget.accent'],
    [{ accent: 'url(x);' }, 'settings.widget.accent'],
    [{ accent: 42 }, 'settings.widget.accent'],
    [{ position: 'top-left' }, 'settings.widget.position'],
    [{ launcherText: 'x'.repeat(31) }, 'settings.widget.launcherText'],
    [{ launcherText: 'Two\nlines' }, 'settings.widget.launcherText'],
    [{ launcherText: 7 }, 'settings.widget.launcherText'],
    [{ roadmapTab: 'sometimes' }, 'settings.widget.roadmapTab'],
    [{ changelogTab: true }, 'settings.widget.changelogTab'],
    [{ tabs: {} }, 'settings.widget.tabs'],
  ])('refuses %j with 400 validation_failed on %s, changing nothing', async (widget, field) => {
    const res = await patchWidget(widget)
    expect(res.status).toBe(400)
    const { error } = (await res.json()) as { error: { code: string; field: string } }
    expect(error).toMatchObject({ code: 'validation_failed', field })
    expect(await widgetAnswer()).toEqual(DEFAULT_WIDGET_SETTINGS)
  })

  it('refuses a viewer: only roles that configure may change the widget', async () => {
    const owner = await setUpOwner(server)
    const viewer = await joinTeam(server, owner, 'viewer')
    const res = await viewer.fetch(`/v1/admin/projects/${projectId}`, {
      method: 'PATCH',
      body: JSON.stringify({ settings: { widget: { position: 'bottom-left' } } }),
    })
    expect(res.status).toBe(403)
    expect(await widgetAnswer()).toEqual(DEFAULT_WIDGET_SETTINGS)
  })
})
