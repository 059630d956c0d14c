/**
 * Reqio's dump file: gzip'd JSON lines that either engine writes and reads.
 *
 *   {"kind":"header", format, formatVersion, reqioVersion, createdAt, engine, migrations}
 *   {"kind":"table", name, columns, types}      then one JSON array per row:
 *   ["abc", "2024-05-01 10:00:00+00", null]    every value in its type's text form (COPY's)
 *   {"kind":"table-end", name, rows}
 *   {"kind":"sequence", name, lastValue, isCalled}
 *   {"kind":"end", tables, rows}
 *
 * Values travel as PostgreSQL's own text output (what `col::text` answers, what COPY writes),
 * so timestamps keep their microseconds, bigints their digits, jsonb, arrays and bytea their
 * exact form, and restoring is the type's own input function: nothing is re-encoded in
 * JavaScript. The closing `end` line is how a reader knows the file is whole.
 */
import { once } from 'node:events'
import { createReadStream, createWriteStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { createGunzip, createGzip } from 'node:zlib'

export const DUMP_FORMAT = 'reqio-dump'
export const DUMP_FORMAT_VERSION = 1

export interface DumpHeader {
  kind: 'header'
  format: typeof DUMP_FORMAT
  formatVersion: number
  reqioVersion: string
  createdAt: string
  engine: 'pglite' | 'postgres'
  /** schema_migrations versions of the database the dump was taken from. */
  migrations: number[]
}

export interface DumpTable {
  kind: 'table'
  name: string
  columns: string[]
  /** format_type() of each column, for a reader and for checking against the target. */
  types: string[]
}

export interface DumpTableEnd {
  kind: 'table-end'
  name: string
  rows: number
}

export interface DumpSequence {
  kind: 'sequence'
  name: string
  /** As text: a bigint may pass 2^53. */
  lastValue: string
  isCalled: boolean
}

export interface DumpEnd {
  kind: 'end'
  tables: number
  rows: number
}

export type DumpRow = (string | null)[]
export type DumpRecord = DumpHeader | DumpTable | DumpTableEnd | DumpSequence | DumpEnd
export type DumpLine = DumpRecord | DumpRow

/** Writes lines through gzip into `file`, honouring backpressure; close() flushes and waits. */
export interface DumpWriter {
  write(line: DumpLine): Promise<void>
  close(): Promise<void>
  abort(): void
}

export function openDumpWriter(file: string): DumpWriter {
  // The dump holds project secrets and password hashes: readable by this user only.
  const out = createWriteStream(file, { mode: 0o600 })
  const gzip = createGzip()
  gzip.pipe(out)
  let failure: Error | null = null
  const fail = (error: Error) => {
    failure ??= error
  }
  out.on('error', fail)
  gzip.on('error', fail)
  return {
    async write(line) {
      if (failure) throw failure
      if (!gzip.write(`${JSON.stringify(line)}\n`)) await once(gzip, 'drain')
    },
    async close() {
      if (failure) throw failure
      const finished = once(out, 'close')
      gzip.end()
      await finished
      if (failure) throw failure
    },
    abort() {
      gzip.destroy()
      out.destroy()
    },
  }
}

/** The lines of a dump, parsed, in file order; throws on a file that is not one. */
export async function* readDumpLines(file: string): AsyncGenerator<DumpLine> {
  const input = createReadStream(file).pipe(createGunzip())
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })
  let lineNumber = 0
  try {
    for await (const text of lines) {
      lineNumber++
      if (text === '') continue
      let line: unknown
      try {
        line = JSON.parse(text)
      } catch {
        throw new Error(`${file} line ${lineNumber} is not JSON: not a Reqio dump, or damaged`)
      }
      if (!Array.isArray(line) && (typeof line !== 'object' || line === null || !('kind' in line)))
        throw new Error(`${file} line ${lineNumber} is not a dump record`)
      yield line as DumpLine
    }
  } catch (error) {
    const code = (error as { code?: string }).code
    if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR')
      throw new Error(`${file} is not a gzip file (or it was cut short): not a Reqio dump`)
    throw error
  } finally {
    lines.close()
    input.destroy()
  }
}

export function isDumpRow(line: DumpLine): line is DumpRow {
  return Array.isArray(line)
}
