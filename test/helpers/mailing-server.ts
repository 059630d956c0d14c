import { afterAll, beforeAll, beforeEach } from 'vitest'
import { truncateAllTables } from '../../src/server/store/reset'
import { type SmtpSink, startSmtpSink } from './smtp-sink'
import { startTestServer, type TestServer, type TestServerOptions } from './start-server'

/**
 * One real server per test file that sends its mail to an SMTP sink of its own (`notify.smtpUrl`
 * is the sink's), handed to `started` once both are up; before each test, empty tables and an
 * empty sink that accepts mail again. Hooks the file adds after this call run after these.
 */
export function serverWithSmtpSink(
  options: TestServerOptions,
  started: (server: TestServer, smtp: SmtpSink) => void,
): void {
  let smtp: SmtpSink | undefined
  let server: TestServer | undefined
  beforeAll(async () => {
    smtp = await startSmtpSink()
    server = await startTestServer({ ...options, notify: { ...options.notify, smtpUrl: smtp.url } })
    started(server, smtp)
  })
  afterAll(async () => {
    await server?.close()
    await smtp?.close()
  })
  beforeEach(async () => {
    if (!server || !smtp) throw new Error('the server or its SMTP sink did not start')
    await truncateAllTables(server.store.db)
    smtp.messages.length = 0
    smtp.down = false
  })
}
