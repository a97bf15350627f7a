/**
 * Which errors mean "the database cannot be reached right now" (as opposed to a bug or a bad
 * statement). They become 503 UNAVAILABLE with Retry-After instead of 500 INTERNAL.
 */

/** SQLSTATEs of a lost or refused connection, a server going down, or a timeout we set. */
function isUnavailableSqlState(code: string) {
  return (
    code.startsWith('08') || // connection_exception and its subclasses
    code === '57P01' || // admin_shutdown (pg_terminate_backend, fast shutdown)
    code === '57P02' || // crash_shutdown
    code === '57P03' || // cannot_connect_now (starting up, recovering)
    code === '57014' || // query_canceled: statement_timeout
    code === '25P03' || // idle_in_transaction_session_timeout
    code === '53300' // too_many_connections
  );
}

const NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/** Messages of `pg` and `pg-pool` for connections that died, timed out or were closed. */
const PG_MESSAGES = [
  /^Connection terminated/,
  /^Client has encountered a connection error and is not queryable$/,
  /^Client was closed and is not queryable$/,
  /^timeout exceeded when trying to connect$/,
  /^Query read timeout$/,
];

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (NODE_CODES.has(code) || isUnavailableSqlState(code))) {
      return true;
    }
    if (typeof message === 'string' && PG_MESSAGES.some((re) => re.test(message))) return true;
    // AggregateError (e.g. ECONNREFUSED on both ::1 and 127.0.0.1) and drizzle's wrapped `cause`.
    const errors = (current as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.some((e) => isDatabaseUnavailable(e))) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
