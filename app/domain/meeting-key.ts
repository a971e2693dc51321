/**
 * A meeting's address within its series: the instant the rule gave it, as
 * "20260106T090000Z" (the form calendar files use for RECURRENCE-ID).
 */
export function meetingKey(originalStart: number): string {
  return new Date(originalStart)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/** The instant in a meeting address, or NaN when it is not one. */
export function parseMeetingKey(value: string | undefined): number {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value ?? "");
  if (!match) return NaN;
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  return Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
}
