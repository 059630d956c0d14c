// `npm start`'s banner tells the owner where the generated admin token is, never the token: a
// start banner ends up in journald, docker logs and CI output.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startServerProcess } from '../helpers/server-process'

describe('the start banner', () => {
  it('names the file holding a generated admin token, and never prints the token', async () => {
    const server = await startServerProcess({ REQIO_ADMIN_TOKEN: '', DATABASE_URL: '' })
    try {
      const deadline = Date.now() + 10_000
      while (!server.output().includes('admin token') && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      const file = join(server.dataDir, 'admin-token')
      const token = readFileSync(file, 'utf8').trim()
      expect(token.length).toBeGreaterThanOrEqual(32)
      expect(server.output()).toContain(`admin token: generated, saved to ${file}`)
      expect(server.output()).not.toContain(token)
      // The token in the file is the one the server takes.
      const res = await fetch(`${server.url}/v1/admin/projects`, {
        headers: { Authorization: `Bearer ${token}` },
      })
      expect(res.status).toBe(200)
    } finally {
      await server.stop()
    }
  })
})
