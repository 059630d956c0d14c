import type { Context } from 'hono'
import { ANONYMOUS_ID_HEADER } from '../../shared/identity'
import { invalid } from '../errors'
import type { AppEnv } from '../http/env'
import type { Actor } from '../store'

/** Writes need someone to attribute them to: a verified person or an anonymous id. */
export function requireActor(c: Context<AppEnv>): Actor {
  const actor = c.get('actor')
  if (!actor) {
    throw invalid(ANONYMOUS_ID_HEADER, `Send ${ANONYMOUS_ID_HEADER} or an identity token.`)
  }
  return actor
}
