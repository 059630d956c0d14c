import { describe, expect, it } from 'vitest'
import { portalSettingsOf } from '../../../src/server/portal/portal-settings'
import {
  type AdminProject,
  DEFAULT_PORTAL_SETTINGS,
  type ProjectSettings,
  type WidgetProjectResponse,
} from '../../../src/shared/api'
import { storeBackends } from '../../helpers/backends'
import { serverWithFreshProject } from '../../helpers/fresh-project'
import type { TestServer } from '../../helpers/start-server'

let server: TestServer
let projectId: string

async function patchSettings(settings: unknown, pid = projectId) {
  return server.adminFetch(`/v1/admin/projects/${pid}`, {
    method: 'PATCH',
    body: JSON.stringify({ settings }),
  })
}

async function saved(settings: unknown, pid = projectId): Promise<ProjectSettings> {
  const res = await patchSettings(settings, pid)
  expect(res.status).toBe(200)
  return ((await res.json()) as { project: AdminProject }).project.settings
}

async function refusal(settings: unknown, pid = projectId) {
  const res = await patchSettings(settings, pid)
  return {
    status: res.status,
    error: ((await res.json()) as { error: Record<string, string> }).error,
  }
}

async function listed(): Promise<ProjectSettings | undefined> {
  const res = await server.adminFetch('/v1/admin/projects')
  const { projects } = (await res.json()) as { projects: AdminProject[] }
  return projects.find((project) => project.id === projectId)?.settings
}

describe('portalSettingsOf', () => {
  it('reads a project that never set anything as the contract’s defaults', () => {
    // A row from before migration 020, or a hand-made record: no portal fields at all.
    const older = { requireIdentity: false, allowAnonymousComments: false }
    expect(portalSettingsOf({ settings: older as ProjectSettings })).toEqual({
      enabled: true,
      indexable: false,
      domain: null,
      siteUrl: null,
      ssoUrl: null,
    })
  })
})

describe('a portal domain on Reqio’s own host', () => {
  serverWithFreshProject({ demo: false, publicUrl: 'https://reqio.acme.test' }, 'Acme', (fresh) => {
    ;({ server, projectId } = fresh)
  })

  it('is refused: it would take Reqio’s own pages away from every other project', async () => {
    const { status, error } = await refusal({ portal: { domain: 'Reqio.Acme.test' } })
    expect(status).toBe(400)
    expect(error.code).toBe('validation_failed')
    expect((await saved({ portal: { domain: 'feedback.acme.test' } })).portal.domain).toBe(
      'feedback.acme.test',
    )
  })
})

