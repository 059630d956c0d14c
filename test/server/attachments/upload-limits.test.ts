// Uploads are limited per IP and per person per hour (REQIO_UPLOADS_PER_IP_PER_HOUR,
// REQIO_UPLOADS_PER_PERSON_PER_HOUR), like other public writes: past either, 429 with
// Retry-After, and nothing is stored.
import { afterEach, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../../helpers/start-server'
import { pngImage } from './image-fixtures'
import { errorCode, uploadImage } from './upload-client'

describe('upload limits', () => {
  let server: TestServer | undefined
  afterEach(async () => {
    await server?.close()
    server = undefined
  })

  const count = async (running: TestServer) =>
    (await running.store.db.query('SELECT id FROM attachments')).length

  it('refuses a person past their hourly uploads with 429, while others still upload', async () => {
    const running = await startTestServer({ uploadsPerPersonPerHour: 2 })
    server = running
    const { project } = await running.createProject('Limits')
    const png = await pngImage()
    for (let i = 0; i < 2; i++) {
      expect(
        (
          await uploadImage(running.url, project.id, png, 'image/png', {
            anonymousId: 'anon-eager',
          })
        ).status,
      ).toBe(201)
    }
    const third = await uploadImage(running.url, project.id, png, 'image/png', {
      anonymousId: 'anon-eager',
    })
    expect(third.status).toBe(429)
    expect(third.headers.get('Retry-After')).toBeTruthy()
    expect((await errorCode(third)).code).toBe('rate_limited')
    expect(await count(running)).toBe(2)
    const other = await uploadImage(running.url, project.id, png, 'image/png', {
      anonymousId: 'anon-calm',
    })
    expect(other.status).toBe(201)
  })

  it('refuses an IP past its hourly uploads with 429, whatever anonymous id it sends', async () => {
    const running = await startTestServer({ uploadsPerIpPerHour: 3 })
    server = running
    const { project } = await running.createProject('Limits')
    const png = await pngImage()
    for (let i = 0; i < 3; i++) {
      const res = await uploadImage(running.url, project.id, png, 'image/png', {
        anonymousId: `anon-fresh-${i}`,
      })
      expect(res.status).toBe(201)
    }
    const res = await uploadImage(running.url, project.id, png, 'image/png', {
      anonymousId: 'anon-fresh-new',
    })
    expect(res.status).toBe(429)
    expect(await count(running)).toBe(3)
  })
})
