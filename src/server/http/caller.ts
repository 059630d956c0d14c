import type { MiddlewareHandler } from 'hono'
import { ANONYMOUS_ID_HEADER } from '../../shared/identity'
import { ApiError, invalid, notFound } from '../errors'
import { anonymousVoter, personVoter } from '../store'
import type { AppEnv, RouteDeps } from './env'

/** What the public API accepts as an anonymous id (X-Reqio-Anonymous-Id; the portal's cookie). */
export const ANONYMOUS_ID_PATTERN = /^[A-Za-z0-9_-]{8,128}$/

/**
 * For /v1/projects/:projectId/*: loads the project (404 project_not_found), verifies the
 * bearer token if one came (401 with its specific code, before any handler can write) and
 * sets `actor`: the verified person, else the anonymous id, else null.
 * A token verified for the first time also refreshes the person's email and traits.
 */
export function resolveCaller(deps: RouteDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return next()
    const projectId = c.req.param('projectId') ?? ''
    const project = await deps.caches.project(projectId)
    if (!project) throw notFound.project(projectId)
    c.set('project', project)

    const anonymousHeader = c.req.header(ANONYMOUS_ID_HEADER)?.trim() || null
    if (anonymousHeader !== null && !ANONYMOUS_ID_PATTERN.test(anonymousHeader)) {
      throw invalid(ANONYMOUS_ID_HEADER, 'The anonymous id must be 8-128 letters, digits, - or _.')
    }
    c.set('anonymousId', anonymousHeader)

    const token = bearerToken(c.req.header('Authorization'))
    if (token !== null) {
      const verification = await deps.verifier.verify(project, token)
      if (!verification.cached) {
        await deps.store.people.remember(project.id, verification.facts, deps.clock.now())
      }
      c.set('actor', { voter: personVoter(verification.facts.sub), person: verification.facts })
    } else {
      c.set(
        'actor',
        anonymousHeader ? { voter: anonymousVoter(anonymousHeader), person: null } : null,
      )
    }
    return next()
  }
}

/** undefined header → no token; a present but empty or non-Bearer header is a malformed token. */
function bearerToken(header: string | undefined): string | null {
  if (header === undefined) return null
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header)
  if (!match?.[1]) throw new ApiError('token_malformed', 'Authorization must be "Bearer <token>".')
  return match[1]
}
