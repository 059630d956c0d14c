import { Hono } from 'hono'
import type { RequestLinkResponse, RequestLinksResponse } from '../../shared/api'
import { publicBase } from '../auth/members'
import { conflict, invalid, notFound } from '../errors'
import { commit } from '../events/commit'
import type { AppEnv, RouteDeps } from '../http/env'
import { readJsonBody } from '../http/json-body'
import { issueFromRequest } from '../integrations/trackers/issue-from-request'
import {
  type IssueRef,
  type IssueTracker,
  TrackerRefusedError,
} from '../integrations/trackers/issue-tracker'
import { issueOfUrl, trackerOf } from '../integrations/trackers/registry'
import { outboundGuard } from '../outbound/outbound-guard'
import type { RequestRecord } from '../store'
import type { RequestLink } from '../store/request-links-store'
import { NewRequestLinkSchema } from './integration-schemas'

/** A request follows a handful of issues at most; past this the list is a mistake. */
export const LINKS_PER_REQUEST_MAX = 20

const NOT_AN_ISSUE_URL =
  'url must be a GitHub issue (https://github.com/{owner}/{repo}/issues/{n}) or a Linear issue ' +
  '(https://linear.app/{team}/issue/{KEY-n}).'

const toWire = (link: RequestLink) => ({ id: link.id, url: link.url, kind: link.kind })

/**
 * The tracker issues a request follows (spec/api.md v3 "Issue trackers"):
 * GET /requests/{rid}/links; POST `{url}` links an issue by its URL, `{create: kind}` creates it
 * in the project's tracker (title, text, a link back) and links it (201; an issue the request
 * follows already answers its link, 200); DELETE /requests/{rid}/links/{lid} unlinks (204).
 */
export function adminRequestLinksRoutes(deps: RouteDeps) {
  /** The request, standing in this project (a deleted one is not linked to). */
  async function standingRequest(projectId: string, requestId: string): Promise<RequestRecord> {
    const request = await deps.store.requests.find(projectId, requestId, null)
    if (!request || request.deletedAt) throw notFound.request()
    return request
  }

  return new Hono<AppEnv>()
    .get('/requests/:rid/links', async (c) => {
      const project = c.get('project')
      const request = await standingRequest(project.id, c.req.param('rid'))
      const links = await deps.store.requestLinks.list(project.id, request.id)
      const body: RequestLinksResponse = { links: links.map(toWire) }
      return c.json(body)
    })
    .post('/requests/:rid/links', async (c) => {
      const project = c.get('project')
      const input = await readJsonBody(c, NewRequestLinkSchema)
      const request = await standingRequest(project.id, c.req.param('rid'))
      let tracker: IssueTracker
      let issue: IssueRef
      if (input.create) {
        tracker = trackerOf(input.create)
        issue = await createIssueFor(deps, tracker, request, publicBase(deps, c))
      } else {
        const found = issueOfUrl(input.url ?? '')
        if (!found) throw invalid('url', NOT_AN_ISSUE_URL)
        ;({ tracker, issue } = found)
      }
      const { link, created } = await commit(deps, c, async (w) => {
        const held = await w.store.requestLinks.list(project.id, request.id)
        const already = held.find((l) => l.kind === tracker.kind && l.issueKey === issue.key)
        if (!already && held.length >= LINKS_PER_REQUEST_MAX) {
          throw conflict(
            `A request links at most ${LINKS_PER_REQUEST_MAX} issues: unlink one first.`,
          )
        }
        const added = await w.store.requestLinks.add({
          projectId: project.id,
          requestId: request.id,
          kind: tracker.kind,
          issueKey: issue.key,
          url: issue.url,
          now: w.now,
        })
        // Links are the team's alone: no cached public read shows them.
        w.nothingChanged()
        if (added.created) {
          await w.audit({
            action: input.create ? 'request.issue_created' : 'request.linked',
            target: request.id,
            detail: { kind: tracker.kind, url: issue.url },
          })
        }
        return added
      })
      const body: RequestLinkResponse = { link: toWire(link) }
      return c.json(body, created ? 201 : 200)
    })
    .delete('/requests/:rid/links/:lid', async (c) => {
      const project = c.get('project')
      const request = await standingRequest(project.id, c.req.param('rid'))
      await commit(deps, c, async (w) => {
        const removed = await w.store.requestLinks.remove(
          project.id,
          request.id,
          c.req.param('lid'),
        )
        if (!removed) throw notFound.thing('No such link on this request.')
        w.nothingChanged()
        await w.audit({
          action: 'request.unlinked',
          target: request.id,
          detail: { kind: removed.kind, url: removed.url },
        })
      })
      return c.body(null, 204)
    })
}

/**
 * Creates the issue in the project's tracker. A set-up that cannot create (none, no token, no
 * repository) and a tracker that refuses or is down answer 409 with what was wrong: the team
 * fixes the set-up, nothing is linked.
 */
async function createIssueFor(
  deps: RouteDeps,
  tracker: IssueTracker,
  request: RequestRecord,
  base: string,
): Promise<IssueRef> {
  const setup = await deps.store.integrations.find(request.projectId, tracker.kind)
  const problem = tracker.createProblem(setup)
  if (problem || !setup) throw conflict(problem ?? `${tracker.label} is not set up.`)
  try {
    return await tracker.createIssue(setup, issueFromRequest(request, base), {
      config: deps.config,
      guard: outboundGuard(deps.config.webhookAllowPrivate),
    })
  } catch (error) {
    if (error instanceof TrackerRefusedError) throw conflict(error.message)
    throw error
  }
}
