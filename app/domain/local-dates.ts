import { DAY, ZoneOffsets } from "./zone-offsets";

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
