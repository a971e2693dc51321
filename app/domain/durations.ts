/** Lengths of time in milliseconds, as instants are counted. Never for wall-clock arithmetic across DST. */
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
