import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { dayAgenda, findConflicts, type CalendarEntry } from "./conflicts";
import { tallyForRituals, tallyOutsideHours } from "./fairness";
import { berlin, chatham, kolkata, newYork, person, seoul, sydney, localInstant } from "~tests/support/domain-fixtures";
import { hourKindAt, hoursMark, localView, minutesAtNight, minutesOutsideWorkingHours } from "./working-hours";

const at = (iso: string) => DateTime.fromISO(iso, { setZone: true }).toMillis();
const meetingAt = (iso: string, minutes: number) => ({ start: at(iso), end: at(iso) + minutes * 60_000 });
const noBuffers = { goEarlyMinutes: 0, stayLateMinutes: 0 };
const tenTen = { goEarlyMinutes: 10, stayLateMinutes: 10 };

describe("everyone's local view of a meeting", () => {
  // Tue 10:00 in Berlin, winter (UTC+1) and summer (UTC+2).
  const winter = { ...meetingAt("2026-01-13T10:00:00+01:00", 30), localDate: "2026-01-13" };
  const summer = { ...meetingAt("2026-07-14T10:00:00+02:00", 30), localDate: "2026-07-14" };

  it("shows each person the meeting on their own clock, as luxon does", () => {
    for (const who of [seoul, berlin, newYork, kolkata, sydney, chatham]) {
      for (const meeting of [winter, summer]) {
        const view = localView(meeting, who, "participant", noBuffers);
        const expected = DateTime.fromMillis(meeting.start, { zone: who.timeZone });
        expect(view.localDate, who.id).toBe(expected.toISODate());
        expect(view.localStartMinutes, who.id).toBe(expected.hour * 60 + expected.minute);
      }
    }
  });

  it("says when it falls on another calendar day for someone", () => {
    expect(localView(winter, chatham, "participant", noBuffers)).toMatchObject({
      dayShift: 0,
      localStartMinutes: 22 * 60 + 45,
    });
    const evening = { ...meetingAt("2026-01-13T19:00:00+01:00", 30), localDate: "2026-01-13" };
    expect(localView(evening, seoul, "participant", noBuffers)).toMatchObject({ dayShift: 1, localDate: "2026-01-14" });
    const early = { ...meetingAt("2026-01-13T08:00:00+09:00", 30), localDate: "2026-01-13" };
    expect(localView(early, newYork, "participant", noBuffers)).toMatchObject({
      dayShift: -1,
      localDate: "2026-01-12",
    });
  });

  it("counts buffers against a host's working hours but not a participant's", () => {
    // 16:30-17:00 in Berlin: inside a 09:00-17:00 day, but stay-late runs ten minutes over.
    const lateAfternoon = { ...meetingAt("2026-01-13T16:30:00+01:00", 30), localDate: "2026-01-13" };
    expect(localView(lateAfternoon, berlin, "participant", tenTen)).toMatchObject({
      insideWorkingHours: true,
      minutesOutside: 0,
    });
    expect(localView(lateAfternoon, berlin, "host", tenTen)).toMatchObject({
      insideWorkingHours: false,
      minutesOutside: 10,
    });
  });

  it("treats days off and half-hour zones correctly", () => {
    const saturday = meetingAt("2026-01-17T10:00:00+01:00", 30);
    expect(minutesOutsideWorkingHours(berlin, saturday)).toBe(30);
    // 09:00 in Berlin is 13:30 in Kolkata in winter, 12:30 in summer: inside either way.
    expect(minutesOutsideWorkingHours(kolkata, meetingAt("2026-01-13T09:00:00+01:00", 60))).toBe(0);
    // 08:40-09:10 in Kolkata: twenty minutes before the day starts.
    expect(minutesOutsideWorkingHours(kolkata, meetingAt("2026-01-13T08:40:00+05:30", 30))).toBe(20);
  });
});

