import { minutesToClock, parseWeekdayList } from "~/domain/clock";
import { currentZoneName } from "~/domain/time-zones";
import { Info } from "luxon";
import type { ZoneOptions } from "~/views/zone-options";

/**
 * Options for the time-zone and weekday pickers, made on the server: browsers
 * and Node carry different locale data, and the page must hydrate to the same text.
 */
let zoneList: string[] | null = null;

export function timeZoneOptions(): string[] {
  // Some 430 names, the same for the life of the process.
  zoneList ??= [...new Set([...Intl.supportedValuesOf("timeZone").map(currentZoneName), "UTC"])].sort();
  return zoneList;
}

let zoneDatalist: ZoneOptions | null = null;

/** `timeZoneOptions` as the zone pickers take them. */
export function timeZoneDatalist(): ZoneOptions {
  zoneDatalist ??= { names: timeZoneOptions().join(" ") };
  return zoneDatalist;
}

export function weekdayOptions(locale: string): { value: number; label: string }[] {
  return Info.weekdays("long", { locale }).map((label, index) => ({ value: index + 1, label }));
}

/** A member's or contact's saved details as the person form shows them. */
export function personDefaults(row: {
  name: string;
  email: string;
  timeZone: string | null;
  workStartMinutes: number;
  workEndMinutes: number;
  workDays: string;
  holidayRegion?: string | null;
}) {
  return {
    holidayRegion: row.holidayRegion ?? "",
    name: row.name,
    email: row.email,
    timeZone: row.timeZone ?? "",
    workStart: minutesToClock(row.workStartMinutes),
    workEnd: minutesToClock(row.workEndMinutes),
    workDays: parseWeekdayList(row.workDays).map(String),
  };
}
