import type { Db, SqlExecutor } from './db'
import { toIso } from './rows'
import { applyStripeBilling, type StripeAccountRef } from './stripe-accounts'

/** The project's Stripe webhook, for the server's own use (the secret is never answered). */
export interface StripeSetup {
  webhookSecret: string
  lastEvent: { type: string; receivedAt: string } | null
}

/** The reqio_company / reqio_sub keys of a subscription's or customer's metadata, when set. */
export interface StripeMetadataAccount {
  company: string | null
  sub: string | null
}

/** A customer.subscription.* event as the store needs it (worked out by the event's handler). */
export interface StripeSubscriptionChange {
  subscriptionId: string
  customerId: string | null
  /** The account the subscription's own metadata names (company wins when both are set). */
  named: StripeMetadataAccount
  status: string
  cancelAtPeriodEnd: boolean
  atRisk: boolean
  mrrCents: number
  /** The event's `created` (Unix seconds): an older one than the last applied changes nothing. */
  created: number
}

interface SubscriptionRow {
  reqio_company: string | null
  reqio_sub: string | null
  last_event_created: number | string
}

function refOf(account: StripeMetadataAccount): StripeAccountRef | null {
  if (account.company) return { company: account.company }
  if (account.sub) return { sub: account.sub }
  return null
}

function sameRef(a: StripeAccountRef | null, b: StripeAccountRef | null): boolean {
  return a?.company === b?.company && a?.sub === b?.sub
}

/**
 * Stripe, as Reqio hears it through the project's webhook: the set-up, what customers' and
 * subscriptions' metadata said last, and each subscription's MRR (stripe-accounts.ts turns
 * them into accounts' MRR).
 */
export class StripeStore {
  constructor(private readonly db: Db) {}

  async setup(projectId: string): Promise<StripeSetup | null> {
    const [row] = await this.db.query<{
      webhook_secret: string
      last_event_type: string | null
      last_event_at: Date | string | null
    }>(
      'SELECT webhook_secret, last_event_type, last_event_at FROM stripe_setups WHERE project_id = $1',
      [projectId],
    )
    if (!row) return null
    return {
      webhookSecret: row.webhook_secret,
      lastEvent:
        row.last_event_type && row.last_event_at
          ? { type: row.last_event_type, receivedAt: toIso(row.last_event_at) }
          : null,
    }
  }

  /** Sets (or, with null, removes) the project's whsec_ secret; the last event seen stays. */
  async putWebhookSecret(projectId: string, secret: string | null, now: number): Promise<void> {
    if (secret === null) {
      await this.db.query('DELETE FROM stripe_setups WHERE project_id = $1', [projectId])
      return
    }
    await this.db.query(
      `INSERT INTO stripe_setups (project_id, webhook_secret, created_at, updated_at)
       VALUES ($1, $2, $3, $3)
       ON CONFLICT (project_id) DO UPDATE
         SET webhook_secret = EXCLUDED.webhook_secret, updated_at = EXCLUDED.updated_at`,
      [projectId, secret, new Date(now)],
    )
  }

  /** A verified event came, whatever it did: Settings > Revenue shows the last one. */
  async eventReceived(projectId: string, type: string, now: number): Promise<void> {
    await this.db.query(
      'UPDATE stripe_setups SET last_event_type = $2, last_event_at = $3 WHERE project_id = $1',
      [projectId, type.slice(0, 100), new Date(now)],
    )
  }

  /**
   * customer.created / customer.updated: remembers which account the customer's metadata names.
   * Its subscriptions that name no account themselves follow it now (they may have come first).
   */
  async rememberCustomer(
    projectId: string,
    customer: { customerId: string; named: StripeMetadataAccount; created: number },
    now: number,
  ): Promise<void> {
    await this.db.transaction(async (tx) => {
      const [applied] = await tx.query<{ customer_id: string }>(
        `INSERT INTO stripe_customers (project_id, customer_id, reqio_company, reqio_sub,
                                       last_event_created, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $6)
         ON CONFLICT (project_id, customer_id) DO UPDATE
           SET reqio_company = EXCLUDED.reqio_company, reqio_sub = EXCLUDED.reqio_sub,
               last_event_created = EXCLUDED.last_event_created, updated_at = EXCLUDED.updated_at
           WHERE stripe_customers.last_event_created <= EXCLUDED.last_event_created
         RETURNING customer_id`,
        [
          projectId,
          customer.customerId,
          ...namedColumns(customer.named),
          customer.created,
          new Date(now),
        ],
      )
      if (!applied) return
      const [company, sub] = namedColumns(customer.named)
      const moved = await tx.query<SubscriptionRow>(
        `UPDATE stripe_subscriptions s
            SET reqio_company = $3, reqio_sub = $4,
                named_by = CASE WHEN $3::text IS NULL AND $4::text IS NULL THEN NULL ELSE 'customer' END
           FROM (SELECT subscription_id, reqio_company, reqio_sub FROM stripe_subscriptions
                  WHERE project_id = $1 AND customer_id = $2 AND named_by IS DISTINCT FROM 'subscription'
                  FOR UPDATE) before
          WHERE s.project_id = $1 AND s.subscription_id = before.subscription_id
            AND (before.reqio_company IS DISTINCT FROM $3 OR before.reqio_sub IS DISTINCT FROM $4)
          RETURNING before.reqio_company, before.reqio_sub, s.last_event_created`,
        [projectId, customer.customerId, company, sub],
      )
      if (moved.length === 0) return
      const created = Math.max(
        customer.created,
        ...moved.map((row) => Number(row.last_event_created)),
      )
      const refs = [
        refOf(customer.named),
        ...moved.map((row) => refOf({ company: row.reqio_company, sub: row.reqio_sub })),
      ]
      await applyToAccounts(tx, projectId, refs, created, now)
    })
  }

