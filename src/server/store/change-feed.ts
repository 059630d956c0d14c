import pg from 'pg'
import { type Logger, silentLogger } from '../logger'
import { describeDatabaseError } from './db-errors'

/** "Whatever you cached about this project is stale": `projectId` '*' means every project. */
export interface ProjectChange {
  projectId: string
  /** 'project': the project row itself (secret, settings); 'lists': its requests and votes. */
  scope: 'project' | 'lists'
}

/**
 * How a write on one server process reaches the caches of every other process on the same
 * database. The embedded database is one process, so its feed is an in-process emitter; on
 * PostgreSQL it is LISTEN/NOTIFY, and `publish` resolves once PostgreSQL has delivered the
 * notification back to this process, i.e. once it has been sent to every listener (the same
 * change published by many writes at once is sent once for all those that asked meanwhile).
 */
export interface ChangeFeed {
  publish(change: ProjectChange): Promise<void>
  subscribe(listener: (change: ProjectChange) => void): () => void
  close(): Promise<void>
}

type Listener = (change: ProjectChange) => void

class Listeners {
  private readonly set = new Set<Listener>()
  add(listener: Listener): () => void {
    this.set.add(listener)
    return () => this.set.delete(listener)
  }
  emit(change: ProjectChange): void {
    for (const listener of this.set) listener(change)
  }
}

export function localChangeFeed(): ChangeFeed {
  const listeners = new Listeners()
  return {
    async publish(change) {
      listeners.emit(change)
    },
    subscribe: (listener) => listeners.add(listener),
    async close() {},
  }
}

/** The notification on its way for one change, and the one those who asked meanwhile share. */
interface Lane {
  sending: Promise<void>
  next: Promise<void> | null
}

/** How long publish() waits for its own notification before giving up on the echo. */
const ECHO_TIMEOUT_MS = 1000
/** The first wait before reconnecting the LISTEN connection; it doubles up to the max. */
const RECONNECT_FIRST_DELAY_MS = 250
const RECONNECT_MAX_DELAY_MS = 5_000

/**
 * LISTEN on a dedicated connection (a pooled one could be handed to a query mid-notification).
 * One channel per schema, so test schemas on one server never mix. When the connection drops
 * (PostgreSQL restarted, pg_terminate_backend), the feed reconnects with backoff until it is
 * closed, and re-subscribes. Notifications sent meanwhile are lost, so every listener is told
 * that everything is stale ('*') both when the connection drops and when it is back: a read
 * cached in between may have missed a write made by another process.
 */
export async function postgresChangeFeed(options: {
  connectionString: string
  schema?: string
  /** Runs `SELECT pg_notify(...)`: the store's pool, so publishing needs no extra connection. */
  notify: (channel: string, payload: string) => Promise<void>
  logger?: Logger
}): Promise<ChangeFeed> {
  const logger = options.logger ?? silentLogger
  const channel = `reqio_changes_${options.schema ?? 'public'}`
  const origin = `${process.pid}-${Math.random().toString(36).slice(2)}`
  const listeners = new Listeners()
  const waitingEchoes = new Map<string, () => void>()
  const everythingStale: ProjectChange = { projectId: '*', scope: 'project' }
  let sequence = 0
  let client: pg.Client | null = null
  let closed = false
  let reconnecting = false

  const connect = async (): Promise<void> => {
    const next = new pg.Client({
      connectionString: options.connectionString,
      connectionTimeoutMillis: RECONNECT_MAX_DELAY_MS,
      keepAlive: true,
    })
    next.on('notification', (message) => {
      if (message.channel !== channel || !message.payload) return
      let parsed: { from: string; id: string; change: ProjectChange }
      try {
        parsed = JSON.parse(message.payload)
      } catch {
        // Anyone with access may NOTIFY this channel; a stray payload must not end the process.
        return
      }
      const { from, id, change } = parsed
      if (from === origin) {
        waitingEchoes.get(id)?.()
        return
      }
      listeners.emit(change)
    })
    const lost = (error?: Error) => {
      if (closed || client !== next) return
      client = null
      logger.warn(
        `database: the LISTEN connection was lost${error ? ` (${describeDatabaseError(error)})` : ''}; reconnecting`,
      )
      listeners.emit(everythingStale)
      void next.end().catch(() => {})
      void reconnect()
    }
    next.on('error', lost)
    next.on('end', () => lost())
    try {
      await next.connect()
      await next.query(`LISTEN ${channel}`)
    } catch (error) {
      await next.end().catch(() => {})
      throw error
    }
    if (closed) {
      await next.end().catch(() => {})
      return
    }
    client = next
  }

  const reconnect = async (): Promise<void> => {
    if (reconnecting) return
    reconnecting = true
    try {
      for (let attempt = 1; !closed; attempt++) {
        const delay = Math.min(
          RECONNECT_FIRST_DELAY_MS * 2 ** (attempt - 1),
          RECONNECT_MAX_DELAY_MS,
        )
        await new Promise((resolve) => setTimeout(resolve, delay).unref())
        if (closed) return
        try {
          await connect()
        } catch {
          continue
        }
        logger.info(`database: LISTEN connection back after ${attempt} tries; caches cleared`)
        listeners.emit(everythingStale)
        return
      }
    } finally {
      reconnecting = false
    }
  }

  await connect()

  /** Sends one notification and resolves once PostgreSQL has delivered it back here. */
  const notifyAndWaitForEcho = async (change: ProjectChange): Promise<void> => {
    const id = String(++sequence)
    const echoed = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ECHO_TIMEOUT_MS)
      timer.unref()
      waitingEchoes.set(id, () => {
        clearTimeout(timer)
        resolve()
      })
    })
    try {
      await options.notify(channel, JSON.stringify({ from: origin, id, change }))
      if (client) await echoed
    } finally {
      waitingEchoes.delete(id)
    }
  }

  // One notification on its way per change (project and scope): the same change published
  // meanwhile, e.g. by 20 votes on one project at once, goes out as one notification sent once
  // that one is done. Each caller's is sent after the caller asked, i.e. after its write
  // committed, so nobody drops a cache before the write they are told about.
  const lanes = new Map<string, Lane>()
  const send = (key: string, change: ProjectChange): Promise<void> => {
    const lane: Lane = {
      sending: notifyAndWaitForEcho(change).finally(() => {
        if (lanes.get(key) === lane && lane.next === null) lanes.delete(key)
      }),
      next: null,
    }
    lanes.set(key, lane)
    return lane.sending
  }

  return {
    publish(change) {
      const key = `${change.scope}\u0000${change.projectId}`
      const lane = lanes.get(key)
      if (!lane) return send(key, change)
      lane.next ??= lane.sending.catch(() => {}).then(() => send(key, change))
      return lane.next
    },
    subscribe: (listener) => listeners.add(listener),
    async close() {
      closed = true
      await client?.end().catch(() => {})
    },
  }
}
