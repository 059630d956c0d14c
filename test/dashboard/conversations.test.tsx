import { fireEvent, screen, waitFor, within } from '@testing-library/preact'
import { expect, it } from 'vitest'
import type { RequestDetailResponse } from '../../src/shared/api'
import { mintToken } from '../helpers/tokens'
import { useDashboardServer } from './helpers/dashboard-world'
import { renderSignedIn } from './helpers/render-dashboard'
import { visitor } from './helpers/visitor'

const server = useDashboardServer()
const XSS = '<img src=x onerror="window.__xss=1"><b>bold?</b>'

/** A request with one comment from an identified, paying customer. */
async function seedThread() {
  const created = await server.createProject('Thread Co')
  const { id, audience } = created.project
  const token = await mintToken(created.secret, {
    sub: 'alice',
    aud: audience,
    email: 'alice@acme.test',
    name: 'Alice A.',
    traits: { plan: 'pro', amount: 4900, interval: 'month' },
  })
  const alice = visitor(server, id, token)
  const requestId = await alice.submit('Dark mode')
  await alice.comment(requestId, XSS)
  return { projectId: id, requestId }
}

async function publicThread(projectId: string, requestId: string) {
  const response = await fetch(`${server.url}/v1/projects/${projectId}/requests/${requestId}`)
  return ((await response.json()) as RequestDetailResponse).request
}

async function openRequest(projectId: string) {
  renderSignedIn(server, `#/projects/${projectId}/backlog`)
  const table = await screen.findByRole('table', { name: 'Backlog' })
  return { table }
}

it('flags a request a customer waits on, shows the thread with the commenter’s facts, and replies publicly', async () => {
  const { projectId, requestId } = await seedThread()
  const { table } = await openRequest(projectId)
  const row = within(table)
    .getByRole('rowheader', { name: 'Dark mode' })
    .closest('tr') as HTMLElement
  expect(row.textContent).toContain('1 · unanswered')

  fireEvent.click(within(table).getByRole('button', { name: 'Dark mode' }))
  const thread = await screen.findByRole('region', { name: 'Comments' })
  const comment = await within(thread).findByRole('listitem', { name: 'Customer by Alice A.' })
  expect(comment.textContent).toContain('alice@acme.test · pro · $49.00 MRR')
  // The payload is text: no element came of it.
  expect(within(comment).getByText(XSS)).toBeTruthy()
  expect(comment.querySelector('img, b')).toBeNull()
  expect((window as { __xss?: number }).__xss).toBeUndefined()

  fireEvent.input(within(thread).getByLabelText('Reply or note'), {
    target: { value: 'Shipping next week!' },
  })
  fireEvent.click(within(thread).getByRole('button', { name: 'Reply publicly' }))
  await within(thread).findByRole('listitem', { name: 'Team reply by Team' })
  await waitFor(() => expect(row.textContent).not.toContain('unanswered'))
  const seen = await publicThread(projectId, requestId)
  expect(seen.comments.map((c) => [c.author.kind, c.author.name, c.body])).toEqual([
    ['customer', 'Alice A.', XSS],
    ['team', 'Team', 'Shipping next week!'],
  ])
})

it('adds an internal note that looks different and never reaches the public thread', async () => {
  const { projectId, requestId } = await seedThread()
  const { table } = await openRequest(projectId)
  fireEvent.click(within(table).getByRole('button', { name: 'Dark mode' }))
  const thread = await screen.findByRole('region', { name: 'Comments' })
  fireEvent.input(within(thread).getByLabelText('Reply or note'), {
    target: { value: 'Alice is up for renewal' },
  })
  fireEvent.click(within(thread).getByRole('button', { name: 'Add internal note' }))
  const note = await within(thread).findByRole('listitem', { name: 'Internal note by Team' })
  expect(note.className).toContain('comment-internal')
  expect((await publicThread(projectId, requestId)).comments.map((c) => c.body)).toEqual([XSS])
})

it('hides and unhides a comment, and saves a status with its public note', async () => {
  const { projectId, requestId } = await seedThread()
  const { table } = await openRequest(projectId)
  fireEvent.click(within(table).getByRole('button', { name: 'Dark mode' }))
  const thread = await screen.findByRole('region', { name: 'Comments' })
  await within(thread).findByRole('listitem', { name: 'Customer by Alice A.' })
  fireEvent.click(within(thread).getByRole('button', { name: 'Hide' }))
  await within(thread).findByRole('button', { name: 'Unhide' })
  expect((await publicThread(projectId, requestId)).comments).toEqual([])
  fireEvent.click(within(thread).getByRole('button', { name: 'Unhide' }))
  await within(thread).findByRole('button', { name: 'Hide' })
  expect((await publicThread(projectId, requestId)).comments).toHaveLength(1)

  const detail = screen.getByRole('dialog', { name: 'Request: Dark mode' })
  fireEvent.change(within(detail).getByLabelText('Status'), { target: { value: 'planned' } })
  fireEvent.input(within(detail).getByLabelText('Status note (public)'), {
    target: { value: 'In the May release' },
  })
  fireEvent.click(within(detail).getByRole('button', { name: 'Save and tell people' }))
  await waitFor(async () =>
    expect(await publicThread(projectId, requestId)).toMatchObject({
      status: 'planned',
      statusNote: 'In the May release',
    }),
  )
})
