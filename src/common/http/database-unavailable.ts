/**
 * Whether `error` means the database could not be reached or dropped the connection, rather
 * than refused the statement: the request may succeed if sent again, so it is a 503, not a 500.
 * Duck-typed on what pg and TypeORM attach (a QueryFailedError keeps pg's error as
 * `driverError`), so the HTTP layer needs neither package.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 3; depth++) {
    const { code, message, name } = e as { code?: unknown; message?: unknown; name?: unknown };
    if (typeof name === 'string' && RELEASED_AFTER_CONNECTION_LOSS.has(name)) return true;
    if (typeof code === 'string' && (UNAVAILABLE_SQLSTATE.test(code) || NETWORK_CODES.has(code))) return true;
    if (typeof message === 'string' && DRIVER_MESSAGES.some((m) => message.includes(m))) return true;
    e = (e as { driverError?: unknown; cause?: unknown }).driverError ?? (e as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * TypeORM's answers to the next statement of a transaction whose connection was lost: it released
 * the connection on the error, and the transaction cannot go on.
 */
const RELEASED_AFTER_CONNECTION_LOSS = new Set(['QueryRunnerAlreadyReleasedError', 'QueryRunnerProviderAlreadyReleasedError']);
/** SQLSTATE class 08 (connection exception), 57P01–57P03 (terminated by an administrator, crash, starting up), 53300 (too many connections). */
const UNAVAILABLE_SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/;
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);
/** pg's own errors for a connection that ended or could not be had, which carry no code. */
const DRIVER_MESSAGES = [
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
  'timeout exceeded when trying to connect',
  'Client was closed and is not queryable',
];
