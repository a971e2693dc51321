import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { tuesdaysInBerlin } from "~tests/support/domain-fixtures";
import { meetingOnSameDay } from "./meeting-address";

const berlin = (iso: string) => DateTime.fromISO(iso, { zone: "Europe/Berlin" }).toMillis();

describe("where a meeting's older address leads", () => {
  it("finds the meeting of the same day after the series' time changed, and none on a day it does not meet", () => {
    const tuesday = berlin("2026-01-13T10:00");
    const later = { ...tuesdaysInBerlin, startMinutes: 11 * 60 };
    // The address of Tuesday's 10:00 meeting leads to Tuesday's 11:00 one, across a clock change too.
    expect(meetingOnSameDay(later, tuesday)?.originalStart).toBe(berlin("2026-01-13T11:00"));
    expect(meetingOnSameDay(later, berlin("2026-03-31T10:00"))?.originalStart).toBe(berlin("2026-03-31T11:00"));
    // A Wednesday has no meeting of a Tuesday series.
    expect(meetingOnSameDay(later, berlin("2026-01-14T10:00"))).toBeUndefined();
  });
});
