import { describe, expect, it } from "vitest";
import { validateRitual, type RitualDraft } from "./ritual";
import { MAX_BUFFER_MINUTES, RITUAL_DEFAULTS, RITUAL_KINDS } from "./ritual-kinds";

const base: RitualDraft = {
  kind: "check-in",
  title: "Team check-in",
  timeZone: "Europe/Berlin",
  startTime: "09:30",
  startDate: "2026-03-03",
};

function errorsOf(draft: RitualDraft) {
  const result = validateRitual(draft);
  if (result.success) throw new Error("expected the draft to be refused");
  return result.errors;
}

describe("ritual kinds and their defaults", () => {
  it("follows the practices: check-in twice weekly, happy hour 15 minutes, tea time every two weeks with buffers", () => {
    expect(RITUAL_DEFAULTS["check-in"]).toMatchObject({
      weekdays: [2, 4],
      durationMinutes: 30,
      goEarlyMinutes: 5,
      stayLateMinutes: 5,
    });
    expect(RITUAL_DEFAULTS["happy-hour"]).toMatchObject({ durationMinutes: 15, goEarlyMinutes: 0, stayLateMinutes: 0 });
    expect(RITUAL_DEFAULTS["tea-time"]).toMatchObject({
      interval: 2,
      durationMinutes: 30,
      goEarlyMinutes: 10,
      stayLateMinutes: 10,
    });
  });

  it.each(RITUAL_KINDS)("fills in what a %s draft leaves out", (kind) => {
    const result = validateRitual({ ...base, kind, customerId: kind === "tea-time" ? "c1" : undefined });
    expect(result.success && result.data).toMatchObject(RITUAL_DEFAULTS[kind]);
  });

  it("lets every default be overridden", () => {
    const result = validateRitual({
      ...base,
      kind: "happy-hour",
      durationMinutes: 20,
      goEarlyMinutes: 3,
      weekdays: [4],
    });
    expect(result.success && result.data).toMatchObject({ durationMinutes: 20, goEarlyMinutes: 3, weekdays: [4] });
  });
});

