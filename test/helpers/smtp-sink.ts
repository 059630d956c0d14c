/**
 * A real SMTP server on 127.0.0.1 (the smtp-server package) that parses every accepted message
 * with mailparser. `down` refuses every transaction with a 421, as a server in trouble does.
 *
 *   const smtp = await startSmtpSink()
 *   startTestServer({ notify: { smtpUrl: smtp.url } })
 *   ... smtp.messages[0].subject, .to, .text, .headers.get('list-unsubscribe') ...
 */
import type { AddressInfo } from 'node:net'
import { type ParsedMail, simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export interface ReceivedMail {
  /** The RCPT TO addresses of the transaction. */
  recipients: string[]
  parsed: ParsedMail
}

export interface SmtpSink {
  url: string
  messages: ReceivedMail[]
  /** While true, every MAIL FROM is answered 421 (the client must try again later). */
  down: boolean
  close(): Promise<void>
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const sink: SmtpSink = {
    url: '',
    messages: [],
    down: false,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onMailFrom(_address, _session, callback) {
      if (!sink.down) return callback()
      const error = Object.assign(new Error('Service not available, try again later'), {
        responseCode: 421,
      })
      callback(error)
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          sink.messages.push({
            recipients: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            parsed,
          })
          callback()
        })
        .catch(callback)
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo
  sink.url = `smtp://127.0.0.1:${port}`
  return sink
}
