import type { CompanySort, CompanySummary } from '../../shared/api'
import { companyAccount } from './account-revenue'
import type { Db } from './db'
import { type KeysetColumn, keysetAfter } from './keyset'
import { type RevenueFactColumns, toRevenueFacts } from './revenue-facts'
import { REQUEST_COLUMNS, type RequestRow, toRequestRecord } from './rows'
import type { RequestRecord } from './types'

/** A company as the dashboard lists it: the record is the admin wire shape. */
export type CompanyRecord = CompanySummary

export interface CompanyRequestRecord extends RequestRecord {
  /** How many of the request's voters are the company's people. */
  companyVoters: number
}

export interface CompanyDetailRecord {
  company: CompanyRecord
  people: { sub: string; email: string | null }[]
  requests: CompanyRequestRecord[]
}

export const COMPANIES_LIMIT = 100
export const COMPANY_REQUESTS_LIMIT = 200

interface CompanyRow extends RevenueFactColumns {
  internal_id: number
  external_id: string
  name: string | null
  plan: string | null
  mrr_cents: number
  people: number
  requests: number
}

/**
 * People and requests are counted per company shown, from indexes (people_by_company,
 * request_accounts_by_account): a page of companies by revenue reads a few rows for each.
 * Sorting by requests counts them for every company of the project first.
 */
const COMPANY_COLUMNS = `c.id AS internal_id, c.external_id, c.name, c.plan, c.mrr_cents,
  c.mrr_source, c.mrr_as_of, c.at_risk,
  (SELECT count(*) FROM people p WHERE p.company_id = c.id) AS people,
  (SELECT count(*) FROM request_accounts ra WHERE ra.account = 'c:' || c.id) AS requests`

const COMPANY_ORDER: Record<CompanySort, string> = {
  mrr: 'mrr_cents DESC, requests DESC, external_id',
  requests: 'requests DESC, mrr_cents DESC, external_id',
}

/**
 * The keys cursor pages continue from. By revenue the page is chosen in the index's order
 * (mrr, id) and then shown with more requests first among equal MRR; the key is the last row
 * in the index's order, so each company is on exactly one page.
 */
export const COMPANY_KEYSET: Record<CompanySort, readonly KeysetColumn[]> = {
  mrr: [
    { sql: 'mrr_cents', descending: true, type: 'number' },
    { sql: 'external_id', descending: false, type: 'text' },
  ],
  requests: [
    { sql: 'requests', descending: true, type: 'number' },
    { sql: 'mrr_cents', descending: true, type: 'number' },
    { sql: 'external_id', descending: false, type: 'text' },
  ],
}

export interface CompanyPage {
  companies: CompanyRecord[]
  /** The key (COMPANY_KEYSET) of the last company shown when there are more; else null. */
  nextKey: (string | number)[] | null
}

function toCompanyRecord(row: CompanyRow): CompanyRecord {
  return {
    id: row.external_id,
    name: row.name,
    plan: row.plan,
    mrrCents: Number(row.mrr_cents),
    ...toRevenueFacts(row),
    people: Number(row.people),
    requests: Number(row.requests),
  }
}

export class CompaniesStore {
  constructor(private readonly db: Db) {}

  /** One page of the project's companies in `sort`'s order, after `after` (a key) when given. */
  async list(input: {
    projectId: string
    sort: CompanySort
    limit?: number
    after?: readonly unknown[] | null
  }): Promise<CompanyPage> {
    const limit = input.limit ?? COMPANIES_LIMIT
    const after = input.after ? keysetAfter(COMPANY_KEYSET[input.sort], input.after, 3) : null
    const afterSql = after ? `AND ${after.sql}` : ''
    // By revenue the index gives the page first and only its companies are counted. One row
    // more than the page says whether there are more; `rank` is its place in the index's order.
    const rows =
      input.sort === 'mrr'
        ? await this.db.query<CompanyRow & { rank: number | string }>(
            `SELECT ${COMPANY_COLUMNS}, c.rank FROM
               (SELECT *, row_number() OVER (ORDER BY mrr_cents DESC, external_id) AS rank
                  FROM (SELECT * FROM companies WHERE project_id = $1 ${afterSql}
                         ORDER BY mrr_cents DESC, external_id LIMIT $2) page) c
              ORDER BY ${COMPANY_ORDER.mrr}`,
            [input.projectId, limit + 1, ...(after?.params ?? [])],
          )
        : await this.db.query<CompanyRow & { rank: number | string }>(
            `SELECT *, row_number() OVER (ORDER BY ${COMPANY_ORDER.requests}) AS rank
               FROM (SELECT ${COMPANY_COLUMNS} FROM companies c WHERE c.project_id = $1) c
              WHERE true ${afterSql}
              ORDER BY ${COMPANY_ORDER.requests} LIMIT $2`,
            [input.projectId, limit + 1, ...(after?.params ?? [])],
          )
    const shown = rows.filter((row) => Number(row.rank) <= limit)
    const last = shown.find((row) => Number(row.rank) === limit)
    const more = rows.length > limit && last !== undefined
    return {
      companies: shown.map(toCompanyRecord),
      nextKey: more
        ? input.sort === 'mrr'
          ? [Number(last.mrr_cents), last.external_id]
          : [Number(last.requests), Number(last.mrr_cents), last.external_id]
        : null,
    }
  }

  /** The company's account ('c:<id>', account-revenue.ts), or null when there is no such company. */
  async accountOf(projectId: string, companyId: string): Promise<string | null> {
    const [row] = await this.db.query<{ id: number }>(
      'SELECT id FROM companies WHERE project_id = $1 AND external_id = $2',
      [projectId, companyId],
    )
    return row ? companyAccount(row.id) : null
  }

  /** One company with its people and the requests they asked for, by revenue. */
  async get(projectId: string, companyId: string): Promise<CompanyDetailRecord | null> {
    const [row] = await this.db.query<CompanyRow>(
      `SELECT ${COMPANY_COLUMNS} FROM companies c WHERE c.project_id = $1 AND c.external_id = $2`,
      [projectId, companyId],
    )
    if (!row) return null
    const people = await this.db.query<{ sub: string; email: string | null }>(
      'SELECT sub, email FROM people WHERE company_id = $1 ORDER BY sub LIMIT 500',
      [row.internal_id],
    )
    const requests = await this.db.query<RequestRow & { company_voters: number }>(
      `SELECT ${REQUEST_COLUMNS}, ra.voters AS company_voters
         FROM request_accounts ra JOIN requests r ON r.id = ra.request_id
        WHERE ra.account = $1
        ORDER BY r.mrr_cents DESC, r.votes DESC, r.created_at DESC, r.id
        LIMIT $2`,
      [companyAccount(row.internal_id), COMPANY_REQUESTS_LIMIT],
    )
    return {
      company: toCompanyRecord(row),
      people,
      requests: requests.map((request) => ({
        ...toRequestRecord(request),
        companyVoters: Number(request.company_voters),
      })),
    }
  }
}
