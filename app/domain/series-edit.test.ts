import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { tuesdaysInBerlin, localInstant } from "~tests/support/domain-fixtures";
import type { RecurrenceRule } from "./recurrence";
import { planSeriesEdit, type StoredMeeting } from "./series-edit";

const berlin = (iso: string) => localInstant(iso, "Europe/Berlin");
const shown = (instant: number) =>
  DateTime.fromMillis(instant, { zone: "Europe/Berlin" }).toFormat("ccc yyyy-MM-dd HH:mm");

/** Tuesdays and Thursdays at 09:30 in Berlin from 3 March 2026: the clocks change on 29 March. */
const checkIns: RecurrenceRule = {
  ...tuesdaysInBerlin,
  weekdays: [2, 4],
  startMinutes: 9 * 60 + 30,
  startDate: "2026-03-03",
};

const moved: StoredMeeting = {
  originalStart: berlin("2026-03-24T09:30"),
  status: "moved",
  start: berlin("2026-03-25T15:00"),
  hasNotes: false,
};
const cancelled: StoredMeeting = {
  originalStart: berlin("2026-03-31T09:30"),
  status: "cancelled",
  start: berlin("2026-03-31T09:30"),
  hasNotes: false,
};
const withNotes: StoredMeeting = {
  originalStart: berlin("2026-04-02T09:30"),
  status: "scheduled",
  start: berlin("2026-04-02T09:30"),
  hasNotes: true,
};

function keptAs(edit: ReturnType<typeof planSeriesEdit>) {
  return edit.kept.map((entry) => [entry.meeting.status, shown(entry.originalStart)]);
}

describe("editing a series keeps what was decided", () => {
  it("keeps every change and note on its date when only the time changes, across the DST change", () => {
    const edit = planSeriesEdit(checkIns, { ...checkIns, startMinutes: 11 * 60 }, [moved, cancelled, withNotes]);
    expect(edit.orphaned).toEqual([]);
    expect(keptAs(edit)).toEqual([
      ["moved", "Tue 2026-03-24 11:00"],
      ["cancelled", "Tue 2026-03-31 11:00"],
      ["scheduled", "Thu 2026-04-02 11:00"],
    ]);
    // The new identities are the instants luxon gives for 11:00 Berlin on those dates (UTC+1, then UTC+2).
    expect(edit.kept.map((entry) => entry.originalStart)).toEqual([
      DateTime.fromISO("2026-03-24T11:00", { zone: "Europe/Berlin" }).toMillis(),
      DateTime.fromISO("2026-03-31T11:00", { zone: "Europe/Berlin" }).toMillis(),
      DateTime.fromISO("2026-04-02T11:00", { zone: "Europe/Berlin" }).toMillis(),
    ]);
  });

  it("follows a meeting to its new day by its place in the series when the weekdays change", () => {
    const edit = planSeriesEdit(checkIns, { ...checkIns, weekdays: [1, 3] }, [moved, cancelled, withNotes]);
    expect(edit.orphaned).toEqual([]);
    expect(keptAs(edit)).toEqual([
      ["moved", "Mon 2026-03-23 09:30"],
      ["cancelled", "Mon 2026-03-30 09:30"],
      ["scheduled", "Wed 2026-04-01 09:30"],
    ]);
  });

  it("keeps a change whose occurrence still exists exactly where it was", () => {
    // Thursday stays; Tuesday becomes Wednesday.
    const edit = planSeriesEdit(checkIns, { ...checkIns, weekdays: [3, 4] }, [withNotes, moved]);
    expect(keptAs(edit)).toEqual([
      ["scheduled", "Thu 2026-04-02 09:30"],
      ["moved", "Wed 2026-03-25 09:30"],
    ]);
  });

  it("orphans what the new rule no longer has a place for, and never gives one meeting to two", () => {
    // Every other week from 3 March: the weeks of 16 and 30 March meet, the week of 23 March does not.
    const fortnightly = { ...checkIns, interval: 2 };
    const edit = planSeriesEdit(checkIns, fortnightly, [moved, cancelled, withNotes]);
    const places = edit.kept.map((entry) => entry.originalStart);
    expect(new Set(places).size).toBe(places.length);
    expect(keptAs(edit)).toEqual([
      ["cancelled", "Tue 2026-03-31 09:30"],
      ["scheduled", "Thu 2026-04-02 09:30"],
    ]);
    expect(edit.orphaned).toEqual([moved]);
    // A series cut short leaves its later meetings with nowhere to go.
    const shortened = planSeriesEdit(checkIns, { ...checkIns, untilDate: "2026-03-26" }, [moved, cancelled, withNotes]);
    expect(shortened.orphaned.map((meeting) => meeting.status)).toEqual(["cancelled", "scheduled"]);
    expect(keptAs(shortened)).toEqual([["moved", "Tue 2026-03-24 09:30"]]);
  });

  it("leaves meetings that already left the series alone", () => {
    const detached = { ...withNotes, status: "detached" as const };
    expect(planSeriesEdit(checkIns, { ...checkIns, startMinutes: 600 }, [detached])).toEqual({
      kept: [],
      orphaned: [],
    });
  });
});
