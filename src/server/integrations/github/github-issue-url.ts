import type { IssueRef } from '../trackers/issue-tracker'

/** GitHub's owner and repository names: letters, digits, `-`, `_` and `.`. */
const NAME = '[A-Za-z0-9](?:[A-Za-z0-9._-]{0,99})'
const ISSUE_URL = new RegExp(
  `^https://github\\.com/(${NAME})/(${NAME})/issues/([1-9][0-9]{0,9})/?$`,
)
/** `owner/name`, as POST …/integrations/github takes `repository`. */
export const GITHUB_REPOSITORY_PATTERN = new RegExp(`^${NAME}/${NAME}$`)

/**
 * The key links and inbound events share: `owner/name#n` in lower case (GitHub's names ignore
 * case, and a webhook may spell the repository differently from the pasted URL).
 */
export function gitHubIssueKey(repository: string, issueNumber: number): string {
  return `${repository.toLowerCase()}#${issueNumber}`
}

/** `https://github.com/{o}/{r}/issues/{n}` (query and fragment ignored), or null. */
export function parseGitHubIssueUrl(url: string): IssueRef | null {
  const bare = url.trim().replace(/[?#].*$/, '')
  const match = ISSUE_URL.exec(bare)
  if (!match) return null
  const [, owner, name, number] = match as unknown as [string, string, string, string]
  const issueNumber = Number(number)
  return {
    key: gitHubIssueKey(`${owner}/${name}`, issueNumber),
    url: `https://github.com/${owner}/${name}/issues/${issueNumber}`,
  }
}
