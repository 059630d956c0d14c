import type { Db } from './db'
import { REQUEST_COLUMNS, type RequestRow, toRequestRecord } from './rows'
import { PUBLICLY_SHOWN } from './shown-requests'
import type { RequestRecord } from './types'

/** The roadmap's lanes, in the order the widget shows them (spec/api.md). */
export const ROADMAP_STATUSES = ['planned', 'in_progress', 'done'] as const
export type RoadmapStatus = (typeof ROADMAP_STATUSES)[number]

/** Planned and in-progress lanes show their most voted; done its most recently completed. */
export const ROADMAP_LANE_LIMIT = 100
export const ROADMAP_DONE_LIMIT = 50

export interface RoadmapLaneRecord {
  status: RoadmapStatus
  requests: RequestRecord[]
}

export class RoadmapStore {
  constructor(private readonly db: Db) {}

  /** The public roadmap as everyone sees it (`voted` false: the caller's votes come later). */
  async lanes(projectId: string): Promise<RoadmapLaneRecord[]> {
    const lanes: RoadmapLaneRecord[] = []
    for (const status of ROADMAP_STATUSES) {
      const order =
        status === 'done'
          ? 'coalesce(r.status_changed_at, r.updated_at) DESC, r.id'
          : 'r.votes DESC, r.created_at DESC, r.id'
      const rows = await this.db.query<RequestRow>(
        `SELECT ${REQUEST_COLUMNS} FROM requests r
          WHERE r.project_id = $1 AND r.merged_into IS NULL AND r.status = $2
            AND ${PUBLICLY_SHOWN}
          ORDER BY ${order} LIMIT $3`,
        [projectId, status, status === 'done' ? ROADMAP_DONE_LIMIT : ROADMAP_LANE_LIMIT],
      )
      lanes.push({ status, requests: rows.map((row) => toRequestRecord(row, false)) })
    }
    return lanes
  }
}
