import type { TeamRole } from '../../shared/roles'
import type { Db, SqlExecutor } from './db'
import { toIso } from './rows'

export interface InviteRecord {
  id: string
  email: string
  role: TeamRole
  /** Set for a password reset of this existing member. */
  memberId: string | null
  createdBy: string
  createdAt: string
  expiresAt: string
  acceptedAt: string | null
  revokedAt: string | null
}

interface InviteRow {
  id: string
  email: string
  role: TeamRole
  member_id: string | null
  created_by: string
  created_at: Date | string
  expires_at: Date | string
  accepted_at: Date | string | null
  revoked_at: Date | string | null
}

function toInviteRecord(row: InviteRow): InviteRecord {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    memberId: row.member_id,
    createdBy: row.created_by,
    createdAt: toIso(row.created_at),
    expiresAt: toIso(row.expires_at),
    acceptedAt: row.accepted_at ? toIso(row.accepted_at) : null,
    revokedAt: row.revoked_at ? toIso(row.revoked_at) : null,
  }
}

/** Invites are found by the sha256 of the code in their link (auth/invites.ts). */
export class InvitesStore {
  constructor(private readonly db: Db) {}

  async create(
    input: {
      id: string
      codeHash: string
      email: string
      role: TeamRole
      memberId: string | null
      createdBy: string
      now: number
      expiresAt: number
    },
    executor: SqlExecutor = this.db,
  ): Promise<InviteRecord> {
    const rows = await executor.query<InviteRow>(
      `INSERT INTO invites (id, code_hash, email, role, member_id, created_by, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
      [
        input.id,
        input.codeHash,
        input.email,
        input.role,
        input.memberId,
        input.createdBy,
        new Date(input.now),
        new Date(input.expiresAt),
      ],
    )
    return toInviteRecord(rows[0] as InviteRow)
  }

  /** A usable invite: not accepted, not revoked, not expired. */
  async findPendingByCode(
    codeHash: string,
    now: number,
    executor: SqlExecutor = this.db,
  ): Promise<InviteRecord | null> {
    const rows = await executor.query<InviteRow>(
      `SELECT * FROM invites
        WHERE code_hash = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > $2`,
      [codeHash, new Date(now)],
    )
    return rows[0] ? toInviteRecord(rows[0]) : null
  }

  async listPending(now: number): Promise<InviteRecord[]> {
    const rows = await this.db.query<InviteRow>(
      `SELECT * FROM invites
        WHERE accepted_at IS NULL AND revoked_at IS NULL AND expires_at > $1
        ORDER BY created_at DESC, id`,
      [new Date(now)],
    )
    return rows.map(toInviteRecord)
  }

  async revoke(id: string, now: number, executor: SqlExecutor): Promise<InviteRecord | null> {
    const rows = await executor.query<InviteRow>(
      `UPDATE invites SET revoked_at = $2
        WHERE id = $1 AND accepted_at IS NULL AND revoked_at IS NULL RETURNING *`,
      [id, new Date(now)],
    )
    return rows[0] ? toInviteRecord(rows[0]) : null
  }

  /** Marks it used; false when someone else used it first (the accept then fails). */
  async markAccepted(id: string, now: number, executor: SqlExecutor): Promise<boolean> {
    const rows = await executor.query(
      `UPDATE invites SET accepted_at = $2
        WHERE id = $1 AND accepted_at IS NULL AND revoked_at IS NULL RETURNING id`,
      [id, new Date(now)],
    )
    return rows.length > 0
  }

  /**
   * Voids every pending link of that person (invites to the email and reset links of the member)
   * but `exceptId`; answers how many. An old link must never outlive the event that replaced it.
   */
  async voidPendingFor(
    person: { email: string; memberId: string | null },
    now: number,
    executor: SqlExecutor,
    exceptId: string | null = null,
  ): Promise<number> {
    const rows = await executor.query(
      `UPDATE invites SET revoked_at = $3
        WHERE (email = $1 OR member_id = $2) AND id IS DISTINCT FROM $4
          AND accepted_at IS NULL AND revoked_at IS NULL
        RETURNING id`,
      [person.email.toLowerCase(), person.memberId, new Date(now), exceptId],
    )
    return rows.length
  }
}
