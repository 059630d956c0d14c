import { join } from 'node:path'
import { resolveAdminToken } from './admin-token'
import { createApp } from './app'
import { systemClock } from './clock'
import { readServerConfig } from './config'
import { prepareDataDir } from './data-dir'
import { DEMO_PROJECT_ID, seedDemoProject } from './demo'
import { createNotifications } from './jobs'
import { createLifecycle } from './lifecycle'
import { listen } from './listen'
import { consoleLogger as logger } from './logging/process-logger'
import { openStore } from './store'
import { VERSION } from './version'

/** Starts Reqio: env → store (migrated) → HTTP; SIGTERM/SIGINT drain, then close the database. */
async function main(): Promise<void> {
  logger.info(`Reqio ${VERSION}`)
  const config = readServerConfig()
  // Everything this process creates (database files included) is for its own user only.
  process.umask(0o077)
  if (!config.databaseUrl || !config.adminToken) {
    if (prepareDataDir(config.dataDir)) logger.info(`data dir: tightened ${config.dataDir} to 0700`)
  }
  const store = await openStore({
    databaseUrl: config.databaseUrl,
    dataDir: join(config.dataDir, 'pglite'),
    poolMax: config.databasePoolMax,
    statementTimeoutMs: config.databaseStatementTimeoutMs,
    waitForDatabaseSeconds: config.databaseConnectTimeoutSeconds,
    logger,
  })
  // After the store: a second process on the same embedded data dir stops at its lock before
  // it could write an admin token of its own over the first one's.
  const admin = resolveAdminToken(config)
  logger.info(
    config.databaseUrl
      ? 'storage: PostgreSQL (DATABASE_URL)'
      : `storage: embedded, ${config.dataDir}`,
  )
  if (config.demo) {
    logger.info(
      'demo mode: ON (POST /demo/token mints identity tokens for anyone; REQIO_DEMO=0 turns it off)',
    )
    if (await seedDemoProject(store, systemClock)) {
      logger.info(`demo mode: created project "${DEMO_PROJECT_ID}"`)
    }
  }

  const originOn = (port: number) =>
    `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`
  // Links in emails need an origin before the port is bound; REQIO_PUBLIC_URL is the real one.
  const origin = originOn(config.port)
  const notifications = createNotifications({
    store,
    clock: systemClock,
    logger,
    config: { ...config, publicUrl: config.publicUrl ?? origin },
  })
  const lifecycle = createLifecycle()
  const app = createApp({
    store,
    config: { ...config, adminToken: admin.token },
    clock: systemClock,
    logger,
    notifications,
    lifecycle,
  })
  const running = await listen(app, config.host, config.port)
  notifications.runner.start()
  notifications.sweeps.start()
  logger.info(
    {
      smtp: 'email: SMTP (REQIO_SMTP_URL)',
      kept: 'email: no SMTP, demo mode keeps emails for the dashboard (Sent mail)',
      off: 'email: off (set REQIO_SMTP_URL to send)',
    }[notifications.mail.mode],
  )
  if (config.demo) logger.info(`demo page:  ${originOn(running.port)}/`)
  logger.info(`dashboard:  ${originOn(running.port)}/dashboard`)
  if (admin.generated) {
    // Never the token itself: logs are kept and shipped; the file is readable by this user only.
    logger.info(`admin token: generated, saved to ${admin.file} (read it with: cat ${admin.file})`)
  } else if (admin.file) {
    logger.info(`admin token: in ${admin.file}`)
  }

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info(`${signal}: draining requests, then closing the database`)
    // /readyz answers 503 from now on; the port stays open until in-flight requests finish.
    lifecycle.startDraining()
    await running.drain()
    await notifications.close()
    await store.close()
    process.exit(0)
  }
  process.on('SIGTERM', () => void stop('SIGTERM'))
  process.on('SIGINT', () => void stop('SIGINT'))
}

// A background task's failure (a timer, a fire-and-forget write) is logged, never the end of
// the process: the database going away for a moment must not take the server with it.
process.on('unhandledRejection', (reason) => {
  logger.error('unhandled rejection in a background task', reason)
})

main().catch((error) => {
  logger.error('could not start', error)
  process.exit(1)
})
