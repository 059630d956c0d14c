/** The encodings static files are stored in (the build writes `.br` and `.gz` copies). */
export type ContentEncoding = 'br' | 'gzip' | 'identity'

/** Longer Accept-Encoding headers are not worth reading: that client gets the plain file. */
export const ACCEPT_ENCODING_MAX_LENGTH = 1024

/**
 * The encoding to answer with for an Accept-Encoding header (RFC 9110 §12.5.3): brotli or
 * gzip when the client accepts it with a weight above 0 (named or through `*`), brotli on a
 * tie since it is smaller; otherwise the file as it is. Split, not a regular expression, so a
 * hostile header costs one pass.
 */
export function negotiateEncoding(header: string | undefined): ContentEncoding {
  if (!header || header.length > ACCEPT_ENCODING_MAX_LENGTH) return 'identity'
  const weights = new Map<string, number>()
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.split(';')
    let weight = 1
    for (const param of params) {
      const [key, value] = param.split('=')
      if (key?.trim().toLowerCase() === 'q') weight = Number(value?.trim())
    }
    if (Number.isNaN(weight)) weight = 0
    weights.set(name.trim().toLowerCase(), weight)
  }
  const weightOf = (name: string, alias?: string) =>
    weights.get(name) ?? (alias ? weights.get(alias) : undefined) ?? weights.get('*') ?? 0
  const br = weightOf('br')
  const gzip = weightOf('gzip', 'x-gzip')
  if (br > 0 && br >= gzip) return 'br'
  if (gzip > 0) return 'gzip'
  return 'identity'
}
