import {
  type IssueRef,
  type NewIssue,
  type TrackerEnv,
  TrackerRefusedError,
} from '../trackers/issue-tracker'
import { sendTrackerRequest } from '../trackers/tracker-http'
import { gitHubIssueKey } from './github-issue-url'

/** The REST API version the calls are written against (GitHub's X-GitHub-Api-Version). */
export const GITHUB_API_VERSION = '2022-11-28'

interface CreatedIssue {
  html_url?: unknown
  number?: unknown
}

/**
 * POST {REQIO_GITHUB_API_URL}/repos/{owner}/{name}/issues with the project's token (a
 * fine-grained token with Issues: read and write on the repository, or a classic one with
 * `repo`). Answers the new issue; rejects with TrackerRefusedError saying what GitHub said.
 */
export async function createGitHubIssue(
  input: { token: string; repository: string; issue: NewIssue },
  env: TrackerEnv,
): Promise<IssueRef> {
  const url = `${env.config.githubApiUrl}/repos/${input.repository}/issues`
  let answer: Awaited<ReturnType<typeof sendTrackerRequest>>
  try {
    answer = await sendTrackerRequest(
      {
        url,
        method: 'POST',
        headers: {
          accept: 'application/vnd.github+json',
          authorization: `Bearer ${input.token}`,
          'x-github-api-version': GITHUB_API_VERSION,
          // GitHub refuses API calls without a User-Agent.
          'user-agent': 'Reqio',
        },
        body: { title: input.issue.title, body: input.issue.body },
      },
      env.guard,
    )
  } catch (error) {
    throw new TrackerRefusedError(`GitHub could not be reached: ${(error as Error).message}.`)
  }
  if (answer.status !== 201) throw refusal(answer.status, answer.body)
  const created = (answer.body ?? {}) as CreatedIssue
  if (typeof created.number !== 'number' || typeof created.html_url !== 'string') {
    throw new TrackerRefusedError('GitHub created the issue but did not say its number and URL.')
  }
  return { key: gitHubIssueKey(input.repository, created.number), url: created.html_url }
}

/** What GitHub's status means for the team, with GitHub's own message. */
function refusal(status: number, body: unknown): TrackerRefusedError {
  const said = (body as { message?: unknown } | null)?.message
  const message = typeof said === 'string' ? ` ("${said.slice(0, 200)}")` : ''
  const why =
    status === 401
      ? 'GitHub refused the token'
      : status === 403
        ? 'GitHub refused: the token may not create issues in that repository'
        : status === 404
          ? 'GitHub found no such repository for that token'
          : status === 410
            ? 'Issues are turned off in that repository'
            : status === 422
              ? 'GitHub refused the issue'
              : `GitHub answered ${status}`
  return new TrackerRefusedError(`${why}${message}.`, status)
}
