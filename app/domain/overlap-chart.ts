import { busyInterval, overlaps, withBuffers, type Buffers, type Role } from "./buffers";
import { dayOfLocalMs, isoFromDay, isoWeekdayOf } from "./local-dates";
import type { Interval } from "./recurrence";
import { hourKindAt, minutesOutsideWorkingHours, type Person } from "./working-hours";
import { localToInstant, ZoneOffsets } from "./zone-offsets";
import { DAY, MINUTE } from "~/domain/durations";

/** The chart's resolution: a column is a quarter of an hour, like the slot finder's grid. */
export const COLUMN_MINUTES = 15;

export type HourKind = "work" | "off" | "night";

/** A stretch of a row, in minutes from the chart's left edge (0-1440). */
export interface Span {
  from: number;
  to: number;
}

export interface ChartRow {
  personId: string;
  role: Role;
  timeZone: string;
  /** Working time, free time and night, as this person lives it. */
  hours: (Span & { kind: HourKind })[];
  /** Where this person's calendar day changes, and the date it becomes. */
  dateLines: { at: number; date: string; weekday: number }[];
  /** Local wall-clock minutes at the left edge, and every jump of the clock inside the chart. */
  localAtStart: number;
  clockJumps: { at: number; minutes: number }[];
  /** The meeting's start on this person's clock, its local date, and -1/0/+1 against the anchor's date. */
  meetingLocalStart: number;
  meetingDate: string;
  dayShift: number;
  minutesOutside: number;
  /** When their own calendars have them busy elsewhere (never with what), and whether that touches their part of the meeting. */
  busy: Span[];
  busyDuringMeeting: boolean;
}

export interface OverlapChart {
  /** The instant at the left edge: midnight of the meeting's day in the anchor zone. */
  start: number;
  anchorZone: string;
  anchorDate: string;
  meeting: Span;
  /** Go-early and stay-late time, drawn across every row like the meeting. */
  goEarly: Span | null;
  stayLate: Span | null;
  /** The anchor zone's own clock changes inside the chart, for reading a position as its wall-clock time. */
  anchorJumps: ChartRow["clockJumps"];
  rows: ChartRow[];
}

/** The local wall-clock time (minutes after midnight) at a position of a row. */
export function localMinutesAt(row: Pick<ChartRow, "localAtStart" | "clockJumps">, at: number): number {
  const jumped = row.clockJumps.filter((jump) => jump.at <= at).reduce((sum, jump) => sum + jump.minutes, 0);
  return (((row.localAtStart + at + jumped) % 1440) + 1440) % 1440;
}

/** Each change of a zone's clock in the 24 hours from `start`: where it happens and by how much. */
function clockJumpsFrom(zone: ZoneOffsets, start: number): ChartRow["clockJumps"] {
  const jumps: ChartRow["clockJumps"] = [];
  let from = start;
  for (;;) {
    const transition = zone.transitionBetween(from, start + DAY);
    if (!transition) return jumps;
    jumps.push({ at: (transition.at - start) / MINUTE, minutes: transition.offset - zone.offsetAt(transition.at - 1) });
    from = transition.at + 1;
  }
}

function rowFor(
  person: Person & { role: Role },
  start: number,
  meeting: Interval,
  buffers: Buffers,
  anchorDate: string,
  elsewhere: readonly Interval[],
): ChartRow {
  const zone = ZoneOffsets.for(person.timeZone);
  const hours: ChartRow["hours"] = [];
  const dateLines: ChartRow["dateLines"] = [];
  let previousDay = dayOfLocalMs(zone.toLocalMs(start));
  for (let at = 0; at < 1440; at += COLUMN_MINUTES) {
    const instant = start + at * MINUTE;
    const local = zone.toLocalMs(instant);
    const day = dayOfLocalMs(local);
    if (day !== previousDay) {
      dateLines.push({ at: at - (local - day * DAY) / MINUTE, date: isoFromDay(day), weekday: isoWeekdayOf(day) });
      previousDay = day;
    }
    const kind = hourKindAt(person, local);
    const last = hours.at(-1);
    if (last && last.kind === kind && last.to === at) last.to = at + COLUMN_MINUTES;
    else hours.push({ from: at, to: at + COLUMN_MINUTES, kind });
  }
  const startLocal = zone.toLocalMs(start);
  const meetingLocal = zone.toLocalMs(meeting.start);
  const meetingDay = dayOfLocalMs(meetingLocal);
  return {
    personId: person.id,
    role: person.role,
    timeZone: person.timeZone,
    hours,
    dateLines,
    localAtStart: Math.round((startLocal - dayOfLocalMs(startLocal) * DAY) / MINUTE),
    clockJumps: clockJumpsFrom(zone, start),
    meetingLocalStart: Math.round((meetingLocal - meetingDay * DAY) / MINUTE),
    meetingDate: isoFromDay(meetingDay),
    dayShift: meetingDay - Date.parse(anchorDate) / DAY,
    minutesOutside: minutesOutsideWorkingHours(person, busyInterval(meeting, person.role, buffers)),
    busy: elsewhere
      .map((taken) => ({
        from: Math.max(0, (taken.start - start) / MINUTE),
        to: Math.min(1440, (taken.end - start) / MINUTE),
      }))
      .filter((part) => part.to > part.from),
    busyDuringMeeting: elsewhere.some((taken) => overlaps(taken, busyInterval(meeting, person.role, buffers))),
  };
}

/**
 * A 24-hour picture of one meeting for everyone at once: a row per person on
 * their own clock (working hours, free time, night, where their date changes),
 * all aligned on the same instants, starting at midnight of the meeting's day
 * in the ritual's zone, with the meeting and its buffers across every row,
 * and when each person's own calendars have them busy elsewhere.
 */
export function overlapChart(
  meeting: Interval,
  anchorZone: string,
  buffers: Buffers,
  people: readonly (Person & { role: Role })[],
  elsewhere: ReadonlyMap<string, readonly Interval[]> = new Map(),
): OverlapChart {
  const anchor = ZoneOffsets.for(anchorZone);
  const anchorDay = dayOfLocalMs(anchor.toLocalMs(meeting.start));
  const start = localToInstant(anchor, anchorDay * DAY).instant;
  const anchorDate = isoFromDay(anchorDay);
  const at = (instant: number) => Math.max(0, Math.min(1440, (instant - start) / MINUTE));
  const parts = withBuffers(meeting, buffers);
  const span = (interval: Interval | null) => (interval ? { from: at(interval.start), to: at(interval.end) } : null);
  return {
    start,
    anchorZone,
    anchorDate,
    meeting: span(meeting)!,
    goEarly: span(parts.goEarly),
    stayLate: span(parts.stayLate),
    anchorJumps: clockJumpsFrom(anchor, start),
    rows: people.map((person) => rowFor(person, start, meeting, buffers, anchorDate, elsewhere.get(person.id) ?? [])),
  };
}
