import { describe, expect, it } from 'vitest'
import {
  ACCEPT_ENCODING_MAX_LENGTH,
  negotiateEncoding,
} from '../../../src/server/http/accept-encoding'

describe('choosing the encoding of a static file', () => {
  it('answers brotli to a browser that accepts it, gzip to one that accepts only gzip', () => {
    expect(negotiateEncoding('gzip, deflate, br, zstd')).toBe('br')
    expect(negotiateEncoding('gzip, deflate')).toBe('gzip')
    expect(negotiateEncoding('x-gzip')).toBe('gzip')
    expect(negotiateEncoding('BR')).toBe('br')
  })

  it('sends the file as it is without the header, or when nothing we have is accepted', () => {
    expect(negotiateEncoding(undefined)).toBe('identity')
    expect(negotiateEncoding('')).toBe('identity')
    expect(negotiateEncoding('identity')).toBe('identity')
    expect(negotiateEncoding('deflate, zstd')).toBe('identity')
  })

  it('honours weights: q=0 refuses an encoding, a higher weight wins, a tie goes to brotli', () => {
    expect(negotiateEncoding('br;q=0, gzip')).toBe('gzip')
    expect(negotiateEncoding('br;q=0, gzip;q=0')).toBe('identity')
    expect(negotiateEncoding('br;q=0.5, gzip;q=0.8')).toBe('gzip')
    expect(negotiateEncoding('gzip;q=0.8, br;q=0.8')).toBe('br')
    expect(negotiateEncoding('br; q=0.1')).toBe('br')
    expect(negotiateEncoding('br;q=nonsense, gzip')).toBe('gzip')
  })

  it('reads * as every encoding not named', () => {
    expect(negotiateEncoding('*')).toBe('br')
    expect(negotiateEncoding('br;q=0, *')).toBe('gzip')
    expect(negotiateEncoding('*;q=0')).toBe('identity')
  })

  it('answers the plain file past the length limit, and reads empty entries up to it', () => {
    expect(negotiateEncoding(`${' ;'.repeat(ACCEPT_ENCODING_MAX_LENGTH)}br`)).toBe('identity')
    expect(negotiateEncoding(`${','.repeat(ACCEPT_ENCODING_MAX_LENGTH - 2)}br`)).toBe('br')
  })
})
