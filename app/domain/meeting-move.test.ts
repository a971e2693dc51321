import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { meetingKey, parseMeetingKey } from "./meeting-key";
import { berlin, localInstant, newYork, seoul, tuesdaysInBerlin } from "~tests/support/domain-fixtures";
import { checkMove, parseMove } from "./meeting-move";

const original = Date.UTC(2026, 2, 24, 9);

describe("moving one meeting", () => {
  it("reads the new date and time in the ritual's zone, as luxon does", () => {
    const moved = parseMove({ date: "2026-03-26", time: "15:30", durationMinutes: "45" }, "Asia/Kolkata", original);
    expect(moved).toEqual({
      success: true,
      data: {
        originalStart: original,
        status: "moved",
        start: DateTime.fromISO("2026-03-26T15:30", { zone: "Asia/Kolkata" }).toMillis(),
        durationMinutes: 45,
      },
    });
  });

  it("refuses a time the clocks skip that day, with a message for the time field", () => {
    expect(parseMove({ date: "2026-03-29", time: "02:30", durationMinutes: "30" }, "Europe/Berlin", original)).toEqual({
      success: false,
      errors: { time: "validation.timeSkipped" },
    });
  });

  it("takes the first of a time that happens twice", () => {
    const moved = parseMove({ date: "2026-10-25", time: "02:30", durationMinutes: "30" }, "Europe/Berlin", original);
    expect(moved.success && moved.data.start).toBe(Date.UTC(2026, 9, 25, 0, 30));
  });

  it("explains bad input field by field", () => {
    expect(parseMove({ date: "2026-02-30", time: "25:00", durationMinutes: "0" }, "Europe/Berlin", original)).toEqual({
      success: false,
      errors: {
        date: "validation.dateInvalid",
        time: "validation.timeInvalid",
        durationMinutes: "validation.durationPositive",
      },
    });
    // A year-one date is a typo: refused beside the field, not stored.
    expect(parseMove({ date: "0001-01-01", time: "10:00", durationMinutes: "30" }, "Europe/Berlin", original)).toEqual({
      success: false,
      errors: { date: "validation.dateOutOfRange" },
    });
  });
});

describe("meeting addresses", () => {
  it("write the original start as calendar files do, and read it back", () => {
    expect(meetingKey(original)).toBe("20260324T090000Z");
    expect(parseMeetingKey("20260324T090000Z")).toBe(original);
    expect(parseMeetingKey("2026-03-24")).toBeNaN();
    expect(parseMeetingKey(undefined)).toBeNaN();
  });
});

describe("checking a move before it is saved", () => {
  const buffers = { goEarlyMinutes: 10, stayLateMinutes: 10 };
  const weekly = {
    id: "weekly",
    rule: tuesdaysInBerlin,
    buffers,
    exceptions: [],
    attendees: [
      { personId: "berlin", role: "host" as const },
      { personId: "seoul", role: "participant" as const },
    ],
  };
  const moving = {
    id: "moving",
    buffers,
    attendees: [
      { personId: "berlin", role: "host" as const },
      { personId: "seoul", role: "participant" as const },
      { personId: "new-york", role: "participant" as const },
    ],
  };
  const at = (iso: string, originalStart = 0) => ({
    start: localInstant(iso, "Europe/Berlin"),
    end: localInstant(iso, "Europe/Berlin") + 30 * 60_000,
    originalStart,
  });

  it("names each person's night, day off or evening at the new time, and the meetings it lands on for them", () => {
    // Tuesday 10:15 in Berlin overlaps the weekly 10:00: 18:15 in Seoul (evening), 04:15 in New York (night).
    // New York's own calendar has them busy 04:30-05:00 their time; Seoul's, an hour later than the move.
    const elsewhere = new Map([
      ["new-york", [{ start: at("2026-03-10T10:30").start, end: at("2026-03-10T11:00").start }]],
      ["seoul", [{ start: at("2026-03-10T11:30").start, end: at("2026-03-10T12:00").start }]],
    ]);
    const checks = checkMove(at("2026-03-10T10:15"), moving, [berlin, seoul, newYork], [weekly], elsewhere);
    expect(checks).toEqual([
      { personId: "berlin", hours: null, clashesWith: ["weekly"], busyElsewhere: false },
      { personId: "seoul", hours: { kind: "outside", minutes: 30 }, clashesWith: ["weekly"], busyElsewhere: false },
      { personId: "new-york", hours: { kind: "night", minutes: 30 }, clashesWith: [], busyElsewhere: true },
    ]);
    // Saturday: a day off in Berlin and Seoul (17:00), and no clash.
    const saturday = checkMove(at("2026-03-14T09:00"), moving, [berlin, seoul, newYork], [weekly]);
    expect(saturday.map((check) => check.hours?.kind ?? null)).toEqual(["day-off", "day-off", "night"]);
    expect(saturday.every((check) => check.clashesWith.length === 0)).toBe(true);
  });

  it("finds a clash with a buffer only for the host it belongs to", () => {
    // 10:35 starts in the weekly meeting's stay-late time (10:30-10:40), which only its host blocks.
    const checks = checkMove(
      at("2026-03-10T10:35"),
      { ...moving, buffers: { goEarlyMinutes: 0, stayLateMinutes: 0 } },
      [berlin, seoul, newYork],
      [weekly],
    );
    expect(checks.map((check) => check.clashesWith)).toEqual([["weekly"], [], []]);
  });

  it("finds a clash with the ritual's own other meetings, never with the meeting being moved", () => {
    const tuesday = localInstant("2026-03-10T10:00", "Europe/Berlin");
    const nextTuesday = localInstant("2026-03-17T10:00", "Europe/Berlin");
    // This week's meeting a quarter of an hour later lands on nothing but its own old time.
    expect(checkMove(at("2026-03-10T10:15", tuesday), weekly, [berlin, seoul], [weekly])).toEqual([
      { personId: "berlin", hours: null, clashesWith: [], busyElsewhere: false },
      { personId: "seoul", hours: { kind: "outside", minutes: 30 }, clashesWith: [], busyElsewhere: false },
    ]);
    // Moved onto next week's meeting of the same series, it clashes with it for both.
    const ontoNext = checkMove(at("2026-03-17T10:00", tuesday), weekly, [berlin, seoul], [weekly]);
    expect(ontoNext.map((check) => check.clashesWith)).toEqual([["weekly"], ["weekly"]]);
    // Next week's meeting, moved a little, does not clash with itself.
    const itself = checkMove(at("2026-03-17T10:05", nextTuesday), weekly, [berlin, seoul], [weekly]);
    expect(itself.map((check) => check.clashesWith)).toEqual([[], []]);
  });
});
