/** Uploads over real HTTP, as the widget (anonymous id or token) and the dashboard send them. */
import { expect } from 'vitest'
import type { Attachment, AttachmentResponse } from '../../../src/shared/api'

export function uploadImage(
  baseUrl: string,
  projectId: string,
  bytes: Uint8Array,
  contentType: string,
  who: { anonymousId?: string; token?: string } = { anonymousId: 'anon-uploader-1' },
): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': contentType }
  if (who.anonymousId) headers['X-Reqio-Anonymous-Id'] = who.anonymousId
  if (who.token) headers.Authorization = `Bearer ${who.token}`
  return fetch(`${baseUrl}/v1/projects/${projectId}/attachments`, {
    method: 'POST',
    headers,
    body: new Uint8Array(bytes),
  })
}

/** An upload that must succeed: its attachment. */
export async function uploaded(...args: Parameters<typeof uploadImage>): Promise<Attachment> {
  const res = await uploadImage(...args)
  expect(res.status).toBe(201)
  return ((await res.json()) as AttachmentResponse).attachment
}

export async function errorCode(res: Response): Promise<{ code: string; field?: string }> {
  return ((await res.json()) as { error: { code: string; field?: string } }).error
}
