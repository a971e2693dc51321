import { busyInterval, type Buffers, type Role } from "./buffers";
import { dayOfLocalMs, isoFromDay, isoWeekdayOf } from "./local-dates";
import type { Interval } from "./recurrence";
import { localToInstant, ZoneOffsets } from "./zone-offsets";
import { DAY, MINUTE } from "~/domain/durations";

/** Anyone who takes part: a team member or a customer's contact. */
export interface Person {
  id: string;
  name: string;
  timeZone: string;
  /**
   * Minutes after local midnight. An end at or before the start is a night
   * shift that ends the next morning (22:00-06:00); the end may be 1440.
   */
  workStartMinutes: number;
  workEndMinutes: number;
  /** ISO weekdays a working day starts on, 1 = Monday. */
  workDays: number[];
  /**
   * Local dates (YYYY-MM-DD) that are days off whatever the weekday: public holidays where they are,
   * the team's own days off, and for members the days they are away (days-off.ts).
   */
  holidays?: ReadonlySet<string>;
}

/** Whether any of the interval falls on one of the person's holidays, on their own calendar. */
export function onHoliday(person: Pick<Person, "timeZone" | "holidays">, interval: Interval): boolean {
  if (!person.holidays?.size) return false;
  const zone = ZoneOffsets.for(person.timeZone);
  const first = dayOfLocalMs(zone.toLocalMs(interval.start));
  const last = dayOfLocalMs(zone.toLocalMs(Math.max(interval.start, interval.end - 1)));
  for (let day = first; day <= last; day++) if (person.holidays.has(isoFromDay(day))) return true;
  return false;
}

/** Whether a working day starts on this local day: one of their weekdays, and not a holiday. */
export function worksOn(person: Pick<Person, "workDays" | "holidays">, day: number): boolean {
  return person.workDays.includes(isoWeekdayOf(day)) && !person.holidays?.has(isoFromDay(day));
}

type Hours = Pick<Person, "workStartMinutes" | "workEndMinutes">;

/** Whether the working day runs past midnight into the next one. */
function isNightShift(hours: Hours): boolean {
  return hours.workEndMinutes <= hours.workStartMinutes;
}

/** Where a working day (or, shifted, a night's sleep) begins and ends, in minutes from its first midnight. */
function span(startMinutes: number, endMinutes: number): { from: number; to: number } {
  return { from: startMinutes, to: endMinutes <= startMinutes ? endMinutes + 1440 : endMinutes };
}

/** Night: 22:00-07:00 for a day worker; for a night shift, the nine hours from four hours after it ends. */
const DAY_WORKER_NIGHT = span(22 * 60, 7 * 60);
function nightSpan(hours: Hours) {
  if (!isNightShift(hours)) return DAY_WORKER_NIGHT;
  const from = (hours.workEndMinutes + 4 * 60) % 1440;
  return span(from, (from + 9 * 60) % 1440);
}

/** The parts of `interval` inside the daily spans (local to the person's zone) that begin on days `startsOn` allows. */
function partsInDailySpans(
  person: Person,
  interval: Interval,
  daily: { from: number; to: number },
  startsOn: (day: number) => boolean,
): Interval[] {
  const zone = ZoneOffsets.for(person.timeZone);
  const parts: Interval[] = [];
  // A span that began the day before may still run into the interval.
  const firstDay = dayOfLocalMs(zone.toLocalMs(interval.start)) - 1;
  const lastDay = dayOfLocalMs(zone.toLocalMs(interval.end));
  for (let day = firstDay; day <= lastDay; day++) {
    if (!startsOn(day)) continue;
    const start = Math.max(interval.start, localToInstant(zone, day * DAY + daily.from * MINUTE).instant);
    const end = Math.min(interval.end, localToInstant(zone, day * DAY + daily.to * MINUTE).instant);
    if (end > start) parts.push({ start, end });
  }
  return parts;
}

const length = (parts: readonly Interval[]) => parts.reduce((sum, part) => sum + part.end - part.start, 0);

function workingParts(person: Person, interval: Interval): Interval[] {
  const hours = span(person.workStartMinutes, person.workEndMinutes);
  return partsInDailySpans(person, interval, hours, (day) => worksOn(person, day));
}

/**
 * How many minutes of an interval fall outside the person's working hours, in
 * their own zone, and how many of those fall in their night: the time nobody
 * should be asked to meet in. The working time is worked out once for both.
 */
