import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { tuesdaysInBerlin, wednesdayRotationInSeoul } from "~tests/support/domain-fixtures";
import {
  expandRecurrence,
  expandValidRule,
  nominalLocalTime,
  type MeetingException,
  type PlannedMeeting,
  type RecurrenceRule,
} from "./recurrence";

const weeklyRule = tuesdaysInBerlin;

const YEAR_2026 = { from: Date.parse("2026-01-01T00:00:00Z"), to: Date.parse("2027-01-01T00:00:00Z") };

function expand(
  rule: Partial<RecurrenceRule>,
  window = YEAR_2026,
  exceptions: MeetingException[] = [],
): PlannedMeeting[] {
  const result = expandRecurrence({ ...weeklyRule, ...rule }, window, exceptions);
  if (!result.success) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

describe("weekly rules keep their local time across DST", () => {
  it("Tue 10:00 Berlin stays 10:00 in Berlin while UTC moves by an hour at both switches", () => {
    const meetings = expand({});
    expect(meetings).toHaveLength(52);
    for (const meeting of meetings) {
      expect(DateTime.fromMillis(meeting.start, { zone: "Europe/Berlin" }).toFormat("ccc HH:mm")).toBe("Tue 10:00");
      expect(meeting.adjustment).toBeNull();
    }
    const utcHour = (date: string) =>
      DateTime.fromMillis(meetings.find((m) => m.localDate === date)!.start, { zone: "UTC" }).hour;
    expect([utcHour("2026-03-24"), utcHour("2026-03-31"), utcHour("2026-10-20"), utcHour("2026-10-27")]).toEqual([
      9, 8, 8, 9,
    ]);
  });

  it("meets on several weekdays, every other week counted from the first week", () => {
    const meetings = expand(
      { weekdays: [2, 4], interval: 2, startDate: "2026-01-08" },
      { ...YEAR_2026, to: Date.parse("2026-02-01T00:00:00Z") },
    );
    expect(meetings.map((m) => m.localDate)).toEqual(["2026-01-08", "2026-01-20", "2026-01-22"]);
  });

  it("keeps southern-hemisphere and half-hour zones on their wall clock", () => {
    for (const zone of ["Australia/Sydney", "Asia/Kolkata", "Pacific/Chatham", "America/Sao_Paulo", "Asia/Seoul"]) {
      for (const meeting of expand({ timeZone: zone, startMinutes: 9 * 60 + 30 })) {
        expect(DateTime.fromMillis(meeting.start, { zone }).toFormat("HH:mm"), zone).toBe("09:30");
      }
    }
  });
});

describe("DST switch days", () => {
  // [zone, a day it springs forward, a day it falls back, a local time in the gap, a local time that happens twice]
  const cases: [string, string, string, number, number][] = [
    ["Europe/Berlin", "2026-03-29", "2026-10-25", 2 * 60 + 30, 2 * 60 + 30],
    ["America/New_York", "2026-03-08", "2026-11-01", 2 * 60 + 30, 60 + 30],
    ["Australia/Sydney", "2026-10-04", "2026-04-05", 2 * 60 + 30, 2 * 60 + 30],
    ["Pacific/Chatham", "2026-09-27", "2026-04-05", 3 * 60, 3 * 60],
  ];

  it.each(cases)("%s: a time in the gap moves to the gap's end, and says so", (zone, springDay, _fallDay, gapTime) => {
    const [meeting] = expand({ timeZone: zone, frequency: "once", startDate: springDay, startMinutes: gapTime });
    expect(meeting?.adjustment).toBe("gap");
    const shown = DateTime.fromMillis(meeting!.start, { zone });
    // The first valid minute after the gap: one minute earlier is still before the switch.
    const before = DateTime.fromMillis(meeting!.start - 60_000, { zone });
    expect(shown.offset).not.toBe(before.offset);
    expect(shown.toISODate()).toBe(springDay);
    expect(shown.hour * 60 + shown.minute).toBeGreaterThan(gapTime);
  });

  it.each(cases)(
    "%s: a time that happens twice takes the first instant, and says so",
    (zone, _springDay, fallDay, _gap, twice) => {
      const [meeting] = expand({ timeZone: zone, frequency: "once", startDate: fallDay, startMinutes: twice });
      expect(meeting?.adjustment).toBe("ambiguous");
      const shown = DateTime.fromMillis(meeting!.start, { zone });
      expect(shown.hour * 60 + shown.minute).toBe(twice);
      // An hour (Chatham: an hour) later the same wall-clock time comes round again with the smaller offset.
      const again = DateTime.fromMillis(meeting!.start + 3_600_000, { zone });
      expect(again.toFormat("HH:mm")).toBe(shown.toFormat("HH:mm"));
      expect(again.offset).toBeLessThan(shown.offset);
    },
  );

  it("leaves zones without DST alone on those days", () => {
    for (const zone of ["Asia/Seoul", "Asia/Kolkata", "America/Sao_Paulo"]) {
      for (const date of ["2026-03-29", "2026-10-25", "2026-03-08", "2026-11-01"]) {
        expect(
          expand({ timeZone: zone, frequency: "once", startDate: date, startMinutes: 150 })[0]?.adjustment,
        ).toBeNull();
      }
    }
  });
});

describe("monthly, one-off and ends", () => {
  it("finds the first, second and last weekday of each month", () => {
    const firstMonday = expand({ frequency: "monthly", monthWeek: 1, monthWeekday: 1, count: 3 });
    expect(firstMonday.map((m) => m.localDate)).toEqual(["2026-02-02", "2026-03-02", "2026-04-06"]);
    const lastFriday = expand({ frequency: "monthly", monthWeek: -1, monthWeekday: 5, count: 3 });
    expect(lastFriday.map((m) => m.localDate)).toEqual(["2026-01-30", "2026-02-27", "2026-03-27"]);
    const secondWednesdayEveryOther = expand({
      frequency: "monthly",
      interval: 2,
      monthWeek: 2,
      monthWeekday: 3,
      count: 3,
    });
    expect(secondWednesdayEveryOther.map((m) => m.localDate)).toEqual(["2026-01-14", "2026-03-11", "2026-05-13"]);
  });

  it("skips months without the day, as calendar apps do", () => {
    const thirtyFirst = expand({ frequency: "monthly", monthDay: 31, startDate: "2026-01-01" });
    expect(thirtyFirst.map((m) => m.localDate.slice(5, 7))).toEqual(["01", "03", "05", "07", "08", "10", "12"]);
  });

  it("honours count and until (inclusive), and a one-off meets once", () => {
    expect(expand({ count: 5 })).toHaveLength(5);
    const untilMarch = expand({ untilDate: "2026-03-03" });
    expect(untilMarch.at(-1)?.localDate).toBe("2026-03-03");
    expect(expand({ frequency: "once", startDate: "2026-06-10" }).map((m) => m.localDate)).toEqual(["2026-06-10"]);
  });

  it("counts from the first meeting even when the window starts later", () => {
    const late = { from: Date.parse("2026-02-01T00:00:00Z"), to: YEAR_2026.to };
    expect(expand({ count: 6 }, late).map((m) => m.localDate)).toEqual(["2026-02-03", "2026-02-10"]);
  });

  it("returns only meetings that overlap the window, including one already under way", () => {
    const meetings = expand({}, { from: Date.parse("2026-01-13T09:15:00Z"), to: Date.parse("2026-01-20T09:00:00Z") });
    expect(meetings.map((m) => m.localDate)).toEqual(["2026-01-13"]);
  });
});

describe("exceptions", () => {
  it("drops a cancelled meeting and shows a moved one once, at its new time, keeping its identity", () => {
    const all = expand({}, { ...YEAR_2026, to: Date.parse("2026-02-01T00:00:00Z") });
    const [first, second, third] = all;
    const newStart = Date.parse("2026-01-15T15:00:00Z");
    const changed = expand({}, { ...YEAR_2026, to: Date.parse("2026-02-01T00:00:00Z") }, [
      { originalStart: first!.originalStart, status: "cancelled" },
      { originalStart: second!.originalStart, status: "moved", start: newStart, durationMinutes: 45 },
    ]);
    expect(changed).toHaveLength(all.length - 1);
    expect(changed.find((m) => m.originalStart === first!.originalStart)).toBeUndefined();
    const moved = changed.filter((m) => m.originalStart === second!.originalStart);
    expect(moved).toEqual([
      expect.objectContaining({
        start: newStart,
        end: newStart + 45 * 60_000,
        status: "moved",
        localDate: "2026-01-13",
      }),
    ]);
    // Sorted by the new time: the moved meeting (Thu 15th) now comes first, before the 20th.
    expect(changed[0]).toBe(moved[0]);
    expect(changed[1]?.originalStart).toBe(third!.originalStart);
  });
});

describe("validation", () => {
  it("returns field errors instead of throwing", () => {
    const result = expandRecurrence(
      {
        ...weeklyRule,
        timeZone: "Mars/Base",
        interval: 0,
        weekdays: [],
        count: 0,
        untilDate: "2025-01-01",
        durationMinutes: 0,
      },
      { from: 10, to: 5 },
    );
    expect(result.success ? {} : result.errors).toEqual({
      timeZone: "validation.timeZoneUnknown",
      interval: "validation.intervalTooSmall",
      weekdays: "validation.weekdaysRequired",
      count: "validation.countTooSmall",
      untilDate: "validation.untilBeforeStart",
      durationMinutes: "validation.durationPositive",
    });
    const badMove = expandRecurrence(weeklyRule, YEAR_2026, [
      { status: "moved", originalStart: 0, start: 0, durationMinutes: 0 },
    ]);
    expect(badMove.success ? {} : badMove.errors).toEqual({
      "exceptions.0.durationMinutes": "validation.durationPositive",
    });
    const badWindow = expandRecurrence(weeklyRule, { from: 10, to: 5 });
    expect(badWindow.success ? {} : badWindow.errors).toEqual({ to: "validation.endBeforeStart" });
  });
});

describe("a rotation: start times taken in turn", () => {
  const rotation = wednesdayRotationInSeoul;

  it("alternates week by week on the anchor's wall clock, as luxon counts the weeks", () => {
    const window = { from: Date.parse("2026-12-01T00:00:00Z"), to: Date.parse("2027-03-01T00:00:00Z") };
    const meetings = expandValidRule(rotation, window);
    const first = DateTime.fromISO("2026-12-02T00:00", { zone: "Asia/Seoul" });
    expect(meetings.map((meeting) => meeting.start)).toEqual(
      meetings.map((_, week) =>
        first
          .plus({ weeks: week })
          .set({ hour: week % 2 === 0 ? 9 : 17 })
          .toMillis(),
      ),
    );
  });

  it("keeps its turns by period, so every other week alternates in a fortnightly series and a cancellation skips no turn", () => {
    const fortnightly = { ...rotation, interval: 2 };
    const window = { from: Date.parse("2026-12-01T00:00:00Z"), to: Date.parse("2027-03-01T00:00:00Z") };
    const all = expandValidRule(fortnightly, window);
    const hours = (meetings: readonly { start: number }[]) =>
      meetings.map((meeting) => DateTime.fromMillis(meeting.start, { zone: "Asia/Seoul" }).hour);
    expect(hours(all).slice(0, 4)).toEqual([9, 17, 9, 17]);
    const cancelled = expandValidRule(fortnightly, window, [
      { originalStart: all[1]!.originalStart, status: "cancelled" },
    ]);
    expect(hours(cancelled).slice(0, 3)).toEqual([9, 9, 17]);
    // The RECURRENCE-ID of a meeting is its own turn's wall clock.
    expect(nominalLocalTime(fortnightly, all[1]!.originalStart) % 86_400_000).toBe(17 * 3_600_000);
  });

  it("does not rotate a one-off", () => {
    const once = { ...rotation, frequency: "once" as const };
    const [only] = expandValidRule(once, {
      from: Date.parse("2026-12-01T00:00:00Z"),
      to: Date.parse("2026-12-04T00:00:00Z"),
    });
    expect(DateTime.fromMillis(only!.start, { zone: "Asia/Seoul" }).hour).toBe(9);
  });
});
