import { describe, expect, it } from "vitest";
import { tuesdaysInBerlin, localInstant } from "~tests/support/domain-fixtures";
import { RITUAL_DEFAULTS } from "./ritual-kinds";
import { ritualWarnings, unconfirmed } from "./ritual-warnings";

const berlin = (iso: string) => localInstant(iso, "Europe/Berlin");

describe("warnings to confirm before saving", () => {
  it("defaults a happy hour to fifteen minutes and asks before a three-hour one", () => {
    expect(RITUAL_DEFAULTS["happy-hour"].durationMinutes).toBe(15);
    expect(ritualWarnings("happy-hour", { ...tuesdaysInBerlin, durationMinutes: 15 }, null)).toEqual([]);
    expect(ritualWarnings("happy-hour", { ...tuesdaysInBerlin, durationMinutes: 180 }, null)).toEqual([
      { key: "length", kind: "happy-hour", minutes: 180, usual: 15 },
    ]);
    // A long check-in is still a check-in; a four-hour tea time is not.
    expect(ritualWarnings("check-in", { ...tuesdaysInBerlin, durationMinutes: 60 }, null)).toEqual([]);
    expect(ritualWarnings("tea-time", { ...tuesdaysInBerlin, durationMinutes: 240 }, null)).toHaveLength(1);
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
    expect(ritualWarnings("check-in", { ...tuesdaysInBerlin, startMinutes: 11 * 60 }, saved)).toEqual([]);
    // Fortnightly from 6 January: 13 January no longer meets; a restored meeting's bare row is not worth a word.
    const warnings = ritualWarnings("check-in", { ...tuesdaysInBerlin, interval: 2 }, saved);
    expect(warnings).toEqual([{ key: "orphans", orphans: [moved] }]);
    expect(unconfirmed(warnings, [])).toHaveLength(1);
    expect(unconfirmed(warnings, ["orphans"])).toEqual([]);
  });
});
