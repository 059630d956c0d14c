import pg from 'pg'

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
 * notification back to this process, i.e. once it has been sent to every listener.
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

/** How long publish() waits for its own notification before giving up on the echo. */
const ECHO_TIMEOUT_MS = 1000
const RECONNECT_DELAY_MS = 500

/**
 * LISTEN on a dedicated connection (a pooled one could be handed to a query mid-notification).
 * One channel per schema, so test schemas on one server never mix. When the connection drops,
 * every listener is told that everything is stale ('*'), since notifications may have been
 * missed, and the feed reconnects.
 */
export async function postgresChangeFeed(options: {
  connectionString: string
  schema?: string
  /** Runs `SELECT pg_notify(...)`: the store's pool, so publishing needs no extra connection. */
  notify: (channel: string, payload: string) => Promise<void>
}): Promise<ChangeFeed> {
  const channel = `reqio_changes_${options.schema ?? 'public'}`
  const origin = `${process.pid}-${Math.random().toString(36).slice(2)}`
  const listeners = new Listeners()
  const waitingEchoes = new Map<string, () => void>()
  let sequence = 0
  let client: pg.Client | null = null
  let closed = false

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: options.connectionString })
    next.on('notification', (message) => {
      if (message.channel !== channel || !message.payload) return
      const { from, id, change } = JSON.parse(message.payload) as {
        from: string
        id: string
        change: ProjectChange
      }
      if (from === origin) {
        waitingEchoes.get(id)?.()
        return
      }
      listeners.emit(change)
    })
    next.on('error', () => {
      if (closed || client !== next) return
      client = null
      listeners.emit({ projectId: '*', scope: 'project' })
      void next.end().catch(() => {})
      setTimeout(() => void connect().catch(() => {}), RECONNECT_DELAY_MS).unref()
    })
    await next.connect()
    await next.query(`LISTEN ${channel}`)
    client = next
  }
  await connect()

  return {
    async publish(change) {
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
    },
    subscribe: (listener) => listeners.add(listener),
    async close() {
      closed = true
      await client?.end().catch(() => {})
    },
  }
}