describe("conflicts and a member's day", () => {
  const checkIn: CalendarEntry = {
    id: "check-in",
    role: "host",
    meeting: meetingAt("2026-03-10T10:00:00+01:00", 30),
    buffers: tenTen,
  };
  const adjacent: CalendarEntry = {
    id: "adjacent",
    role: "participant",
    meeting: meetingAt("2026-03-10T10:35:00+01:00", 25),
    buffers: noBuffers,
  };
  const later: CalendarEntry = {
    id: "later",
    role: "participant",
    meeting: meetingAt("2026-03-10T13:00:00+01:00", 30),
    buffers: noBuffers,
  };

  it("finds meetings whose buffers overlap, and only those", () => {
    const conflicts = findConflicts([later, adjacent, checkIn]);
    expect(conflicts.map((c) => [c.first.id, c.second.id])).toEqual([["check-in", "adjacent"]]);
    // As a participant the same check-in has no buffers, and 10:30 / 10:35 do not touch.
    expect(findConflicts([{ ...checkIn, role: "participant" }, adjacent])).toEqual([]);
  });

  it("lists the day's go-early, meeting and stay-late blocks in the member's zone", () => {
    const blocks = dayAgenda("Europe/Berlin", "2026-03-10", [later, checkIn, adjacent]);
    expect(
      blocks.map((b) => [b.entryId, b.kind, DateTime.fromMillis(b.start, { zone: "Europe/Berlin" }).toFormat("HH:mm")]),
    ).toEqual([
      ["check-in", "go-early", "09:50"],
      ["check-in", "meeting", "10:00"],
      ["check-in", "stay-late", "10:30"],
      ["adjacent", "meeting", "10:35"],
      ["later", "meeting", "13:00"],
    ]);
    // 13:00 in Berlin is 21:00 in Seoul: on the 10th there, and nothing of it on the 11th.
    expect(dayAgenda("Asia/Seoul", "2026-03-11", [later])).toEqual([]);
    expect(dayAgenda("Asia/Seoul", "2026-03-10", [checkIn]).map((b) => b.kind)).toEqual([
      "go-early",
      "meeting",
      "stay-late",
    ]);
  });
});

describe("fairness tally", () => {
  it("counts each person's meetings outside working hours and the minutes", () => {
    const evening = meetingAt("2026-01-13T18:00:00+01:00", 30); // 02:00 in Seoul, 12:00 in New York
    const morning = meetingAt("2026-01-14T09:00:00+09:00", 30); // 01:00 in Berlin, 19:00 the day before in New York
    const tally = tallyOutsideHours(
      [seoul, berlin, newYork],
      [evening, morning].flatMap((meeting) =>
        [seoul, berlin, newYork].map((p) => ({
          personId: p.id,
          role: "participant" as const,
          meeting,
          buffers: noBuffers,
        })),
      ),
    );
    expect(tally).toEqual([
      {
        personId: "seoul",
        meetings: 2,
        meetingsOutside: 1,
        minutesOutside: 30,
        meetingsAtNight: 1,
        minutesAtNight: 30,
      },
      // 18:00 is an evening edge for Berlin; 01:00 is night.
      {
        personId: "berlin",
        meetings: 2,
        meetingsOutside: 2,
        minutesOutside: 60,
        meetingsAtNight: 1,
        minutesAtNight: 30,
      },
      {
        personId: "new-york",
        meetings: 2,
        meetingsOutside: 1,
        minutesOutside: 30,
        meetingsAtNight: 0,
        minutesAtNight: 0,
      },
    ]);
  });

  it("adds up every ritual of the team over the next weeks, DST included", () => {
    const rule = {
      timeZone: "Europe/Berlin",
      startMinutes: 16 * 60 + 30,
      durationMinutes: 30,
      frequency: "weekly" as const,
      interval: 1,
      weekdays: [2],
      monthDay: null,
      monthWeek: null,
      monthWeekday: null,
      startDate: "2026-03-17",
      untilDate: null,
      count: null,
    };
    // Tue 16:30 Berlin, four weeks from 17 March: 00:30 then (after 29 March) 23:30 in Seoul; 11:30 / 10:30 in New York.
    const tally = tallyForRituals(
      [berlin, seoul, newYork],
      [
        {
          rule,
          buffers: tenTen,
          attendees: [
            { personId: "berlin", role: "host" },
            { personId: "seoul", role: "participant" },
            { personId: "new-york", role: "participant" },
          ],
        },
      ],
      { from: Date.parse("2026-03-16T00:00:00Z"), to: Date.parse("2026-04-13T00:00:00Z") },
    );
    expect(tally).toEqual([
      // The host's stay-late runs to 17:10, ten minutes past a 17:00 day.
      {
        personId: "berlin",
        meetings: 4,
        meetingsOutside: 4,
        minutesOutside: 40,
        meetingsAtNight: 0,
        minutesAtNight: 0,
      },
      {
        personId: "seoul",
        meetings: 4,
        meetingsOutside: 4,
        minutesOutside: 120,
        meetingsAtNight: 4,
        minutesAtNight: 120,
      },
      {
        personId: "new-york",
        meetings: 4,
        meetingsOutside: 0,
        minutesOutside: 0,
        meetingsAtNight: 0,
        minutesAtNight: 0,
      },
    ]);
  });
});

