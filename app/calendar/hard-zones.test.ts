/**
 * Calendar files in the zones where clients go wrong most (half-hour DST,
 * +12:45, Ramadan-bound changes, negative DST, midnight switches), read back by
 * ical.js (with the file's own VTIMEZONE) and node-ical over ten years, against
 * luxon.
 */
import ICAL from "ical.js";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import type { SeriesChanges } from "~/domain/recurrence";
import {
  icalJsEventTimes,
  icalJsOccurrences,
  nodeIcalOccurrences,
  type ParsedOccurrence,
} from "~tests/support/calendar-oracles";
import { unfoldLines } from "./rfc5545";
import { meetingFile, teamSeriesInvite, type CalendarRitual } from "./ritual-calendars";
import { calendarRitual, context, jiwoo, lena } from "~tests/support/calendar-fixtures";
import { MINUTE } from "~/domain/durations";

const HARD_ZONES = [
  "Australia/Lord_Howe",
  "Pacific/Chatham",
  "America/Santiago",
  "Africa/Casablanca",
  "Asia/Tehran",
  "Europe/Dublin",
  "America/Havana",
  "America/St_Johns",
  "Asia/Kolkata",
];
const TEN_YEARS = { from: Date.UTC(2027, 0, 1), to: Date.UTC(2037, 0, 1) };
const noChanges: SeriesChanges = { exceptions: [], sequence: 0, lastModified: null };

/** Weekly on Tuesdays at 10:00 from December 2026, open-ended. */
function ritual(overrides: Partial<CalendarRitual>): CalendarRitual {
  return calendarRitual({ startDate: "2026-12-01", weekdays: [2], ...overrides });
}

function seriesFile(subject: CalendarRitual, changes = noChanges): string {
  return teamSeriesInvite(subject, { attendees: [lena, jiwoo], changes, viewerIsHost: false }, context);
}

/**
 * When a wall-clock time happens, as luxon reads the zone: the first instant the
 * clock shows it or a later time. That is the one instant of an ordinary time,
 * the first of a time that happens twice, and the end of the gap for a time that
 * never happens.
 */
function luxonInstant(zone: string, date: DateTime, minutes: number): number {
  const wanted = Date.UTC(date.year, date.month - 1, date.day) + minutes * MINUTE;
  const wallClock = (instant: number) => {
    const local = DateTime.fromMillis(instant, { zone });
    return Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  };
  // Every offset and meeting time here is a multiple of 15 minutes.
  let instant = DateTime.fromObject({ year: date.year, month: date.month, day: date.day }, { zone })
    .plus({ minutes })
    .toMillis();
  instant -= 3 * 60 * MINUTE;
  while (wallClock(instant) < wanted) instant += 15 * MINUTE;
  return instant;
}

/** A weekly ritual's meetings in the window (one weekday), each on the right day in the zone, by luxon alone. */
function luxonMeetings(subject: CalendarRitual, window: { from: number; to: number }): ParsedOccurrence[] {
  const meetings: ParsedOccurrence[] = [];
  let day = DateTime.fromISO(subject.startDate, { zone: "UTC" });
  while (day.weekday !== subject.weekdays[0]) day = day.plus({ days: 1 });
  for (; day.toMillis() < window.to + 2 * 86_400_000; day = day.plus({ weeks: 1 })) {
    const start = luxonInstant(subject.timeZone, day, subject.startMinutes);
    const end = start + subject.durationMinutes * MINUTE;
    if (start < window.to && end > window.from) meetings.push({ start, end });
  }
  return meetings;
}

interface HardTime {
  weekday: number;
  minutes: number;
  date: string;
}
/** A year of quarter hours through luxon is slow to scan: once per zone. */
const hardTimesByZone = new Map<string, HardTime[]>();

/**
 * The wall-clock times just inside the gap and inside the repeated hour of each
 * change in 2027, with the local date of the change, by luxon.
 */
