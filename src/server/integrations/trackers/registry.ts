import { gitHubTracker } from '../github/github-tracker'
import { linearTracker } from '../linear/linear-tracker'
import type { IssueRef, IssueTracker, TrackerKind } from './issue-tracker'

/**
 * Every tracker Reqio links requests to, by kind. A new tracker is one file implementing
 * IssueTracker plus one line here; the routes (links, set-up, inbound) pick it up.
 */
export const ISSUE_TRACKERS: { readonly [K in TrackerKind]: IssueTracker } = {
  github: gitHubTracker as unknown as IssueTracker,
  linear: linearTracker as unknown as IssueTracker,
}

export function trackerOf(kind: TrackerKind): IssueTracker {
  return ISSUE_TRACKERS[kind]
}

/** The tracker whose issue URL this is, and the issue it names; null when no tracker knows it. */
export function issueOfUrl(url: string): { tracker: IssueTracker; issue: IssueRef } | null {
  for (const tracker of Object.values(ISSUE_TRACKERS)) {
    const issue = tracker.parseIssueUrl(url)
    if (issue) return { tracker, issue }
  }
  return null
}
