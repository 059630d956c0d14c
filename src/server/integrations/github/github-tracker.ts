import * as v from 'valibot'
import type { IntegrationRecord } from '../../store/integrations-store'
import type { IssueTracker } from '../trackers/issue-tracker'
import { trackerToken } from '../trackers/one-word-field'
import { createGitHubIssue } from './github-create-issue'
import { readGitHubIssueEvent } from './github-issue-events'
import { GITHUB_REPOSITORY_PATTERN, parseGitHubIssueUrl } from './github-issue-url'
import { verifyGitHubSignature } from './github-signature'

/** What a project's GitHub set-up keeps besides its token: the repository issues are made in. */
export interface GitHubSettings extends Record<string, unknown> {
  repository: string | null
}

/** POST …/integrations/github `{token?, repository?}`. */
const GitHubSetupSchema = v.strictObject({
  token: trackerToken(),
  repository: v.optional(
    v.pipe(
      v.string('repository must be a string'),
      v.trim(),
      v.maxLength(201, 'repository must be owner/name'),
      v.regex(GITHUB_REPOSITORY_PATTERN, 'repository must be owner/name'),
    ),
  ),
})

/** GitHub issues: link by URL, create through the REST API, follow through `issues` webhooks. */
export const gitHubTracker: IssueTracker<GitHubSettings> = {
  kind: 'github',
  label: 'GitHub',
  parseIssueUrl: parseGitHubIssueUrl,
  setupSchema: GitHubSetupSchema,
  settingsOf: (body, stored) => ({ repository: body.repository ?? stored?.repository ?? null }),
  describe: (setup) => ({ repository: setup.settings.repository ?? null }),
  createProblem(setup) {
    if (!setup) return 'GitHub is not set up for this project.'
    if (!setup.token || !setup.settings.repository) {
      return 'Give GitHub a token and a repository (owner/name) first.'
    }
    return null
  },
  createIssue(setup: IntegrationRecord<GitHubSettings>, issue, env) {
    const { token } = setup
    const { repository } = setup.settings
    if (!token || !repository) throw new Error('createIssue called without token or repository')
    return createGitHubIssue({ token, repository, issue }, env)
  },
  verifyInbound: verifyGitHubSignature,
  readInbound: readGitHubIssueEvent,
}
