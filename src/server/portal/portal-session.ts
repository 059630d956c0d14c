import type { Context } from 'hono'
import type { Actor, ProjectRecord } from '../store'

/**
 * The person signed in to this project's portal, or null (an anonymous visitor). A stub until
 * portal-sso's session lands: nobody is signed in yet.
 */
export async function portalPersonOf(_c: Context, _project: ProjectRecord): Promise<Actor | null> {
  return null
}