describe.each(storeBackends())('portal settings on the $name database', (backend) => {
  serverWithFreshProject({ demo: false, databaseUrl: backend.databaseUrl }, 'Acme', (fresh) => {
    ;({ server, projectId } = fresh)
  })

  it('start as on, not indexable, no domain, no site and no sign-in URL', async () => {
    expect(await listed()).toMatchObject({
      siteUrl: null,
      ssoUrl: null,
      portal: { enabled: true, indexable: false, domain: null },
    })
    expect((await listed())?.portal).toEqual(DEFAULT_PORTAL_SETTINGS)
  })

  it('stores site URL, sign-in URL and the portal’s switches, as the admin list then shows them', async () => {
    const settings = await saved({
      siteUrl: ' https://app.acme.test/help?tab=1 ',
      ssoUrl: 'https://app.acme.test/reqio/sso',
      portal: { enabled: false, indexable: true, domain: 'Feedback.Acme.test.' },
    })
    const expected = {
      siteUrl: 'https://app.acme.test/help?tab=1',
      ssoUrl: 'https://app.acme.test/reqio/sso',
      portal: { enabled: false, indexable: true, domain: 'feedback.acme.test' },
    }
    expect(settings).toMatchObject(expected)
    expect(await listed()).toMatchObject(expected)
    const record = await server.store.projects.find(projectId)
    expect(portalSettingsOf(record!)).toEqual({
      enabled: false,
      indexable: true,
      domain: 'feedback.acme.test',
      siteUrl: 'https://app.acme.test/help?tab=1',
      ssoUrl: 'https://app.acme.test/reqio/sso',
    })
  })

  it('changes only what is sent: the other portal fields, URLs and widget settings stay', async () => {
    await saved({
      siteUrl: 'https://app.acme.test',
      portal: { indexable: true, domain: 'feedback.acme.test' },
      widget: { accent: '#112233' },
    })
    const settings = await saved({ portal: { enabled: false } })
    expect(settings.portal).toEqual({
      enabled: false,
      indexable: true,
      domain: 'feedback.acme.test',
    })
    expect(settings.siteUrl).toBe('https://app.acme.test')
    expect(settings.widget.accent).toBe('#112233')
    expect((await saved({ requireIdentity: true })).portal.enabled).toBe(false)
  })

  it('clears the URLs and the domain with null or an empty domain', async () => {
    await saved({
      siteUrl: 'https://app.acme.test',
      ssoUrl: 'https://app.acme.test/sso',
      portal: { domain: 'feedback.acme.test' },
    })
    expect(await saved({ siteUrl: null, ssoUrl: null, portal: { domain: null } })).toMatchObject({
      siteUrl: null,
      ssoUrl: null,
      portal: { domain: null },
    })
    await saved({ portal: { domain: 'feedback.acme.test' } })
    expect((await saved({ portal: { domain: '  ' } })).portal.domain).toBeNull()
  })

  it.each([
    ['siteUrl', '/help'],
    ['siteUrl', 'app.acme.test'],
    ['siteUrl', 'javascript:alert(1)'],
    ['siteUrl', 'ftp://app.acme.test'],
    ['siteUrl', 42],
    ['ssoUrl', 'mailto:sso@acme.test'],
    ['ssoUrl', `https://acme.test/${'a'.repeat(2100)}`],
  ])('refuses %s %j with 400 validation_failed', async (field, value) => {
    const { status, error } = await refusal({ [field]: value })
    expect(status).toBe(400)
    expect(error.code).toBe('validation_failed')
    expect(error.message).toContain(field)
    expect((await listed())?.[field as 'siteUrl']).toBeNull()
  })

  it.each([
    'https://feedback.acme.test',
    'feedback.acme.test:8080',
    'feedback.acme.test/board',
    'localhost',
    '10.0.0.1',
    '*.acme.test',
    'feed back.acme.test',
    '-feedback.acme.test',
    `${'a'.repeat(64)}.acme.test`,
  ])('refuses the domain %j with 400 validation_failed', async (domain) => {
    const { status, error } = await refusal({ portal: { domain } })
    expect(status).toBe(400)
    expect(error.code).toBe('validation_failed')
    expect(error.message).toContain('portal.domain')
  })

  it('refuses unknown portal fields and non-boolean switches', async () => {
    expect((await refusal({ portal: { theme: 'dark' } })).error.code).toBe('validation_failed')
    expect((await refusal({ portal: { enabled: 'yes' } })).error.message).toContain(
      'portal.enabled',
    )
    expect((await refusal({ portal: { indexable: null } })).error.message).toContain(
      'portal.indexable',
    )
  })

  it('answers 409 conflict when another project already holds the domain, any spelling', async () => {
    const other = (await server.createProject('Globex')).project.id
    await saved({ portal: { domain: 'feedback.acme.test' } })
    const { status, error } = await refusal({ portal: { domain: 'FEEDBACK.acme.test' } }, other)
    expect(status).toBe(409)
    expect(error.code).toBe('conflict')
    // The refused save changed nothing, and the holder can save its own domain again.
    const res = await server.adminFetch('/v1/admin/projects')
    const { projects } = (await res.json()) as { projects: AdminProject[] }
    expect(projects.find((p) => p.id === other)?.settings.portal.domain).toBeNull()
    expect((await saved({ portal: { domain: 'feedback.acme.test' } })).portal.domain).toBe(
      'feedback.acme.test',
    )
    // Once released, the other project may take it.
    await saved({ portal: { domain: null } })
    expect((await saved({ portal: { domain: 'feedback.acme.test' } }, other)).portal.domain).toBe(
      'feedback.acme.test',
    )
  })

  it('lets exactly one of two projects claiming the same domain at once have it', async () => {
    const other = (await server.createProject('Globex')).project.id
    const answers = await Promise.all([
      patchSettings({ portal: { domain: 'feedback.shared.test' } }),
      patchSettings({ portal: { domain: 'feedback.shared.test' } }, other),
    ])
    expect(answers.map((res) => res.status).sort()).toEqual([200, 409])
  })

  it('keeps the portal settings out of the audit line’s way: the change is audited', async () => {
    await saved({ siteUrl: 'https://app.acme.test', portal: { indexable: true } })
    const res = await server.adminFetch(`/v1/admin/projects/${projectId}/audit`)
    const { entries } = (await res.json()) as { entries: Array<{ action: string }> }
    expect(entries.map((entry) => entry.action)).toContain('settings.changed')
  })

  it('tells the widget the same settings the admin API shows', async () => {
    await saved({ siteUrl: 'https://app.acme.test/' })
    const res = await fetch(`${server.url}/v1/projects/${projectId}/widget`)
    const { project } = (await res.json()) as WidgetProjectResponse
    expect(project.settings.siteUrl).toBe('https://app.acme.test/')
  })
})
