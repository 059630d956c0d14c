import { randomBytes } from 'node:crypto'
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ServerConfig } from './config'

export interface ResolvedAdminToken {
  token: string
  /** True only on the start that generated it: the one time it is printed. */
  generated: boolean
  file: string | null
}

/** REQIO_ADMIN_TOKEN, else the one stored in the data dir, else a new one stored there (mode 600). */
export function resolveAdminToken(
  config: Pick<ServerConfig, 'adminToken' | 'dataDir'>,
): ResolvedAdminToken {
  if (config.adminToken) return { token: config.adminToken, generated: false, file: null }
  const file = join(config.dataDir, 'admin-token')
  try {
    const stored = readFileSync(file, 'utf8').trim()
    if (stored) {
      // A file written by an older version, or copied in, may be readable by others.
      chmodSync(file, 0o600)
      return { token: stored, generated: false, file }
    }
  } catch {
    // Not there yet: generate below.
  }
  const token = randomBytes(32).toString('base64url')
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 })
  writeFileSync(file, `${token}\n`, { mode: 0o600 })
  // The mode above applies only when the file is created, and passes through the umask.
  chmodSync(file, 0o600)
  return { token, generated: true, file }
}
