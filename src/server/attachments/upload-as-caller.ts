import type { Context } from 'hono'
import { identityRequired } from '../errors'
import { clientIp } from '../http/client-address'
import type { AppEnv, RouteDeps } from '../http/env'
import { takeUploadAllowance } from '../limits/upload-caps'
import { requireActor } from '../routes/actor'
import type { ReencodedImage } from './reencode-image'

/**
 * One public upload, from the API (a raw body) or a portal form (a file): the project may want
 * a signed-in person, the hourly allowance is taken before the bytes are read, and the checked,
 * re-encoded image is stored unattached, for a request or comment to name in `attachmentIds`.
 */
export async function uploadAsCaller(
  deps: RouteDeps,
  c: Context<AppEnv>,
  accept: () => Promise<ReencodedImage>,
) {
  const actor = requireActor(c)
  const project = c.get('project')
  if (project.settings.requireIdentity && !actor.person) {
    throw identityRequired('This project needs you to be signed in.')
  }
  await takeUploadAllowance(deps.rateLimiter, deps.config, {
    projectId: project.id,
    voter: actor.voter,
    ip: clientIp(c),
  })
  const image = await accept()
  return deps.store.attachments.create({
    projectId: project.id,
    uploader: { voter: actor.voter },
    ...image,
    now: deps.clock.now(),
  })
}
