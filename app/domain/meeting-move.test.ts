import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { meetingKey, parseMeetingKey } from "./meeting-key";
import { parseMove } from "./meeting-move";

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
