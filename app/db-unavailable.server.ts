/**
 * Errors that mean the database cannot take writes just now (read-only,
 * locked past the busy timeout, disk full, gone): not the request's fault, and
 * not a bug. They become a 503 that says so, instead of a 500.
 */
const UNAVAILABLE =
  /SQLITE_(READONLY|BUSY|LOCKED|IOERR|FULL|CANTOPEN|CORRUPT|NOTADB)|readonly database|database is locked|disk I\/O error|database or disk is full|unable to open database/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let cause: unknown = error, depth = 0; cause && depth < 5; depth++) {
    const { message, code } = cause as { message?: unknown; code?: unknown };
    if (UNAVAILABLE.test(`${String(code ?? "")} ${String(message ?? "")}`)) return true;
    cause = (cause as { cause?: unknown }).cause;
  }
  return false;
}

/** What a write answers when the database is unavailable: a 503 the error page explains. */
export function savingUnavailable(): Response {
  return new Response("Saving is unavailable right now.", { status: 503, headers: { "Retry-After": "30" } });
}
