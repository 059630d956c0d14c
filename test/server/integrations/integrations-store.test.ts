// The integrations table on both databases: one set-up per project and kind, replaced whole,
// removed, and gone with its project's other rows on reset.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Store } from '../../../src/server/store'
import { storeBackends } from '../../helpers/backends'

describe.each(storeBackends())('integrations store on the $name database', (backend) => {
  let store: Store
  const projectId = 'proj_integrations'

  beforeAll(async () => {
    store = await backend.open()
    await store.projects.create({
      id: projectId,
      name: 'Acme',
      secret: 'project-secret',
      now: Date.parse('2026-12-01'),
    })
  })
  afterAll(() => store.close())

  it('keeps one set-up per kind: a second put replaces the first and keeps its creation time', async () => {
    const first = await store.integrations.put({
      projectId,
      kind: 'github',
      settings: { repository: 'acme/app' },
      token: 'ghp_one',
      inboundSecret: 'secret-one',
      now: Date.parse('2026-12-01T10:00:00Z'),
    })
    const second = await store.integrations.put({
      projectId,
      kind: 'github',
      settings: { repository: 'acme/web' },
      token: null,
      inboundSecret: 'secret-two',
      now: Date.parse('2026-12-02T10:00:00Z'),
    })
    expect(second.createdAt).toBe(first.createdAt)
    expect(await store.integrations.find(projectId, 'github')).toMatchObject({
      settings: { repository: 'acme/web' },
      token: null,
      inboundSecret: 'secret-two',
      updatedAt: '2026-12-02T10:00:00.000Z',
    })
  })

  it('lists the kinds set up and removes one, saying whether it was there', async () => {
    await store.integrations.put({
      projectId,
      kind: 'slack',
      settings: { webhookUrl: 'https://hooks.slack.com/services/T/B/x', events: [] },
      token: null,
      inboundSecret: null,
      now: Date.parse('2026-12-03T10:00:00Z'),
    })
    expect((await store.integrations.list(projectId)).map((i) => i.kind)).toEqual([
      'github',
      'slack',
    ])
    expect(await store.integrations.remove(projectId, 'slack')).toBe(true)
    expect(await store.integrations.remove(projectId, 'slack')).toBe(false)
    expect(await store.integrations.find(projectId, 'slack')).toBeNull()
  })
})
