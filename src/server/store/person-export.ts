import type { SqlExecutor } from './db'

/**
 * Everything stored about one person of a project, as one JSON document (spec/api.md v3
 * "People (GDPR)"): each table's rows whole (to_jsonb, so a column added later is exported
 * too), except secrets that are not theirs to read (the hashed ids of their portal sessions).
 * Null when there is no such person.
 */
export async function exportPerson(
  sql: SqlExecutor,
  projectId: string,
  sub: string,
  now: number,
): Promise<Record<string, unknown> | null> {
  const [found] = await sql.query<{ person: Record<string, unknown>; id: number | string }>(
    'SELECT to_jsonb(p) AS person, p.id FROM people p WHERE p.project_id = $1 AND p.sub = $2',
    [projectId, sub],
  )
  if (!found) return null
  const personId = Number(found.id)
  const rows = async (query: string, params: unknown[]) =>
    (await sql.query<{ row: unknown }>(query, params)).map((entry) => parse(entry.row))
  const links = await rows(
    'SELECT to_jsonb(l) AS row FROM anonymous_links l WHERE l.person_id = $1 ORDER BY linked_at',
    [personId],
  )
  const voters = [
    `s:${sub}`,
    ...links.map((link) => `a:${(link as { anonymous_id: string }).anonymous_id}`),
  ]
  const mine = [projectId, voters, personId]
  const [
    company,
    votes,
    requests,
    comments,
    updates,
    following,
    mailItems,
    unsubscribes,
    accounts,
    portalSessions,
    deletedRequestVotes,
    unfollows,
    preferences,
    attachments,
    mrrChanges,
    stripeSubscriptions,
  ] = await Promise.all([
    rows(
      `SELECT to_jsonb(c) AS row FROM companies c JOIN people p ON p.company_id = c.id
        WHERE p.id = $1`,
      [personId],
    ),
    rows(
      `SELECT to_jsonb(v) AS row FROM votes v
        WHERE v.project_id = $1 AND (v.voter = ANY($2::text[]) OR v.person_id = $3)
        ORDER BY v.created_at, v.request_id`,
      mine,
    ),
    rows(
      `SELECT to_jsonb(r) - 'search_text' AS row FROM requests r
        WHERE r.project_id = $1 AND (r.author_voter = ANY($2::text[]) OR r.author_person_id = $3)
        ORDER BY r.created_at, r.id`,
      mine,
    ),
    rows(
      `SELECT to_jsonb(c) AS row FROM comments c
        WHERE c.project_id = $1 AND (c.author_voter = ANY($2::text[]) OR c.author_person_id = $3)
        ORDER BY c.created_at, c.seq`,
      mine,
    ),
    rows('SELECT to_jsonb(u) AS row FROM person_updates u WHERE u.person_id = $1 ORDER BY u.id', [
      personId,
    ]),
    rows(
      'SELECT to_jsonb(f) AS row FROM request_followers f WHERE f.person_id = $1 ORDER BY since',
      [personId],
    ),
    rows('SELECT to_jsonb(m) AS row FROM mail_items m WHERE m.person_id = $1 ORDER BY m.id', [
      personId,
    ]),
    rows('SELECT to_jsonb(u) AS row FROM mail_unsubscribes u WHERE u.person_id = $1', [personId]),
    // Their votes' account rows: the revenue they (or their company) add to each request.
    rows(
      `SELECT to_jsonb(ra) AS row FROM request_accounts ra
        WHERE ra.account IN (SELECT DISTINCT account FROM votes WHERE person_id = $1)
          AND ra.request_id IN (SELECT request_id FROM votes WHERE person_id = $1)
        ORDER BY ra.request_id`,
      [personId],
    ),
    rows(
      `SELECT to_jsonb(s) - 'id_hash' AS row FROM portal_sessions s
        WHERE s.project_id = $1 AND s.sub = $2 ORDER BY s.created_at`,
      [projectId, sub],
    ),
    // v3 moderation: their votes on requests the team deleted (kept for a restore).
    rows(
      `SELECT to_jsonb(v) AS row FROM deleted_request_votes v
        WHERE v.project_id = $1 AND (v.voter = ANY($2::text[]) OR v.person_id = $3)
        ORDER BY v.created_at, v.request_id`,
      mine,
    ),
    rows('SELECT to_jsonb(u) AS row FROM request_unfollows u WHERE u.person_id = $1 ORDER BY at', [
      personId,
    ]),
    rows('SELECT to_jsonb(n) AS row FROM notification_preferences n WHERE n.person_id = $1', [
      personId,
    ]),
    // The images they uploaded: what is kept about each, not the bytes (GET its url for those).
    rows(
      `SELECT to_jsonb(a) - 'data' AS row FROM attachments a
        WHERE a.project_id = $1 AND a.uploader_voter = ANY($2::text[])
        ORDER BY a.created_at, a.id`,
      [projectId, voters],
    ),
    // The revenue ledger: their own MRR's changes, and Stripe subscriptions naming their sub.
    rows(
      `SELECT to_jsonb(m) AS row FROM account_mrr_changes m
        WHERE m.project_id = $1 AND m.account = $2 ORDER BY m.at, m.id`,
      [projectId, `p:${personId}`],
    ),
    rows(
      `SELECT to_jsonb(s) AS row FROM stripe_subscriptions s
        WHERE s.project_id = $1 AND s.reqio_sub = $2 ORDER BY s.subscription_id`,
      [projectId, sub],
    ),
  ])
  const email = (found.person as { email?: string | null }).email ?? null
  const [keptMail, jobs, auditLog] = await Promise.all([
    email
      ? rows(
          `SELECT to_jsonb(k) AS row FROM kept_mail k
            WHERE k.project_id = $1 AND lower(k.recipient) = lower($2) ORDER BY k.id`,
          [projectId, email],
        )
      : Promise.resolve([]),
    // Emails waiting for them, and events not yet told that carry their votes or sub.
    rows(
      `SELECT to_jsonb(j) AS row FROM jobs j
        WHERE j.project_id = $1 AND j.status <> 'done'
          AND (j.payload ->> 'personId' = $3::text OR j.payload ->> 'voter' = ANY($2::text[])
               OR j.payload ->> 'authorSub' = $4)
        ORDER BY j.id`,
      [projectId, voters, String(personId), sub],
    ),
    // Lines about them: done to their sub, or naming their email.
    rows(
      `SELECT to_jsonb(a) AS row FROM audit_log a
        WHERE a.project_id = $1
          AND (a.target = $2 OR ($3::text IS NOT NULL AND (a.target ILIKE $3 OR a.detail::text ILIKE $3)))
        ORDER BY a.at, a.id`,
      [projectId, sub, email ? `%${email.replace(/[\\%_]/g, '\\$&')}%` : null],
    ),
  ])
  return {
    exportedAt: new Date(now).toISOString(),
    projectId,
    sub,
    person: parse(found.person),
    company: company[0] ?? null,
    anonymousLinks: links,
    votes,
    requests,
    comments,
    personUpdates: updates,
    requestFollowers: following,
    requestUnfollows: unfollows,
    notificationPreferences: preferences[0] ?? null,
    mailItems,
    mailUnsubscribes: unsubscribes,
    keptMail,
    requestAccounts: accounts,
    portalSessions,
    deletedRequestVotes,
    attachments,
    mrrChanges,
    stripeSubscriptions,
    jobs,
    auditLog,
  }
}

function parse(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value
}
