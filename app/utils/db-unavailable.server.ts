/**
 * Errors that mean the database cannot take writes just now (read-only,
 * locked past the busy timeout, disk full, gone): not the request's fault, and
 * not a bug. They become a 503 that says so, instead of a 500.
 */
const SQLITE_UNAVAILABLE =
  /SQLITE_(READONLY|BUSY|LOCKED|IOERR|FULL|CANTOPEN|CORRUPT|NOTADB)|readonly database|database is locked|disk I\/O error|database or disk is full|unable to open database/i;

/**
 * PostgreSQL's SQLSTATEs of the same kinds: a read-only transaction or hot
 * standby, connection failures (class 08), disk full and out of connections
 * (53100, 53300), a server shutting down or starting (57P01-57P03).
 */
const POSTGRES_UNAVAILABLE = /^(25006|08\w{3}|53100|53200|53300|57P0[123])$/;
const CONNECTION_LOST = /ECONNREFUSED|ECONNRESET|Connection terminated|read-only transaction/i;
/**
 * A COMMIT the database refused (SQLite writes a transaction's pages only then, so a full
 * disk shows here): Prisma marks the transaction committed before it commits, then reports
 * its own failed rollback instead of the driver's error. Nothing of the transaction was kept.
 */
const COMMIT_REFUSED = /Transaction already closed: A rollback cannot be executed on a committed transaction/;

interface ErrorLike {
  message?: unknown;
  code?: unknown;
  originalMessage?: unknown;
  cause?: unknown;
  /** Where Prisma keeps the driver's own error. */
  meta?: { driverAdapterError?: unknown };
}

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let cause: unknown = error, depth = 0; cause && depth < 5; depth++) {
    const { message, code, originalMessage, meta } = cause as ErrorLike;
    const text = `${String(code ?? "")} ${String(message ?? "")} ${String(originalMessage ?? "")}`;
    if (SQLITE_UNAVAILABLE.test(text) || CONNECTION_LOST.test(text) || COMMIT_REFUSED.test(text)) return true;
    if (typeof code === "string" && POSTGRES_UNAVAILABLE.test(code)) return true;
    cause = meta?.driverAdapterError ?? (cause as ErrorLike).cause;
  }
  return false;
}

/** What a write answers when the database is unavailable: a 503 the error page explains. */
export function savingUnavailable(): Response {
  return new Response("Saving is unavailable right now.", { status: 503, headers: { "Retry-After": "30" } });
}