function hardTimes(zone: string): HardTime[] {
  const known = hardTimesByZone.get(zone);
  if (known) return known;
  const times: HardTime[] = [];
  // Changes fall on quarter hours, so the first instant of a new offset is one of these steps.
  for (let at = Date.UTC(2027, 0, 1); at < Date.UTC(2028, 0, 1); at += 15 * MINUTE) {
    const before = DateTime.fromMillis(at, { zone }).offset;
    const after = DateTime.fromMillis(at + 15 * MINUTE, { zone }).offset;
    if (before === after) continue;
    // Spring forward: the clock skips from change + before to change + after. Fall back: it shows
    // change + after to change + before twice. Either way, a quarter hour in.
    const wall = new Date(at + 15 * MINUTE + Math.min(before, after) * MINUTE + 15 * MINUTE);
    times.push({
      weekday: wall.getUTCDay() || 7,
      minutes: wall.getUTCHours() * 60 + wall.getUTCMinutes(),
      date: wall.toISOString().slice(0, 10),
    });
  }
  hardTimesByZone.set(zone, times);
  return times;
}

/**
 * node-ical reads zones through temporal-polyfill, which knows no change later
 * than ten years from now; and where a file has a VTIMEZONE it swaps the TZID
 * for the first zone with the same January and July offsets, which is not
 * Casablanca's in the years Ramadan falls in January. Past those limits its
 * readings say nothing about the file.
 */
const NODE_ICAL_UNTIL = Date.UTC(new Date().getUTCFullYear() + 10, 0, 1);

describe("series in hard zones, read back over ten years", () => {
  it.each(HARD_ZONES)("%s: ical.js and node-ical meet luxon, DST days included", (zone) => {
    const dstDays = hardTimes(zone).map(({ weekday, minutes }) =>
      ritual({ timeZone: zone, weekdays: [weekday], startMinutes: minutes }),
    );
    if (!["Asia/Tehran", "Asia/Kolkata"].includes(zone)) expect(dstDays.length).toBeGreaterThan(1);
    for (const subject of [ritual({ timeZone: zone }), ...dstDays]) {
      const text = seriesFile(subject);
      expect(icalJsOccurrences(text, TEN_YEARS)).toEqual(luxonMeetings(subject, TEN_YEARS));
      if (zone === "Africa/Casablanca" && dstDays.includes(subject)) continue;
      const nodeIcalYears = { from: TEN_YEARS.from, to: Math.min(TEN_YEARS.to, NODE_ICAL_UNTIL) };
      expect(nodeIcalOccurrences(text, nodeIcalYears)).toEqual(luxonMeetings(subject, nodeIcalYears));
    }
  });
});

/** The years in which the zone's offset changes, by luxon, from `from` up to 2100. */
function yearsWithChanges(zone: string, from: number): Set<number> {
  const years = new Set<number>();
  for (let at = Date.UTC(from, 0, 1); at < Date.UTC(2101, 0, 1); at += 86_400_000) {
    const today = DateTime.fromMillis(at, { zone });
    if (today.offset !== today.plus({ days: 1 }).offset) years.add(today.year);
  }
  return years;
}

describe("the VTIMEZONE a series carries", () => {
  const rdateYears = (text: string) =>
    new Set(unfoldLines(text).flatMap((line) => (line.startsWith("RDATE:") ? [Number(line.slice(6, 10))] : [])));

  it("lists Casablanca's changes one by one up to a bounded series' last meeting", () => {
    const text = seriesFile(ritual({ timeZone: "Africa/Casablanca", untilDate: "2031-06-30" }));
    const changes = [...yearsWithChanges("Africa/Casablanca", 2026)].filter((year) => year <= 2031);
    expect(rdateYears(text)).toEqual(new Set(changes));
    expect(unfoldLines(text).filter((line) => line.startsWith("RRULE:FREQ=YEARLY"))).toEqual([]);
  });

  it("runs as far as the zone data goes for a series that never ends, and reads right there", () => {
    const text = seriesFile(ritual({ timeZone: "Africa/Casablanca" }));
    const changes = yearsWithChanges("Africa/Casablanca", 2026);
    expect(rdateYears(text)).toEqual(changes);
    expect(Math.max(...changes)).toBeGreaterThan(2080);
    const zone = new ICAL.Timezone(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent("vtimezone")!);
    for (let at = Date.UTC(2027, 0, 1); at < Date.UTC(2101, 0, 1); at += 7 * 86_400_000) {
      const local = DateTime.fromMillis(at, { zone: "Africa/Casablanca" });
      const time = ICAL.Time.fromData({ year: local.year, month: local.month, day: local.day, hour: local.hour }, zone);
      expect(zone.utcOffset(time) / 60).toBe(local.offset);
    }
  });

  it("leaves a zone's yearly rule open for a series that never ends", () => {
    for (const zone of ["Australia/Lord_Howe", "America/Santiago", "Europe/Dublin"]) {
      const rules = unfoldLines(seriesFile(ritual({ timeZone: zone }))).filter((l) =>
        l.startsWith("RRULE:FREQ=YEARLY"),
      );
      expect(rules).toHaveLength(2);
      for (const rule of rules) expect(rule).not.toContain("UNTIL");
    }
  });
});

