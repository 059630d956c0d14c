import { fireEvent, screen, within } from '@testing-library/preact'
import { expect, it } from 'vitest'
import type { AttachmentResponse } from '../../../src/shared/api'
import { ANONYMOUS_ID_HEADER } from '../../../src/shared/identity'
import { mintToken } from '../../helpers/tokens'
import { useDashboardServer } from '../helpers/dashboard-world'
import { renderSignedIn } from '../helpers/render-dashboard'

const server = useDashboardServer()

/** A 1×1 PNG. */
const TINY_PNG = Uint8Array.from(
  atob(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  ),
  (char) => char.charCodeAt(0),
)

/** A customer files a request with a screenshot and comments with another, as the widget does. */
async function seedRequestWithImages() {
  const created = await server.createProject('Screenshots Co')
  const { id, audience } = created.project
  const token = await mintToken(created.secret, { sub: 'ann', aud: audience, name: 'Ann' })
  const headers = (type: string) => ({
    'Content-Type': type,
    Authorization: `Bearer ${token}`,
    [ANONYMOUS_ID_HEADER]: 'anon-ann-device',
  })
  const base = `${server.url}/v1/projects/${id}`
  const upload = async () => {
    const res = await fetch(`${base}/attachments`, {
      method: 'POST',
      headers: headers('image/png'),
      body: TINY_PNG,
    })
    expect(res.status).toBe(201)
    return ((await res.json()) as AttachmentResponse).attachment
  }
  const post = async (path: string, body: object) => {
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: headers('application/json'),
      body: JSON.stringify(body),
    })
    expect(res.status).toBe(201)
    return res.json()
  }
  const onRequest = await upload()
  const { request } = await post('/requests', {
    title: 'Broken chart',
    attachmentIds: [onRequest.id],
  })
  const onComment = await upload()
  await post(`/requests/${request.id}/comments`, {
    body: 'Here it is again',
    attachmentIds: [onComment.id],
  })
  return { projectId: id, onRequest, onComment }
}

it('shows the request’s and each comment’s images as thumbnails that open full size', async () => {
  const { projectId, onRequest, onComment } = await seedRequestWithImages()
  renderSignedIn(server, `#/projects/${projectId}/backlog`)
  const table = await screen.findByRole('table', { name: 'Backlog' })
  fireEvent.click(within(table).getByRole('button', { name: 'Broken chart' }))

  const requestImages = await screen.findByRole('list', { name: 'Images of the request' })
  const requestLink = within(requestImages).getByRole('link', {
    name: 'Image 1 of 1 (opens full size)',
  })
  expect(requestLink.getAttribute('href')).toBe(onRequest.url)
  expect(requestLink.getAttribute('target')).toBe('_blank')

  const commentImages = await screen.findByRole('list', { name: "Images of Ann's comment" })
  expect(within(commentImages).getByRole('link').getAttribute('href')).toBe(onComment.url)
})
