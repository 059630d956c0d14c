/** Where the server writes operational messages. Never handed secrets or tokens. */
export interface Logger {
  info(message: string): void
  warn(message: string): void
  error(message: string, error?: unknown): void
}

export const consoleLogger: Logger = {
  info: (message) => console.log(`[reqio] ${message}`),
  warn: (message) => console.warn(`[reqio] ${message}`),
  error: (message, error) =>
    console.error(`[reqio] ${message}`, error instanceof Error ? error.message : (error ?? '')),
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} }