function years(from: number, to: number): Set<number> {
  return new Set(Array.from({ length: to - from + 1 }, (_, i) => from + i));
}

describe("meetings on DST days", () => {
  it("pins the meetings in the gap for the whole of a series that never ends", () => {
    const [gap] = hardTimes("Australia/Lord_Howe").filter(({ minutes }) => minutes === 2 * 60 + 15);
    const subject = ritual({ timeZone: "Australia/Lord_Howe", weekdays: [gap!.weekday], startMinutes: gap!.minutes });
    const pinned = unfoldLines(seriesFile(subject)).filter((line) => line.startsWith("RECURRENCE-ID"));
    expect(pinned).toContain("RECURRENCE-ID;TZID=Australia/Lord_Howe:20301006T021500");
    expect(new Set(pinned.map((line) => Number(line.split(":")[1]!.slice(0, 4))))).toEqual(years(2027, 2100));
  });

  it.each(HARD_ZONES.filter((zone) => hardTimes(zone).length > 0))(
    "%s: a single meeting's invite and cancellation on a DST day carry every zone they name",
    (zone) => {
      for (const { weekday, minutes, date } of hardTimes(zone)) {
        const subject = ritual({ timeZone: zone, weekdays: [weekday], startMinutes: minutes, startDate: date });
        const [meeting] = luxonMeetings(subject, { from: Date.UTC(2027, 0, 1), to: Date.UTC(2028, 0, 1) });
        for (const cancelled of [false, true]) {
          const text = meetingFile(
            subject,
            { originalStart: meeting!.start, start: meeting!.start, end: meeting!.end, sequence: 1, cancelled },
            { attendees: [lena, jiwoo] },
            context,
          );
          const lines = unfoldLines(text);
          const named = new Set(lines.flatMap((line) => [...line.matchAll(/;TZID=([^:;]+)/g)].map((m) => m[1])));
          const defined = new Set(lines.filter((line) => line.startsWith("TZID:")).map((line) => line.slice(5)));
          expect(named).toEqual(defined);
          expect(icalJsEventTimes(text)).toEqual([meeting]);
          expect(nodeIcalOccurrences(text, TEN_YEARS)).toEqual([meeting]);
        }
      }
    },
  );

  it("writes a one-off in the hour that happens twice so every parser reads its first instant", () => {
    const subject = ritual({
      timeZone: "Europe/Dublin",
      frequency: "once",
      startDate: "2027-10-31",
      startMinutes: 90,
      weekdays: [],
    });
    const first = Date.parse("2027-10-31T00:30:00Z");
    expect(DateTime.fromMillis(first, { zone: "Europe/Dublin" }).toFormat("HH:mm")).toBe("01:30");
    const text = seriesFile(subject);
    expect(icalJsOccurrences(text, TEN_YEARS)).toEqual([{ start: first, end: first + 30 * MINUTE }]);
    expect(nodeIcalOccurrences(text, TEN_YEARS)).toEqual([{ start: first, end: first + 30 * MINUTE }]);
  });
});
