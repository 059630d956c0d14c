import type { Logger } from '../logger'

/**
 * What the operations CLI prints: plain lines for the person at the terminal (or the cron mail),
 * progress on stdout, failures on stderr with the error's message. The server's JSON log is for
 * log collectors; a one-shot command's output is read by people.
 */
export const cliLogger: Logger = {
  info: (message) => console.log(`[reqio] ${message}`),
  warn: (message) => console.error(`[reqio] ${message}`),
  error: (message, error) =>
    console.error(`[reqio] ${message}`, error instanceof Error ? error.message : (error ?? '')),
}
