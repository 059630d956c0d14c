/**
 * CSV as RFC 4180 writes it: CRLF between records, a field quoted when it holds a comma, a
 * quote, CR or LF, quotes doubled. Text a spreadsheet would run as a formula (a cell starting
 * with =, +, -, @, tab or CR) is neutralised with a leading apostrophe (OWASP "CSV injection"),
 * since request titles and customers' emails are written by anyone.
 */
const FORMULA_START = /^[=+\-@\t\r]/

export type CsvCell = string | number | null

export function csvField(value: CsvCell): string {
  if (value === null) return ''
  const text = typeof value === 'number' ? String(value) : neutraliseFormula(value)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}

export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n'
}