describe("ritual validation", () => {
  it("accepts a complete draft and reads the start time as minutes", () => {
    const result = validateRitual(base);
    expect(result.success && result.data.startTime).toBe(9 * 60 + 30);
  });

  it("names the field and the problem for each bad value", () => {
    expect(errorsOf({ ...base, timeZone: "Mars/Olympus" })).toEqual({ timeZone: "validation.timeZoneUnknown" });
    expect(errorsOf({ ...base, title: "  \r\n " })).toEqual({ title: "validation.titleRequired" });
    expect(errorsOf({ ...base, goEarlyMinutes: -5 })).toEqual({ goEarlyMinutes: "validation.bufferNegative" });
    expect(errorsOf({ ...base, stayLateMinutes: MAX_BUFFER_MINUTES + 1 })).toEqual({
      stayLateMinutes: "validation.bufferTooLong",
    });
    expect(errorsOf({ ...base, durationMinutes: 0 })).toEqual({ durationMinutes: "validation.durationPositive" });
    expect(errorsOf({ ...base, durationMinutes: 24 * 60 + 1 })).toEqual({
      durationMinutes: "validation.durationTooLong",
    });
    expect(errorsOf({ ...base, durationMinutes: 12.5 })).toEqual({ durationMinutes: "validation.durationInvalid" });
    expect(errorsOf({ ...base, interval: 0 })).toEqual({ interval: "validation.intervalTooSmall" });
    expect(errorsOf({ ...base, count: 0 })).toEqual({ count: "validation.countTooSmall" });
    expect(errorsOf({ ...base, startTime: "25:00" })).toEqual({ startTime: "validation.timeInvalid" });
    expect(errorsOf({ ...base, startDate: "2026-02-30" })).toEqual({ startDate: "validation.dateInvalid" });
    expect(errorsOf({ ...base, startDate: "0001-01-01" })).toEqual({ startDate: "validation.dateOutOfRange" });
    expect(errorsOf({ ...base, startDate: "9999-12-31" })).toEqual({ startDate: "validation.dateOutOfRange" });
    expect(errorsOf({ ...base, weekdays: [] })).toEqual({ weekdays: "validation.weekdaysRequired" });
    expect(errorsOf({ ...base, untilDate: "2026-03-02" })).toEqual({ untilDate: "validation.untilBeforeStart" });
    expect(errorsOf({ ...base, untilDate: "2026-06-01", count: 4 })).toEqual({ count: "validation.countAndUntil" });
    expect(errorsOf({ ...base, videoUrl: "javascript:alert(1)" })).toEqual({ videoUrl: "validation.urlInvalid" });
    expect(errorsOf({ ...base, kind: "tea-time" })).toEqual({ customerId: "validation.customerRequired" });
  });

  it("reports every bad field at once, so the form can show them all", () => {
    expect(Object.keys(errorsOf({ ...base, title: "", timeZone: "Nowhere/Land", goEarlyMinutes: -1 })).sort()).toEqual([
      "goEarlyMinutes",
      "timeZone",
      "title",
    ]);
  });

  it("needs exactly one monthly rule: a day of the month or the nth weekday", () => {
    const monthly = { ...base, frequency: "monthly" as const };
    expect(errorsOf(monthly)).toEqual({ monthDay: "validation.monthRuleRequired" });
    expect(errorsOf({ ...monthly, monthDay: 5, monthWeek: 1, monthWeekday: 2 })).toEqual({
      monthDay: "validation.monthRuleRequired",
    });
    expect(validateRitual({ ...monthly, monthDay: 31 }).success).toBe(true);
    expect(validateRitual({ ...monthly, monthWeek: -1, monthWeekday: 5 }).success).toBe(true);
    expect(errorsOf({ ...monthly, monthWeek: 5, monthWeekday: 5 })).toEqual({
      monthWeek: "validation.monthWeekInvalid",
    });
  });

  it("keeps a title on one line, so it cannot break the calendar files it ends up in", () => {
    const result = validateRitual({ ...base, title: "Check-in\r\nBEGIN:VEVENT\tnow" });
    expect(result.success && result.data.title).toBe("Check-in BEGIN:VEVENT now");
  });

  it("takes form strings as well as numbers", () => {
    const result = validateRitual({
      ...base,
      durationMinutes: "45" as unknown as number,
      weekdays: ["1", "3"] as unknown as number[],
    });
    expect(result.success && result.data).toMatchObject({ durationMinutes: 45, weekdays: [1, 3] });
  });
});

describe("one-off rituals on clock-change days", () => {
  it("refuses a time the clocks skip, beside the start time", () => {
    const skipped = { ...base, frequency: "once" as const, startDate: "2026-03-29", startTime: "02:30" };
    expect(errorsOf(skipped)).toEqual({ startTime: "validation.timeSkipped" });
    // A weekly series may pass the gap: that one meeting moves, and the preview says so.
    expect(validateRitual({ ...skipped, frequency: "weekly", weekdays: [7] }).success).toBe(true);
    expect(validateRitual({ ...skipped, startTime: "03:30" }).success).toBe(true);
  });
});

describe("every problem of a ritual at once", () => {
  it("says the end date is before the start and the weekdays are missing while the title is empty", () => {
    expect(errorsOf({ ...base, title: "", weekdays: [], untilDate: "2020-01-01", durationMinutes: 0 })).toEqual({
      title: "validation.titleRequired",
      durationMinutes: "validation.durationPositive",
      weekdays: "validation.weekdaysRequired",
      untilDate: "validation.untilBeforeStart",
    });
  });

  it("leaves a monthly rule's check to the part that is wrong itself", () => {
    expect(errorsOf({ ...base, frequency: "monthly", title: "", monthWeek: 9, monthWeekday: 5 })).toEqual({
      title: "validation.titleRequired",
      monthWeek: "validation.monthWeekInvalid",
    });
  });
});
