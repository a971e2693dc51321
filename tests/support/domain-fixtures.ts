import { DateTime } from "luxon";
import type { RecurrenceRule } from "~/domain/recurrence";
import type { Person } from "~/domain/working-hours";

/** The zones the engine is tested across: DST both sides of the equator, none, +5:30 and +12:45. */
export const FIXTURE_ZONES = [
  "Europe/Berlin",
  "America/New_York",
  "America/Sao_Paulo",
  "Asia/Seoul",
  "Asia/Kolkata",
  "Australia/Sydney",
  "Pacific/Chatham",
];

/** People in the zones the engine is tested across, each working 09:00-17:00 on weekdays unless said otherwise. */
export function person(id: string, timeZone: string, hours: Partial<Person> = {}): Person {
  return {
    id,
    name: id,
    timeZone,
    workStartMinutes: 9 * 60,
    workEndMinutes: 17 * 60,
    workDays: [1, 2, 3, 4, 5],
    ...hours,
  };
}

export const seoul = person("seoul", "Asia/Seoul");
export const berlin = person("berlin", "Europe/Berlin");
export const sanFrancisco = person("san-francisco", "America/Los_Angeles");
export const newYork = person("new-york", "America/New_York");
export const kolkata = person("kolkata", "Asia/Kolkata");
export const sydney = person("sydney", "Australia/Sydney");
export const chatham = person("chatham", "Pacific/Chatham");

/** Tuesdays 10:00-10:30 in Berlin from 6 January 2026, open-ended: the rule tests start from. */
export const tuesdaysInBerlin: RecurrenceRule = {
  timeZone: "Europe/Berlin",
  startMinutes: 10 * 60,
  durationMinutes: 30,
  frequency: "weekly",
  interval: 1,
  weekdays: [2],
  monthDay: null,
  monthWeek: null,
  monthWeekday: null,
  startDate: "2026-01-06",
  untilDate: null,
  count: null,
};

/** Wednesdays in Seoul from 2 December 2026: 09:00 (Seoul-friendly), then 17:00 (Los Angeles-friendly), in turn. */
export const wednesdayRotationInSeoul: RecurrenceRule = {
  ...tuesdaysInBerlin,
  timeZone: "Asia/Seoul",
  weekdays: [3],
  startDate: "2026-12-02",
  startMinutes: 540,
  rotationStarts: [540, 1020],
};

/** A wall-clock time in a zone ("2026-03-10T09:30"), as luxon reads it: the tests' independent clock. */
export function localInstant(iso: string, zone: string): number {
  return DateTime.fromISO(iso, { zone }).toMillis();
}
