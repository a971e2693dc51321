import { busyInterval, type Buffers, type Role } from "./buffers";
import { dayOfLocalMs, isoFromDay, isoWeekdayOf } from "./local-dates";
import type { Interval } from "./recurrence";
import { DAY, localToInstant, ZoneOffsets } from "./zone-offsets";

const MINUTE = 60_000;

/** Anyone who takes part: a team member or a customer's contact. */
export interface Person {
  id: string;
  name: string;
  timeZone: string;
  /** Minutes after local midnight; the end may be 1440. */
  workStartMinutes: number;
  workEndMinutes: number;
  /** ISO weekdays, 1 = Monday. */
  workDays: number[];
}

/** How many minutes of an interval fall outside the person's working hours, in their own zone. */
export function minutesOutsideWorkingHours(person: Person, interval: Interval): number {
  const zone = ZoneOffsets.for(person.timeZone);
  const total = interval.end - interval.start;
  let inside = 0;
  const firstDay = dayOfLocalMs(zone.toLocalMs(interval.start));
  const lastDay = dayOfLocalMs(zone.toLocalMs(interval.end));
  for (let day = firstDay; day <= lastDay; day++) {
    if (!person.workDays.includes(isoWeekdayOf(day))) continue;
    const workStart = localToInstant(zone, day * DAY + person.workStartMinutes * MINUTE).instant;
    const workEnd = localToInstant(zone, day * DAY + person.workEndMinutes * MINUTE).instant;
    inside += Math.max(0, Math.min(interval.end, workEnd) - Math.max(interval.start, workStart));
  }
  return Math.round((total - inside) / MINUTE);
}

export interface LocalView {
  personId: string;
  /** Local date and time of the start, in the person's zone. */
  localDate: string;
  localStartMinutes: number;
  localEndMinutes: number;
  /** Their local date minus the meeting's date in the ritual's zone: -1, 0 or +1. */
  dayShift: number;
  /** Whether the meeting (with buffers, for hosts) sits inside their working hours. */
  insideWorkingHours: boolean;
  minutesOutside: number;
}

/** What one meeting looks like from where this person is. */
export function localView(
  meeting: Interval & { localDate: string },
  person: Person,
  role: Role,
  buffers: Buffers,
): LocalView {
  const zone = ZoneOffsets.for(person.timeZone);
  const localStart = zone.toLocalMs(meeting.start);
  const localEnd = zone.toLocalMs(meeting.end);
  const startDay = dayOfLocalMs(localStart);
  const minutesOutside = minutesOutsideWorkingHours(person, busyInterval(meeting, role, buffers));
  return {
    personId: person.id,
    localDate: isoFromDay(startDay),
    localStartMinutes: Math.round((localStart - startDay * DAY) / MINUTE),
    localEndMinutes: Math.round((localEnd - dayOfLocalMs(localEnd) * DAY) / MINUTE),
    dayShift: Math.round((Date.parse(isoFromDay(startDay)) - Date.parse(meeting.localDate)) / DAY),
    insideWorkingHours: minutesOutside === 0,
    minutesOutside,
  };
}