  /**
   * customer.subscription.*: stores the subscription's state unless an event created after this
   * one was already applied (then false, and nothing changes), and moves the accounts it named
   * before and names now. A subscription naming no account takes its customer's as last seen.
   */
  async applySubscription(
    projectId: string,
    change: StripeSubscriptionChange,
    now: number,
  ): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const named = await this.accountNamed(tx, projectId, change)
      for (let attempt = 0; attempt < 3; attempt++) {
        const [before] = await tx.query<SubscriptionRow>(
          `SELECT reqio_company, reqio_sub, last_event_created FROM stripe_subscriptions
            WHERE project_id = $1 AND subscription_id = $2 FOR UPDATE`,
          [projectId, change.subscriptionId],
        )
        if (before && Number(before.last_event_created) > change.created) return false
        const values = [
          projectId,
          change.subscriptionId,
          change.customerId,
          ...namedColumns(named.account),
          named.by,
          change.status,
          change.cancelAtPeriodEnd,
          change.mrrCents,
          change.atRisk,
          change.created,
          new Date(now),
        ]
        const written = before
          ? await tx.query(
              `UPDATE stripe_subscriptions SET customer_id = $3, reqio_company = $4, reqio_sub = $5,
                      named_by = $6, status = $7, cancel_at_period_end = $8, mrr_cents = $9,
                      at_risk = $10, last_event_created = $11, updated_at = $12
                WHERE project_id = $1 AND subscription_id = $2 RETURNING subscription_id`,
              values,
            )
          : await tx.query(
              `INSERT INTO stripe_subscriptions (project_id, subscription_id, customer_id,
                      reqio_company, reqio_sub, named_by, status, cancel_at_period_end, mrr_cents,
                      at_risk, last_event_created, updated_at)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
               ON CONFLICT (project_id, subscription_id) DO NOTHING RETURNING subscription_id`,
              values,
            )
        // Nothing written: another event of this subscription inserted it meanwhile; read again.
        if (written.length === 0) continue
        const previous = before
          ? refOf({ company: before.reqio_company, sub: before.reqio_sub })
          : null
        await applyToAccounts(tx, projectId, [previous, refOf(named.account)], change.created, now)
        return true
      }
      throw new Error('could not store the subscription')
    })
  }

  private async accountNamed(
    tx: SqlExecutor,
    projectId: string,
    change: StripeSubscriptionChange,
  ): Promise<{ account: StripeMetadataAccount; by: 'subscription' | 'customer' | null }> {
    if (refOf(change.named)) return { account: change.named, by: 'subscription' }
    const [customer] = change.customerId
      ? await tx.query<{ reqio_company: string | null; reqio_sub: string | null }>(
          'SELECT reqio_company, reqio_sub FROM stripe_customers WHERE project_id = $1 AND customer_id = $2',
          [projectId, change.customerId],
        )
      : []
    const account = { company: customer?.reqio_company ?? null, sub: customer?.reqio_sub ?? null }
    return { account, by: refOf(account) ? 'customer' : null }
  }
}

/** Company wins when both keys are set: the company is the account (spec "Companies"). */
function namedColumns(named: StripeMetadataAccount): [string | null, string | null] {
  return named.company ? [named.company, null] : [null, named.sub || null]
}

/**
 * Each distinct account once, in a stable order: people before companies, as a token's
 * transaction locks them (people-store.ts), so the two never wait on each other in a circle.
 */
async function applyToAccounts(
  tx: SqlExecutor,
  projectId: string,
  refs: readonly (StripeAccountRef | null)[],
  created: number,
  now: number,
): Promise<void> {
  const distinct: StripeAccountRef[] = []
  for (const ref of refs)
    if (ref && !distinct.some((seen) => sameRef(seen, ref))) distinct.push(ref)
  distinct.sort((a, b) => keyOf(a).localeCompare(keyOf(b)))
  for (const ref of distinct) await applyStripeBilling(tx, projectId, ref, created, now)
}

function keyOf(ref: StripeAccountRef): string {
  return ref.company !== undefined ? `1:${ref.company}` : `0:${ref.sub}`
}