describe("night shifts and nights", () => {
  const nurse = person("nurse", "Europe/Berlin", { workStartMinutes: 22 * 60, workEndMinutes: 6 * 60 });
  const everyNight = { ...nurse, workDays: [1, 2, 3, 4, 5, 6, 7] };

  it("counts a shift that runs past midnight as working time, on the day it starts", () => {
    // Tuesday 02:00-02:30 belongs to Monday's shift; Saturday 02:00 to Friday's; Sunday 02:00 to no shift.
    expect(minutesOutsideWorkingHours(nurse, meetingAt("2026-01-13T02:00:00+01:00", 30))).toBe(0);
    expect(minutesOutsideWorkingHours(nurse, meetingAt("2026-01-17T02:00:00+01:00", 30))).toBe(0);
    expect(minutesOutsideWorkingHours(nurse, meetingAt("2026-01-18T02:00:00+01:00", 30))).toBe(30);
    // 05:45-06:15 runs fifteen minutes past the shift's end.
    expect(minutesOutsideWorkingHours(nurse, meetingAt("2026-01-13T05:45:00+01:00", 30))).toBe(15);
  });

  it("measures the shift on the wall clock across a DST change", () => {
    // The night of 28-29 March 2026: Berlin jumps from 02:00 to 03:00, so the 22:00-06:00 shift lasts 7 hours.
    const night = { start: Date.parse("2026-03-28T21:00:00Z"), end: Date.parse("2026-03-29T04:00:00Z") };
    expect(DateTime.fromMillis(night.end, { zone: "Europe/Berlin" }).toFormat("HH:mm")).toBe("06:00");
    expect(minutesOutsideWorkingHours(everyNight, night)).toBe(0);
    expect(minutesOutsideWorkingHours(everyNight, { start: night.start, end: night.end + 30 * 60_000 })).toBe(30);
  });

  it("tells night from early or late edges, on each person's clock as luxon reads it", () => {
    for (const [iso, minutes, expected] of [
      ["2026-01-13T08:00:00+01:00", 60, 0], // an hour early: an edge, not night
      ["2026-01-13T01:00:00+01:00", 30, 30],
      ["2026-01-13T21:30:00+01:00", 60, 30], // 21:30-22:30: the second half is night
      ["2026-07-14T06:30:00+02:00", 60, 30], // 06:30-07:30 in summer time
    ] as const) {
      expect(minutesAtNight(berlin, meetingAt(iso, minutes)), iso).toBe(expected);
    }
    // A night shift sleeps by day: 12:00 is their night, 23:00 their work.
    expect(minutesAtNight(nurse, meetingAt("2026-01-13T12:00:00+01:00", 30))).toBe(30);
    expect(minutesAtNight(nurse, meetingAt("2026-01-13T23:00:00+01:00", 30))).toBe(0);
  });

  it("draws the shift and the night where the person lives them", () => {
    const local = (iso: string) => localInstant(iso, "UTC");
    expect(hourKindAt(nurse, local("2026-01-13T23:00"))).toBe("work");
    expect(hourKindAt(nurse, local("2026-01-14T03:00"))).toBe("work");
    expect(hourKindAt(nurse, local("2026-01-14T12:00"))).toBe("night");
    expect(hourKindAt(nurse, local("2026-01-14T20:00"))).toBe("off");
    expect(hourKindAt(berlin, local("2026-01-14T03:00"))).toBe("night");
    expect(hourKindAt(berlin, local("2026-01-14T10:00"))).toBe("work");
  });
});

