import { DAY, MINUTE } from "~/domain/durations";
import { localToInstant, ZoneOffsets, type LocalAdjustment } from "~/domain/zone-offsets";

/** Local calendar dates as whole days since 1970-01-01, so date arithmetic needs no zone. */
export type DayNumber = number;

export function dayFromIso(isoDate: string): DayNumber {
  const [year, month, day] = isoDate.split("-").map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day) / DAY;
}

export function isoFromDay(day: DayNumber): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** ISO weekday, 1 = Monday ... 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekdayOf(day: DayNumber): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** The local day of a wall-clock time written as if it were UTC. */
export function dayOfLocalMs(localMs: number): DayNumber {
  return Math.floor(localMs / DAY);
}

export function daysInMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

/** Today's date in a zone. */
export function localToday(timeZone: string, now: number): string {
  return isoFromDay(dayOfLocalMs(ZoneOffsets.for(timeZone).toLocalMs(now)));
}

/**
 * A date and a time of day on a zone's clock, as an instant: a time the clocks
 * skip moves on past the gap, a time they show twice takes the first (the
 * adjustment says which happened).
 */
export function localDateTime(
  timeZone: string,
  localDate: string,
  minutes: number,
): { instant: number; adjustment: LocalAdjustment } {
  return localToInstant(ZoneOffsets.for(timeZone), dayFromIso(localDate) * DAY + minutes * MINUTE);
}
