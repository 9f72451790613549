import { describe, expect, it } from '@jest/globals';
import { isDatabaseUnavailable } from './database-unavailable.js';

const queryFailed = (driverError: object) => Object.assign(new Error('query failed'), { driverError });

describe('isDatabaseUnavailable', () => {
  it.each([
    [
      'a connection terminated by pg_terminate_backend (57P01), inside a QueryFailedError',
      queryFailed({ code: '57P01', message: 'terminating connection due to administrator command' }),
    ],
    ['the server starting up (57P03)', Object.assign(new Error('the database system is starting up'), { code: '57P03' })],
    ['a connection exception (08006)', Object.assign(new Error('connection failure'), { code: '08006' })],
    ['too many connections (53300)', Object.assign(new Error('sorry, too many clients already'), { code: '53300' })],
    ['the server refusing connections', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['pg losing the socket mid-query', queryFailed(new Error('Connection terminated unexpectedly'))],
    ['the pool timing out on a checkout', new Error('timeout exceeded when trying to connect')],
    [
      'the next statement of a transaction whose connection was lost',
      Object.assign(new Error('already released'), { name: 'QueryRunnerProviderAlreadyReleasedError' }),
    ],
  ])('is true for %s', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation (23505)', queryFailed({ code: '23505', message: 'duplicate key value violates unique constraint' })],
    ['a syntax error (42601)', queryFailed({ code: '42601', message: 'syntax error at or near' })],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['not an error at all', 'boom'],
  ])('is false for %s', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
