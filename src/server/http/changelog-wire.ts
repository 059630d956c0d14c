import type {
  ChangelogEntry,
  PublicChangelogEntry,
  RequestStatus,
  RoadmapLane,
} from '../../shared/api'
import type { ChangelogEntryRecord } from '../store/changelog-store'
import type { RoadmapLaneRecord } from '../store/roadmap-store'
import { toAttachment } from './attachment-wire'
import { publicBodyNodes } from './changelog-body'
import { toPublicRequest } from './wire'

/** A published entry as anyone sees it: linked requests by id and title only. */
export function toPublicChangelogEntry(record: ChangelogEntryRecord): PublicChangelogEntry {
  return {
    id: record.id,
    title: record.title,
    body: record.body,
    bodyNodes: publicBodyNodes(record),
    publishedAt: record.publishedAt ?? '',
    requests: record.requests.map(({ id, title }) => ({ id, title })),
    attachments: record.attachments.map(toAttachment),
  }
}

export function toChangelogEntry(record: ChangelogEntryRecord): ChangelogEntry {
  return {
    id: record.id,
    title: record.title,
    body: record.body,
    requestIds: record.requestIds,
    publishedAt: record.publishedAt,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    requests: record.requests.map(({ id, title, status }) => ({
      id,
      title,
      status: status as RequestStatus,
    })),
    attachments: record.attachments.map(toAttachment),
  }
}

export function toRoadmapLane(lane: RoadmapLaneRecord): RoadmapLane {
  return { status: lane.status, requests: lane.requests.map((r) => toPublicRequest(r, null)) }
}
