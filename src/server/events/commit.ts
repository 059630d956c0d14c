import type { Context } from 'hono'
import { auditActor } from '../auth/team-actor'
import type { AppEnv, RouteDeps } from '../http/env'
import { createStore, type Store } from '../store'
import type { Db, SqlExecutor } from '../store/db'
import { enqueueEvent, type ReqioEvent } from './events'

/** One audit line of the change; actor and time come from the unit of work. */
export interface AuditLine {
  action: string
  target?: string
  detail?: Record<string, unknown>
  /** Defaults to the route's project; null for team-wide entries (invites, roles). */
  projectId?: string | null
  /** Defaults to the caller (auditActor); sign-in routes name the member they act as. */
  actor?: string
}

/** What a change is given: the store bound to its transaction, and the two ways to tell. */
export interface UnitOfWork {
  /** Every store, reading and writing inside this transaction. */
  readonly store: Store
  readonly tx: SqlExecutor
  /** One clock reading for the whole change. */
  readonly now: number
  /** Queues `event`: told if and only if the change commits (a transactional outbox). */
  emit(event: ReqioEvent): Promise<void>
  /** Writes an audit line in the change's own transaction. */
  audit(line: AuditLine): Promise<void>
  /** Another project whose cached reads this change makes stale (the route's own always is). */
  touch(projectId: string): void
  /** The change turned out to change nothing (a repeated vote): the route's cached reads stay. */
  nothingChanged(): void
  /** A job was written by hand in `tx` (a retry, a test delivery): wake the runner after COMMIT. */
  jobQueued(): void
}

type CommitDeps = Pick<RouteDeps, 'store' | 'clock' | 'caches' | 'notifications'>

/**
 * The one way a route writes: `work` runs the store writes, `emit` and `audit` in one
 * transaction; after COMMIT the touched projects' caches are dropped (in every process) and the
 * job runner is woken only if a job was queued. A throw rolls everything back: nobody is told.
 * PostgreSQL may run `work` again after a deadlock, so all it collects starts afresh per attempt.
 * Inside `work`, reach the database only through `w.store` (or `w.tx`): the embedded database
 * has one connection, so a query through `deps.store` would wait for this very transaction.
 */
export async function commit<T>(
  deps: CommitDeps,
  c: Context<AppEnv>,
  work: (w: UnitOfWork) => Promise<T>,
): Promise<T> {
  const routeProjectId = (c.get('project') as { id: string } | undefined)?.id ?? null
  const now = deps.clock.now()
  let touched = new Set<string>()
  let queued = false
  const result = await deps.store.db.transaction(async (tx) => {
    touched = new Set(routeProjectId ? [routeProjectId] : [])
    queued = false
    const store = createStore(inTransaction(deps.store.db, tx), deps.store.changes)
    return work({
      store,
      tx,
      now,
      async emit(event) {
        touched.add(event.projectId)
        if (await enqueueEvent(tx, event, now)) queued = true
      },
      async audit(line) {
        await store.audit.record({
          projectId: line.projectId === undefined ? routeProjectId : line.projectId,
          actor: line.actor ?? auditActor(c),
          action: line.action,
          target: line.target,
          detail: line.detail,
          now,
        })
      },
      nothingChanged() {
        if (routeProjectId) touched.delete(routeProjectId)
      },
      touch(projectId) {
        touched.add(projectId)
      },
      jobQueued() {
        queued = true
      },
    })
  })
  await Promise.all([...touched].map((projectId) => deps.caches.invalidateProject(projectId)))
  if (queued) deps.notifications.runner.kick()
  return result
}

/** A Db whose every call runs inside `tx`: a store method's own transaction joins the change's. */
function inTransaction(db: Db, tx: SqlExecutor): Db {
  return {
    kind: db.kind,
    query: (sql, params) => tx.query(sql, params),
    exec: (sql) => tx.exec(sql),
    transaction: (work) => work(tx),
    close: () => Promise.reject(new Error('a unit of work cannot close the database')),
  }
}
