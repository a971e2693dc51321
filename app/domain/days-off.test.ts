import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { awayAtMeeting, awayDuring, coverDays, daysOff, reminderRecipient, timeAwaySchema } from "./days-off";
import { holidayDates } from "./holidays";
import { validate } from "./validation";

const at = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toMillis();

describe("a person's days off", () => {
  it("are their public holidays, less the ones the team works, plus the team's own days and their time away", () => {
    const korea = holidayDates("KR", 2026, 2026);
    expect(korea.has("2026-02-17")).toBe(true);
    const days = daysOff(
      korea,
      [
        { date: "2026-02-17", name: "We work on Seollal", off: false },
        { date: "2026-12-24", name: "Company day", off: true },
      ],
      [{ firstDay: "2026-12-30", lastDay: "2027-01-02", delegateId: null, message: "" }],
    );
    expect(days.has("2026-02-17")).toBe(false);
    expect(days.has("2026-02-16")).toBe(true);
    expect(days.has("2026-12-24")).toBe(true);
    expect(["2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02"].every((day) => days.has(day))).toBe(true);
    expect(days.has("2027-01-03")).toBe(false);
    // Public holidays are never changed in place: they are shared by everyone in the region.
    expect(korea.has("2026-02-17")).toBe(true);
  });
});

describe("being away", () => {
  const seoul = {
    timeZone: "Asia/Seoul",
    away: [{ firstDay: "2026-12-21", lastDay: "2026-12-23", delegateId: null, message: "" }],
  };

  it("is read on the person's own calendar, not the meeting's", () => {
    // 20 December 16:00 in Los Angeles is already the 21st in Seoul.
    const meeting = at("2026-12-20T16:00", "America/Los_Angeles");
    expect(awayDuring(seoul, { start: meeting, end: meeting + 30 * 60_000 })).not.toBeNull();
    // 23:30 on the 23rd in Seoul is the last evening away; midnight after it they are back.
    const lastEvening = at("2026-12-23T23:30", "Asia/Seoul");
    expect(awayDuring(seoul, { start: lastEvening, end: lastEvening + 30 * 60_000 })).not.toBeNull();
    const back = at("2026-12-24T00:00", "Asia/Seoul");
    expect(awayDuring(seoul, { start: back, end: back + 30 * 60_000 })).toBeNull();
  });

  it("counts who of a meeting's people are away, out of all invited", () => {
    const people = new Map([
      ["ji", { name: "Ji-woo", ...seoul }],
      ["sam", { name: "Sam", timeZone: "America/Los_Angeles" }],
    ]);
    const meeting = at("2026-12-22T10:00", "Asia/Seoul");
    expect(awayAtMeeting(["ji", "sam", "contact"], people, { start: meeting, end: meeting + 1 })).toEqual({
      names: ["Ji-woo"],
      of: 3,
    });
  });
});

describe("where a reminder goes", () => {
  const ji = { id: "ji", timeZone: "Asia/Seoul" };
  const lena = { id: "lena", timeZone: "Europe/Berlin" };
  const spans = [{ memberId: "ji", firstDay: "2026-12-21", lastDay: "2026-12-23", delegate: lena }];

  it("goes to the person, to whoever covers while they are away, and waits when the cover is away too", () => {
    expect(reminderRecipient(ji, spans, at("2026-12-20T08:00", "Asia/Seoul"))).toEqual({ to: ji, coveringUntil: null });
    expect(reminderRecipient(ji, spans, at("2026-12-21T08:00", "Asia/Seoul"))).toEqual({
      to: lena,
      coveringUntil: "2026-12-23",
    });
    const bothAway = [...spans, { memberId: "lena", firstDay: "2026-12-22", lastDay: "2026-12-22", delegate: ji }];
    expect(reminderRecipient(ji, bothAway, at("2026-12-22T08:00", "Asia/Seoul"))).toBeNull();
    expect(reminderRecipient(ji, [{ ...spans[0]!, delegate: null }], at("2026-12-22T08:00", "Asia/Seoul"))).toBeNull();
  });
});

describe("the time-away form", () => {
  it("refuses a last day before the first, a span over a year, and bad dates, each beside its field", () => {
    expect(validate(timeAwaySchema, { firstDay: "2026-12-10", lastDay: "2026-12-09" })).toEqual({
      success: false,
      errors: { lastDay: "validation.lastDayBeforeFirst" },
    });
    expect(validate(timeAwaySchema, { firstDay: "2026-01-01", lastDay: "2027-01-02" })).toMatchObject({
      errors: { lastDay: "validation.awayTooLong" },
    });
    expect(validate(timeAwaySchema, { firstDay: "2026-02-30", lastDay: "", message: "x".repeat(301) })).toEqual({
      success: false,
      errors: { firstDay: "validation.dateInvalid", lastDay: "validation.dateRequired", message: "validation.tooLong" },
    });
    expect(
      validate(timeAwaySchema, { firstDay: "2026-12-21", lastDay: "2026-12-21", message: " Back\r\non the 22nd " }),
    ).toEqual({
      success: true,
      data: { firstDay: "2026-12-21", lastDay: "2026-12-21", delegateId: null, message: "Back on the 22nd" },
    });
  });
});

it("tells a customer of time away from today through the meeting, at least a fortnight ahead", () => {
  const now = at("2026-12-06T12:00", "Asia/Seoul");
  expect(coverDays("Asia/Seoul", now, at("2026-12-09T16:00", "Asia/Seoul"))).toEqual({
    from: "2026-12-06",
    to: "2026-12-20",
  });
  expect(coverDays("Asia/Seoul", now, at("2027-01-13T16:00", "Asia/Seoul"))).toEqual({
    from: "2026-12-06",
    to: "2027-01-13",
  });
});
