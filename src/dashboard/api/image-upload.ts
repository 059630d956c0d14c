import type { AttachmentResponse } from '../../shared/api/attachments'
import type { AdminResult } from './admin-result'

/**
 * `POST /v1/admin/projects/{pid}/attachments` with the image itself as the body (not JSON),
 * authorised like every admin call (the admin token, else the session cookie); never throws.
 */
export function createImageUpload(adminToken: string | null, apiBase = '') {
  return async (projectId: string, image: Blob): Promise<AdminResult<AttachmentResponse>> => {
    let response: Response
    try {
      // The bytes themselves: every fetch sends an ArrayBuffer as it is.
      const body = await image.arrayBuffer()
      response = await fetch(
        `${apiBase}/v1/admin/projects/${encodeURIComponent(projectId)}/attachments`,
        {
          method: 'POST',
          credentials: 'same-origin',
          headers: {
            ...(adminToken ? { Authorization: `Bearer ${adminToken}` } : {}),
            'Content-Type': image.type || 'application/octet-stream',
          },
          body,
        },
      )
    } catch {
      return {
        ok: false,
        status: 0,
        code: 'network_error',
        message: 'The server could not be reached.',
      }
    }
    const payload = await response.json().catch(() => null)
    if (response.ok && payload) return { ok: true, data: payload as AttachmentResponse }
    return {
      ok: false,
      status: response.status,
      code: typeof payload?.error?.code === 'string' ? payload.error.code : 'bad_response',
      message:
        typeof payload?.error?.message === 'string'
          ? payload.error.message
          : `HTTP ${response.status}`,
    }
  }
}
