import type { IssueLink, TrackerKind } from './integrations-client'

export const TRACKER_LABELS: Record<TrackerKind, string> = { github: 'GitHub', linear: 'Linear' }

/**
 * How a linked issue is named in a list: `owner/repo#12` for GitHub, `KEY-12` for Linear (its
 * identifier, whatever slug the URL carries); the URL itself when it has neither shape.
 */
export function issueLabel(link: Pick<IssueLink, 'url' | 'kind'>): string {
  const github = /^https?:\/\/[^/]+\/([^/]+)\/([^/]+)\/issues\/(\d+)/.exec(link.url)
  if (link.kind === 'github' && github) return `${github[1]}/${github[2]}#${github[3]}`
  const linear = /\/issue\/([A-Za-z0-9]+-\d+)/.exec(link.url)
  if (link.kind === 'linear' && linear?.[1]) return linear[1].toUpperCase()
  return link.url
}
