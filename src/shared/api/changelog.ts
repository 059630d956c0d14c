/** Roadmap and changelog (spec/api.md v2): public lanes and entries, and the dashboard's drafts. */
import type { MarkdownNode } from '../markdown-nodes'
import type { Attachment } from './attachments'
import type { FeedbackRequest, RequestStatus } from './requests'

/** Roadmap and changelog (spec/api.md v2). */
export const ROADMAP_LANES = ['planned', 'in_progress', 'done'] as const
export type RoadmapLaneStatus = (typeof ROADMAP_LANES)[number]
export interface RoadmapLane {
  status: RoadmapLaneStatus
  requests: FeedbackRequest[]
}
export interface RoadmapResponse {
  lanes: RoadmapLane[]
}
/** A published entry as anyone may see it. */
export interface PublicChangelogEntry {
  id: string
  title: string
  /** Markdown, as written. */
  body: string
  /** `body` as a safe node tree (src/shared/markdown-nodes.ts): what the widget renders. */
  bodyNodes: MarkdownNode[]
  publishedAt: string
  requests: Array<{ id: string; title: string }>
  /** Its images, in order (spec/api.md v3 "Images"). */
  attachments: Attachment[]
}
export interface PublicChangelogResponse {
  entries: PublicChangelogEntry[]
}
/** An entry as the dashboard sees it: drafts too (`publishedAt` null). */
export interface ChangelogEntry {
  id: string
  title: string
  body: string
  requestIds: string[]
  publishedAt: string | null
  createdAt: string
  updatedAt: string
  /** The linked requests that still stand, with their status. */
  requests: Array<{ id: string; title: string; status: RequestStatus }>
  /** Its images, in order (spec/api.md v3 "Images"). */
  attachments: Attachment[]
}
export interface ChangelogEntryBody {
  title?: string
  body?: string
  requestIds?: string[]
  /** The project's uploads to attach, replacing those it had (at most 4). */
  attachmentIds?: string[]
  publish?: boolean
}
