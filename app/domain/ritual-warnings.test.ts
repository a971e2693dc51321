import { describe, expect, it } from "vitest";
import { tuesdaysInBerlin, localInstant } from "~tests/support/domain-fixtures";
import { RITUAL_DEFAULTS } from "./ritual-kinds";
import { ritualWarnings, unconfirmed } from "./ritual-warnings";

const berlin = (iso: string) => localInstant(iso, "Europe/Berlin");
/** Saved long before its meetings, with no customer to mail. */
const quiet = { now: berlin("2025-12-01T09:00"), mailsCustomer: false };

describe("warnings to confirm before saving", () => {
  it("defaults a happy hour to fifteen minutes and asks before a three-hour one", () => {
    expect(RITUAL_DEFAULTS["happy-hour"].durationMinutes).toBe(15);
    expect(ritualWarnings("happy-hour", { ...tuesdaysInBerlin, durationMinutes: 15 }, null, quiet)).toEqual([]);
    expect(ritualWarnings("happy-hour", { ...tuesdaysInBerlin, durationMinutes: 180 }, null, quiet)).toEqual([
      { key: "length", kind: "happy-hour", minutes: 180, usual: 15 },
    ]);
    // A long check-in is still a check-in; a four-hour tea time is not.
    expect(ritualWarnings("check-in", { ...tuesdaysInBerlin, durationMinutes: 60 }, null, quiet)).toEqual([]);
    expect(ritualWarnings("tea-time", { ...tuesdaysInBerlin, durationMinutes: 240 }, null, quiet)).toHaveLength(1);
  });

  it("names the moved meetings and notes a rule change would leave without a place", () => {
    const moved = {
      originalStart: berlin("2026-01-13T10:00"),
      status: "moved" as const,
      start: berlin("2026-01-14T10:00"),
      hasNotes: true,
    };
    const restored = {
      ...moved,
      originalStart: berlin("2026-01-20T10:00"),
      status: "scheduled" as const,
      hasNotes: false,
    };
    const saved = { rule: tuesdaysInBerlin, meetings: [moved, restored] };
    // Only the time changes: everything keeps its date, nothing to confirm.
    expect(ritualWarnings("check-in", { ...tuesdaysInBerlin, startMinutes: 11 * 60 }, saved, quiet)).toEqual([]);
    // Fortnightly from 6 January: 13 January no longer meets; a restored meeting's bare row is not worth a word.
    const warnings = ritualWarnings("check-in", { ...tuesdaysInBerlin, interval: 2 }, saved, quiet);
    expect(warnings).toEqual([{ key: "orphans", orphans: [moved] }]);
    expect(unconfirmed(warnings, [])).toHaveLength(1);
    expect(unconfirmed(warnings, ["orphans"])).toEqual([]);
  });

  it("asks before mailing a customer about a meeting less than a day away, new or moved there", () => {
    const mondayMorning = { now: berlin("2026-01-12T11:00"), mailsCustomer: true };
    // The next meeting, Tuesday 10:00, is 23 hours away.
    expect(ritualWarnings("tea-time", tuesdaysInBerlin, null, mondayMorning)).toEqual([
      { key: "soon", start: berlin("2026-01-13T10:00") },
    ]);
    // A day and more ahead, or nobody from the customer on it: nothing to ask.
    expect(
      ritualWarnings("tea-time", tuesdaysInBerlin, null, { ...mondayMorning, now: berlin("2026-01-12T09:59") }),
    ).toEqual([]);
    expect(ritualWarnings("tea-time", tuesdaysInBerlin, null, { ...mondayMorning, mailsCustomer: false })).toEqual([]);
    // An edit asks only when it changes that meeting.
    const saved = { rule: tuesdaysInBerlin, meetings: [] };
    expect(ritualWarnings("tea-time", tuesdaysInBerlin, saved, mondayMorning)).toEqual([]);
    expect(ritualWarnings("tea-time", { ...tuesdaysInBerlin, startMinutes: 9 * 60 }, saved, mondayMorning)).toEqual([
      { key: "soon", start: berlin("2026-01-13T09:00") },
    ]);
  });
});
