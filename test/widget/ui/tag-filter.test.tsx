import { fireEvent, waitFor } from '@testing-library/preact'
import { afterEach, describe, expect, inject, it } from 'vitest'
import { sendHttp } from './helpers/network'
import { currentServer, useRealServer } from './helpers/real-server'
import { resetPage, startWidget } from './helpers/widget'

useRealServer()
afterEach(resetPage)

/** The team's tags, as the dashboard makes and puts them on requests (the real admin API). */
async function tagAs(projectId: string, name: string, color: string, requestIds: string[]) {
  const { url, adminToken } = inject('widgetTestServer')
  const headers = { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' }
  const base = `${url}/v1/admin/projects/${projectId}`
  const created = await sendHttp(`${base}/tags`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ name, color }),
  })
  const { tag } = JSON.parse(created.text) as { tag: { id: string } }
  for (const requestId of requestIds) {
    const backlog = await sendHttp(`${base}/requests/${requestId}`, { headers })
    const had = (JSON.parse(backlog.text) as { request: { tags: { id: string }[] } }).request.tags
    await sendHttp(`${base}/requests/${requestId}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ tagIds: [...had.map((t) => t.id), tag.id] }),
    })
  }
}

const titles = (w: ReturnType<typeof startWidget>) =>
  w
    .ui()
    .getAllByRole('listitem')
    .map((li) => li.querySelector('.open')?.textContent)

describe('the board’s tag filter', () => {
  it('shows each request’s tags and narrows the board to one tag, then back to all', async () => {
    const server = currentServer()
    const [dark, csv] = await server.seed([
      { title: 'Dark mode', votes: 3 },
      { title: 'Export to CSV', votes: 2 },
      { title: 'Slack integration', votes: 1 },
    ])
    await tagAs(server.projectId, 'Mobile', '#0f766e', [dark as string])
    await tagAs(server.projectId, 'Billing', '#1d4ed8', [csv as string, dark as string])
    const w = startWidget({ server })
    w.reqio.open()
    await w.ui().findByText('Slack integration')

    const row = w.ui().getAllByRole('listitem')[0] as HTMLElement
    expect([...row.querySelectorAll('.tag')].map((chip) => chip.textContent)).toEqual([
      'Billing',
      'Mobile',
    ])
    const filter = w.ui().getByRole('combobox', { name: 'Tag' }) as HTMLSelectElement
    expect([...filter.options].map((option) => option.text)).toEqual(['All', 'Billing', 'Mobile'])

    const billing = [...filter.options].find((option) => option.text === 'Billing')
    fireEvent.change(filter, { target: { value: billing?.value } })
    await waitFor(() => expect(titles(w)).toEqual(['Dark mode', 'Export to CSV']))
    const mobile = [...filter.options].find((option) => option.text === 'Mobile')
    fireEvent.change(filter, { target: { value: mobile?.value } })
    await waitFor(() => expect(titles(w)).toEqual(['Dark mode']))
    fireEvent.change(filter, { target: { value: '' } })
    await waitFor(() =>
      expect(titles(w)).toEqual(['Dark mode', 'Export to CSV', 'Slack integration']),
    )
  })

  it('offers no tag filter while no request has a tag', async () => {
    const server = currentServer()
    await server.seed([{ title: 'Dark mode' }])
    const w = startWidget({ server })
    w.reqio.open()
    await w.ui().findByText('Dark mode')
    expect(w.ui().queryByRole('combobox', { name: 'Tag' })).toBeNull()
    expect(w.ui().getByRole('combobox', { name: 'Status' })).toBeTruthy()
  })
})
