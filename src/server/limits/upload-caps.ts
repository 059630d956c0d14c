import type { ServerConfig } from '../config'
import { refuseIfLimited } from '../http/rate-limit'
import { clientNetwork } from './client-network'
import type { Limits } from './limits'

const HOUR_MS = 3_600_000

/**
 * REQIO_UPLOADS_PER_IP_PER_HOUR (default 60) and REQIO_UPLOADS_PER_PERSON_PER_HOUR (default 30):
 * each upload is up to 5 MiB to decode and a row of bytes to keep, so on top of the per-minute
 * write limits of every public write, uploads get hourly budgets of their own. A visitor
 * attaches at most 4 images to a request or comment; 30 an hour is a busy afternoon of
 * screenshots.
 */
export type UploadCapsConfig = Pick<ServerConfig, 'uploadsPerIpPerHour' | 'uploadsPerPersonPerHour'>

/**
 * Takes one upload from the caller's hourly budgets, per client network and per person (voter
 * key) and project, shared across processes on PostgreSQL like every limit; past either,
 * `429 rate_limited` with Retry-After.
 */
export async function takeUploadAllowance(
  limits: Limits,
  config: UploadCapsConfig,
  upload: { projectId: string; voter: string; ip: string },
): Promise<void> {
  refuseIfLimited(
    await limits.hit(
      `uploads\u0000${clientNetwork(upload.ip)}`,
      config.uploadsPerIpPerHour,
      HOUR_MS,
    ),
    'uploads_per_ip',
  )
  refuseIfLimited(
    await limits.hit(
      `uploads\u0000${upload.projectId}\u0000${upload.voter}`,
      config.uploadsPerPersonPerHour,
      HOUR_MS,
    ),
    'uploads_per_person',
  )
}
