import type { SqlExecutor } from './db'

/**
 * What Slack messages say about requests and the people behind them, read inside the fan-out's
 * transaction (integrations/slack/slack-news.ts). An account is the person's company when their
 * latest token named one, else the person (spec/api.md "Companies"): its plan and MRR are the
 * company's then.
 */

/**
 * True when the project's Slack set-up hears event `$2` of project `$1`: a request.created
 * event job is queued when an endpoint or Slack listens (store/job-inserts.ts).
 */
export const SLACK_HEARS_EVENT = `EXISTS (SELECT 1 FROM integrations
  WHERE project_id = $1 AND kind = 'slack' AND settings->'events' ? $2)`

/** The account that asked or commented, as a PM reads it in the channel. */
export interface SlackAccount {
  /** The token's `name`, else its `sub`. */
  name: string
  company: string | null
  plan: string | null
  mrrCents: number
}

export interface SlackRequestFacts {
  id: string
  title: string
  body: string
  status: string
  votes: number
  /** Distinct accounts among its identified voters, and the sum of their MRR. */
  accounts: number
  mrrCents: number
  /** Deleted as spam (v3 moderation): nobody hears of it, the channel neither. */
  deleted: boolean
  /** Null for an anonymous visitor. */
  author: SlackAccount | null
}

interface AccountColumns {
  sub: string | null
  person_name: string | null
  company_name: string | null
  company_external_id: string | null
  plan: string | null
  account_mrr: number | null
}

const ACCOUNT_COLUMNS = `p.sub, p.name AS person_name, co.name AS company_name,
       co.external_id AS company_external_id,
       CASE WHEN co.id IS NULL THEN p.plan ELSE co.plan END AS plan,
       CASE WHEN co.id IS NULL THEN p.mrr_cents ELSE co.mrr_cents END AS account_mrr`

function toAccount(row: AccountColumns): SlackAccount | null {
  if (!row.sub) return null
  return {
    name: row.person_name?.trim() || row.sub,
    company: row.company_name ?? row.company_external_id,
    plan: row.plan,
    mrrCents: row.account_mrr ?? 0,
  }
}

/** The projects among `projectIds` with Slack set up, and the events each one hears. */
export async function slackListeners(
  sql: SqlExecutor,
  projectIds: string[],
): Promise<Map<string, Set<string>>> {
  const rows = await sql.query<{ project_id: string; events: unknown }>(
    `SELECT project_id, settings->'events' AS events FROM integrations
      WHERE kind = 'slack' AND project_id = ANY($1::text[])`,
    [projectIds],
  )
  const parse = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value)
  return new Map(
    rows.map((row) => {
      const events = parse(row.events)
      return [row.project_id, new Set(Array.isArray(events) ? events.map(String) : [])]
    }),
  )
}

/** Requests of one project by id, with their author's account; missing ones are left out. */
export async function slackRequestFacts(
  sql: SqlExecutor,
  projectId: string,
  requestIds: string[],
): Promise<Map<string, SlackRequestFacts>> {
  if (requestIds.length === 0) return new Map()
  const rows = await sql.query<
    AccountColumns & {
      id: string
      title: string
      body: string
      status: string
      votes: number
      accounts: number
      mrr_cents: number
      deleted: boolean
    }
  >(
    `SELECT r.id, r.title, r.body, r.status, r.votes, r.accounts, r.mrr_cents,
            r.deleted_at IS NOT NULL AS deleted, ${ACCOUNT_COLUMNS}
       FROM requests r
       LEFT JOIN people p ON p.id = r.author_person_id
       LEFT JOIN companies co ON co.id = p.company_id
      WHERE r.project_id = $1 AND r.id = ANY($2::text[])`,
    [projectId, requestIds],
  )
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        title: row.title,
        body: row.body,
        status: row.status,
        votes: row.votes,
        accounts: row.accounts,
        mrrCents: row.mrr_cents,
        deleted: row.deleted,
        author: toAccount(row),
      },
    ]),
  )
}

/** The account of the person with token subject `sub`, or null if unknown. */
export async function slackAccountOf(
  sql: SqlExecutor,
  projectId: string,
  sub: string,
): Promise<SlackAccount | null> {
  const [row] = await sql.query<AccountColumns>(
    `SELECT ${ACCOUNT_COLUMNS}
       FROM people p LEFT JOIN companies co ON co.id = p.company_id
      WHERE p.project_id = $1 AND p.sub = $2`,
    [projectId, sub],
  )
  return row ? toAccount(row) : null
}

/**
 * The distinct accounts among the identified voters of `requestIds` and their MRR, each account
 * counted once however many of the requests it asked for (a changelog entry's "shipped for").
 */
export async function slackShippedTotals(
  sql: SqlExecutor,
  requestIds: string[],
): Promise<{ accounts: number; mrrCents: number }> {
  if (requestIds.length === 0) return { accounts: 0, mrrCents: 0 }
  const [row] = await sql.query<{ accounts: number; mrr_cents: number }>(
    `SELECT count(*)::int AS accounts, coalesce(sum(mrr), 0)::bigint AS mrr_cents
       FROM (SELECT account, max(mrr_cents) AS mrr FROM request_accounts
              WHERE request_id = ANY($1::text[]) GROUP BY account) shipped`,
    [requestIds],
  )
  return { accounts: row?.accounts ?? 0, mrrCents: row?.mrr_cents ?? 0 }
}