describe("how a meeting is marked for one person", () => {
  it("marks the worst of night, day off and outside hours, on the person's own clock (luxon says which day it is)", () => {
    // Friday 17:00 in Berlin (winter): Saturday 01:00 in Seoul, Friday 11:00 in New York.
    const friday = meetingAt("2026-01-16T17:00:00+01:00", 30);
    expect(DateTime.fromMillis(friday.start, { zone: "Asia/Seoul" }).weekday).toBe(6);
    expect(hoursMark(seoul, friday)).toEqual({ kind: "night", minutes: 30 });
    expect(hoursMark(newYork, friday)).toBeNull();
    expect(hoursMark(berlin, friday)).toEqual({ kind: "outside", minutes: 30 });
    // Saturday 10:00 in Berlin: Saturday 04:00 in New York (night), Saturday 18:00 in Seoul (a day off).
    const saturday = meetingAt("2026-01-17T10:00:00+01:00", 30);
    expect(hoursMark(berlin, saturday)).toEqual({ kind: "day-off", minutes: 30 });
    expect(hoursMark(seoul, saturday)).toEqual({ kind: "day-off", minutes: 30 });
    expect(hoursMark(newYork, saturday)).toEqual({ kind: "night", minutes: 30 });
    // Half in working time on a working day: outside, by the minutes past the end.
    expect(hoursMark(berlin, meetingAt("2026-01-13T16:45:00+01:00", 30))).toEqual({ kind: "outside", minutes: 15 });
  });

  it("counts a night shift's working hours as working time, and its day's sleep as its night", () => {
    const nightShift = person("night-shift", "Europe/Berlin", { workStartMinutes: 22 * 60, workEndMinutes: 6 * 60 });
    expect(hoursMark(nightShift, meetingAt("2026-01-13T23:00:00+01:00", 30))).toBeNull();
    expect(hoursMark(nightShift, meetingAt("2026-01-13T12:00:00+01:00", 30))).toEqual({ kind: "night", minutes: 30 });
  });
});

describe("a day off in the local view", () => {
  it("names a weekend meeting as a day off, and an evening on a working day as outside hours only", () => {
    const saturday = { ...meetingAt("2026-01-17T10:00:00+01:00", 30), localDate: "2026-01-17" };
    expect(localView(saturday, berlin, "participant", noBuffers)).toMatchObject({ dayOff: true, minutesOutside: 30 });
    // Friday 17:00 in Berlin is Friday 11:00 in New York: a working day, inside hours.
    const friday = { ...meetingAt("2026-01-16T17:00:00+01:00", 30), localDate: "2026-01-16" };
    expect(localView(friday, berlin, "participant", noBuffers)).toMatchObject({ dayOff: false, minutesOutside: 30 });
    expect(localView(friday, newYork, "participant", noBuffers)).toMatchObject({ dayOff: false, minutesOutside: 0 });
  });
});