export function timeOutsideWorkingHours(person: Person, interval: Interval): { minutes: number; atNight: number } {
  const work = workingParts(person, interval);
  const minutes = Math.round((interval.end - interval.start - length(work)) / MINUTE);
  if (minutes === 0) return { minutes, atNight: 0 };
  const night = partsInDailySpans(person, interval, nightSpan(person), () => true);
  const workedAtNight = night.flatMap((n) =>
    work
      .map((w) => ({ start: Math.max(n.start, w.start), end: Math.min(n.end, w.end) }))
      .filter((p) => p.end > p.start),
  );
  return { minutes, atNight: Math.round((length(night) - length(workedAtNight)) / MINUTE) };
}

/** How many minutes of an interval fall outside the person's working hours, in their own zone. */
export function minutesOutsideWorkingHours(person: Person, interval: Interval): number {
  return timeOutsideWorkingHours(person, interval).minutes;
}

/** How many minutes of an interval fall in the person's night and outside their working hours. */
export function minutesAtNight(person: Person, interval: Interval): number {
  return timeOutsideWorkingHours(person, interval).atNight;
}

/**
 * How deep into the person's night the interval reaches, in minutes from the
 * night's nearer edge: 22:30 is 30, 02:00 is 240. Zero when it stays out of the night.
 */
export function nightDepth(person: Person, interval: Interval): number {
  const zone = ZoneOffsets.for(person.timeZone);
  const night = nightSpan(person);
  const samples = [interval.end - MINUTE];
  for (let at = interval.start; at < interval.end; at += 15 * MINUTE) samples.push(at);
  let deepest = 0;
  for (const at of samples) {
    const local = zone.toLocalMs(at);
    if (hourKindAt(person, local) !== "night") continue;
    const minutes = Math.round((local - dayOfLocalMs(local) * DAY) / MINUTE);
    for (const position of [minutes, minutes + 1440]) {
      if (position >= night.from && position < night.to) {
        deepest = Math.max(deepest, Math.min(position - night.from, night.to - position));
      }
    }
  }
  return deepest;
}

/** What a local wall-clock moment is for this person: working time, free time, or night. */
export function hourKindAt(person: Person, localMs: number): "work" | "off" | "night" {
  const day = dayOfLocalMs(localMs);
  const minutes = Math.round((localMs - day * DAY) / MINUTE);
  const within = (daily: { from: number; to: number }, startsOn: (day: number) => boolean) =>
    (startsOn(day) && minutes >= daily.from && minutes < daily.to) ||
    (daily.to > 1440 && startsOn(day - 1) && minutes < daily.to - 1440);
  if (within(span(person.workStartMinutes, person.workEndMinutes), (d) => worksOn(person, d))) {
    return "work";
  }
  return within(nightSpan(person), () => true) ? "night" : "off";
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
  /** Of those, the minutes in the person's night. */
  minutesAtNight: number;
  /** None of it is working time, on a day they do not work (a weekend, a day off). */
  dayOff: boolean;
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
  const busy = busyInterval(meeting, role, buffers);
  const outside = timeOutsideWorkingHours(person, busy);
  return {
    personId: person.id,
    localDate: isoFromDay(startDay),
    localStartMinutes: Math.round((localStart - startDay * DAY) / MINUTE),
    localEndMinutes: Math.round((localEnd - dayOfLocalMs(localEnd) * DAY) / MINUTE),
    dayShift: Math.round((Date.parse(isoFromDay(startDay)) - Date.parse(meeting.localDate)) / DAY),
    insideWorkingHours: outside.minutes === 0,
    minutesOutside: outside.minutes,
    minutesAtNight: outside.atNight,
    dayOff: outside.minutes > 0 && onDayOff(person, busy, outside.minutes),
  };
}

/** What a meeting is for one person when it is not plain working time: the worst of their night, a day off, or outside hours. */
export type HoursMark = { kind: "night" | "day-off" | "outside"; minutes: number };

/**
 * How one person's time in `interval` (with their buffers) should be flagged:
 * night when any of it is in their night; a day off when none of it is working
 * time and it starts on a day they do not work; else the minutes outside their
 * hours. Null when all of it is working time.
 */
export function hoursMark(person: Person, interval: Interval): HoursMark | null {
  const outside = timeOutsideWorkingHours(person, interval);
  if (outside.minutes === 0) return null;
  if (outside.atNight > 0) return { kind: "night", minutes: outside.atNight };
  return { kind: onDayOff(person, interval, outside.minutes) ? "day-off" : "outside", minutes: outside.minutes };
}

/** Whether none of `interval` is working time (`minutesOutside` of it are not) and it starts on a day the person does not work. */
export function onDayOff(person: Person, interval: Interval, minutesOutside: number): boolean {
  if (minutesOutside * MINUTE < interval.end - interval.start) return false;
  const startDay = dayOfLocalMs(ZoneOffsets.for(person.timeZone).toLocalMs(interval.start));
  return !worksOn(person, startDay);
}
