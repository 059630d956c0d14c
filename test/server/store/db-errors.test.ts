import { describe, expect, it } from 'vitest'
import { describeDatabaseError, isDatabaseUnavailable } from '../../../src/server/store/db-errors'

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code })

describe('telling a database that is away from a query that is wrong', () => {
  it.each([
    ['a refused connection', withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['a reset connection', withCode('ECONNRESET')],
    ['an unknown database host (DNS, e.g. a compose service not up yet)', withCode('EAI_AGAIN')],
    ['pg_terminate_backend / pg_ctl stop -m fast', withCode('57P01')],
    ['a crash shutdown', withCode('57P02')],
    ['a server starting up or shutting down', withCode('57P03')],
    ['too many connections', withCode('53300')],
    ['a connection exception (class 08)', withCode('08006')],
    ['a socket closed under a query', new Error('Connection terminated unexpectedly')],
    ['a pool that could not connect in time', new Error('timeout exceeded when trying to connect')],
    [
      'a failure wrapped by a caller',
      new Error('listing failed', { cause: withCode('ECONNREFUSED') }),
    ],
    [
      'every address of a host name refused',
      Object.assign(new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')]), {
        code: 'ECONNREFUSED',
      }),
    ],
  ])('counts %s as unavailable', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true)
  })

  it.each([
    ['a syntax error', withCode('42601')],
    ['a unique violation', withCode('23505')],
    ['a statement timeout (a slow query, not a missing database)', withCode('57014')],
    ['a wrong password', withCode('28P01')],
    ['a closed embedded database', new Error('PGlite is closed')],
    ['a thrown string', 'boom'],
    ['nothing', undefined],
  ])('does not count %s as unavailable', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false)
  })

  it('describes a failure by its code and message, without the connection string', () => {
    expect(
      describeDatabaseError(
        withCode('57P01', 'terminating connection due to administrator command'),
      ),
    ).toBe('57P01: terminating connection due to administrator command')
    expect(
      describeDatabaseError(withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')),
    ).toBe('connect ECONNREFUSED 127.0.0.1:5432')
  })
})
