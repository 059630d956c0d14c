import * as v from 'valibot'
import type { IssueRef, IssueTracker } from '../trackers/issue-tracker'
import { TrackerRefusedError } from '../trackers/issue-tracker'

/*
 * PLACEHOLDER owned by slice 4 (branch linear), which replaces this whole file with the real
 * tracker (GraphQL issueCreate, Linear-Signature, state types). Until then a Linear issue can be
 * linked by URL, but not created, and no inbound delivery is verified.
 */

export interface LinearSettings extends Record<string, unknown> {
  teamId: string | null
}

const ISSUE_URL =
  /^https:\/\/linear\.app\/([A-Za-z0-9_-]{1,100})\/issue\/([A-Za-z][A-Za-z0-9]{0,9}-[1-9][0-9]{0,9})(?:\/[^/?#]*)?\/?$/

/** `https://linear.app/{team}/issue/{KEY-n}[/slug]`: keyed by the identifier, whatever slug. */
export function parseLinearIssueUrl(url: string): IssueRef | null {
  const match = ISSUE_URL.exec(url.trim().replace(/[?#].*$/, ''))
  if (!match) return null
  const [, workspace, identifier] = match as unknown as [string, string, string]
  const key = identifier.toUpperCase()
  return { key, url: `https://linear.app/${workspace}/issue/${key}` }
}

export const linearTracker: IssueTracker<LinearSettings> = {
  kind: 'linear',
  label: 'Linear',
  parseIssueUrl: parseLinearIssueUrl,
  setupSchema: v.strictObject({
    token: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(400))),
    teamId: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100))),
  }),
  settingsOf: (body, stored) => ({ teamId: body.teamId ?? stored?.teamId ?? null }),
  describe: (setup) => ({ teamId: setup.settings.teamId ?? null }),
  createProblem: () => 'Creating Linear issues is not available yet.',
  createIssue: () =>
    Promise.reject(new TrackerRefusedError('Creating Linear issues is not available yet.')),
  verifyInbound: async () => false,
  readInbound: () => null,
}
