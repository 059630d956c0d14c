import type { TeamRole } from '../../shared/roles'
import type { Db, SqlExecutor } from './db'
import { toIso } from './rows'

/** A person on the site owner's team, signed in to the dashboard. */
export interface TeamMember {
  id: string
  email: string
  name: string
  role: TeamRole
}

/** A member as stored: the password hash never leaves store/ and auth/. */
export interface MemberRecord extends TeamMember {
  createdAt: string
  passwordHash: string
}

interface MemberRow {
  id: string
  email: string
  name: string
  role: TeamRole
  password_hash: string
  created_at: Date | string
}

function toMemberRecord(row: MemberRow): MemberRecord {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    passwordHash: row.password_hash,
    createdAt: toIso(row.created_at),
  }
}

/** Same advisory-lock idea as migrations: serialises "is this the last owner?" and first setup. */
const TEAM_LOCK_ID = 727_100_405

export class MembersStore {
  constructor(private readonly db: Db) {}

  /** Held until the transaction ends: first-owner setup and owner demotions take it. */
  async lockTeam(tx: SqlExecutor): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [TEAM_LOCK_ID])
  }

  async count(executor: SqlExecutor = this.db): Promise<number> {
    const rows = await executor.query<{ n: number }>('SELECT count(*)::int AS n FROM members')
    return rows[0]?.n ?? 0
  }

  async countOwners(executor: SqlExecutor = this.db): Promise<number> {
    const rows = await executor.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM members WHERE role = 'owner'`,
    )
    return rows[0]?.n ?? 0
  }

  async create(
    input: {
      id: string
      email: string
      name: string
      role: TeamRole
      passwordHash: string
      now: number
    },
    executor: SqlExecutor = this.db,
  ): Promise<MemberRecord> {
    const rows = await executor.query<MemberRow>(
      `INSERT INTO members (id, email, name, role, password_hash, created_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
      [input.id, input.email, input.name, input.role, input.passwordHash, new Date(input.now)],
    )
    return toMemberRecord(rows[0] as MemberRow)
  }

  async findByEmail(email: string, executor: SqlExecutor = this.db): Promise<MemberRecord | null> {
    const rows = await executor.query<MemberRow>('SELECT * FROM members WHERE email = $1', [email])
    return rows[0] ? toMemberRecord(rows[0]) : null
  }

  async findById(id: string, executor: SqlExecutor = this.db): Promise<MemberRecord | null> {
    const rows = await executor.query<MemberRow>('SELECT * FROM members WHERE id = $1', [id])
    return rows[0] ? toMemberRecord(rows[0]) : null
  }

  async list(): Promise<MemberRecord[]> {
    const rows = await this.db.query<MemberRow>('SELECT * FROM members ORDER BY created_at, email')
    return rows.map(toMemberRecord)
  }

  async setRole(id: string, role: TeamRole, executor: SqlExecutor): Promise<MemberRecord | null> {
    const rows = await executor.query<MemberRow>(
      'UPDATE members SET role = $2 WHERE id = $1 RETURNING *',
      [id, role],
    )
    return rows[0] ? toMemberRecord(rows[0]) : null
  }

  async setPassword(
    id: string,
    input: { passwordHash: string; name?: string },
    executor: SqlExecutor = this.db,
  ): Promise<void> {
    await executor.query(
      'UPDATE members SET password_hash = $2, name = coalesce($3, name) WHERE id = $1',
      [id, input.passwordHash, input.name ?? null],
    )
  }

  /** Their sessions and pending reset links go with them (ON DELETE CASCADE). */
  async remove(id: string, executor: SqlExecutor): Promise<boolean> {
    const rows = await executor.query('DELETE FROM members WHERE id = $1 RETURNING id', [id])
    return rows.length > 0
  }
}
