/**
 * Images live in the database (spec/api.md v3 "Images"): an image uploaded to one `npm start`
 * process is served, byte for byte, by another on the same PostgreSQL, and a request filed on
 * the second process can attach it. Needs DATABASE_URL (CI starts one).
 */
import { randomBytes } from 'node:crypto'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import type { AttachmentResponse, RequestResponse } from '../../../src/shared/api'
import type { ServerProcess } from '../../helpers/server-process'
import { adminFetchWith, twoProcessesCanRun, withTwoProcesses } from '../../helpers/two-processes'

describe.runIf(twoProcessesCanRun('attachments across processes'))(
  'images across two processes on one PostgreSQL',
  () => {
    const adminToken = randomBytes(24).toString('base64url')
    const admin = adminFetchWith(adminToken)
    let a: ServerProcess
    let b: ServerProcess
    withTwoProcesses({ REQIO_ADMIN_TOKEN: adminToken }, (started) => {
      ;[a, b] = started
    })

    it('serves on one process the bytes uploaded to the other, and attaches them there', async () => {
      const created = await admin(a, '/v1/admin/projects', {
        method: 'POST',
        body: JSON.stringify({ name: 'Two processes' }),
      })
      expect(created.status).toBe(201)
      const projectId = ((await created.json()) as { project: { id: string } }).project.id
      const photo = await sharp({
        create: { width: 64, height: 48, channels: 3, background: '#3366cc' },
      })
        .jpeg()
        .toBuffer()
      const anonymous = { 'X-Reqio-Anonymous-Id': 'anon-two-processes' }
      const uploaded = await fetch(`${a.url}/v1/projects/${projectId}/attachments`, {
        method: 'POST',
        headers: { ...anonymous, 'Content-Type': 'image/jpeg' },
        body: new Uint8Array(photo),
      })
      expect(uploaded.status).toBe(201)
      const { attachment } = (await uploaded.json()) as AttachmentResponse

      const fromA = new Uint8Array(await (await fetch(`${a.url}${attachment.url}`)).arrayBuffer())
      const servedByB = await fetch(`${b.url}${attachment.url}`)
      expect(servedByB.status).toBe(200)
      expect(servedByB.headers.get('Content-Type')).toBe('image/jpeg')
      const fromB = new Uint8Array(await servedByB.arrayBuffer())
      expect(fromB.byteLength).toBe(attachment.bytes)
      expect(Buffer.from(fromB).equals(Buffer.from(fromA))).toBe(true)

      const filed = await fetch(`${b.url}/v1/projects/${projectId}/requests`, {
        method: 'POST',
        headers: { ...anonymous, 'Content-Type': 'application/json' },
        body: JSON.stringify({ title: 'Filed on B', attachmentIds: [attachment.id] }),
      })
      expect(filed.status).toBe(201)
      expect(((await filed.json()) as RequestResponse).request.attachments).toEqual([attachment])
    })
  },
)
