import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { tuesdaysInBerlin, localInstant } from "~tests/support/domain-fixtures";
import type { StoredException } from "./recurrence";
import { localToday } from "./local-dates";
import {
  busyByPerson,
  mondayOf,
  shiftWeek,
  upcomingMeetings,
  weekSchedule,
  type ScheduledRitual,
} from "./week-schedule";

const at = localInstant;

/** Tuesdays 10:00 in Berlin, hosted by Lena with Ji-woo (Seoul) taking part, 10 minutes either side. */
const checkIn: ScheduledRitual = {
  id: "check-in",
  rule: tuesdaysInBerlin,
  buffers: { goEarlyMinutes: 10, stayLateMinutes: 10 },
  exceptions: [],
  attendees: [
    { personId: "lena", role: "host" },
    { personId: "jiwoo", role: "participant" },
  ],
};

/** Tuesdays 10:35 in Berlin: clear of the check-in itself, but inside Lena's stay-late time. */
const standUp: ScheduledRitual = {
  id: "stand-up",
  rule: { ...tuesdaysInBerlin, startMinutes: 10 * 60 + 35, durationMinutes: 15 },
  buffers: { goEarlyMinutes: 0, stayLateMinutes: 0 },
  exceptions: [],
  attendees: [
    { personId: "lena", role: "participant" },
    { personId: "jiwoo", role: "participant" },
  ],
};

describe("weeks", () => {
  it("start on Monday and move by seven days", () => {
    expect(mondayOf("2026-11-22")).toBe("2026-11-16");
    expect(mondayOf("2026-11-23")).toBe("2026-11-23");
    expect(shiftWeek("2026-12-28", 1)).toBe("2027-01-04");
    expect(shiftWeek("2026-03-02", -1)).toBe("2026-02-23");
  });

  it("know today's date in each zone", () => {
    const instant = Date.UTC(2026, 10, 22, 20);
    expect(localToday("Asia/Seoul", instant)).toBe("2026-11-23");
    expect(localToday("America/Los_Angeles", instant)).toBe("2026-11-22");
  });
});

describe("a person's week", () => {
  it("places each meeting on the person's own day and clock, as luxon does", () => {
    const [week] = [weekSchedule({ timeZone: "Asia/Seoul", weekStart: "2026-01-12", personId: "jiwoo" }, [checkIn])];
    const tuesday = week!.find((day) => day.date === "2026-01-13")!;
    expect(tuesday.items).toHaveLength(1);
    const item = tuesday.items[0]!;
    const local = DateTime.fromMillis(item.start, { zone: "Asia/Seoul" });
    expect(item.startMinutes).toBe(local.hour * 60 + local.minute);
    expect(local.toFormat("HH:mm")).toBe("18:00");
    // After Berlin springs forward the same meeting is an hour earlier in Seoul.
    const spring = weekSchedule({ timeZone: "Asia/Seoul", weekStart: "2026-03-30", personId: "jiwoo" }, [checkIn]);
    expect(spring.find((day) => day.date === "2026-03-31")!.items[0]!.startMinutes).toBe(17 * 60);
  });

  it("moves a meeting to the previous day for someone far west", () => {
    const seoulMorning: ScheduledRitual = {
      ...checkIn,
      rule: { ...tuesdaysInBerlin, timeZone: "Asia/Seoul", startMinutes: 9 * 60 },
    };
    const week = weekSchedule({ timeZone: "America/Los_Angeles", weekStart: "2026-01-12", personId: "lena" }, [
      seoulMorning,
    ]);
    const monday = week.find((day) => day.date === "2026-01-12")!;
    expect(monday.items.map((item) => item.startMinutes)).toEqual([16 * 60]);
  });

  it("shows buffers where the person hosts only, and the conflicts they cause", () => {
    const lena = weekSchedule({ timeZone: "Europe/Berlin", weekStart: "2026-01-12", personId: "lena" }, [
      checkIn,
      standUp,
    ]);
    const [hosted, after] = lena.find((day) => day.date === "2026-01-13")!.items;
    expect(hosted!.goEarly).toEqual({ start: hosted!.start - 10 * 60_000, end: hosted!.start });
    expect(hosted!.stayLate).toEqual({ start: hosted!.end, end: hosted!.end + 10 * 60_000 });
    expect(hosted!.conflictsWith).toEqual([{ ritualId: "stand-up", originalStart: after!.originalStart }]);
    expect(after!.conflictsWith).toEqual([{ ritualId: "check-in", originalStart: hosted!.originalStart }]);

    // Ji-woo only takes part: no buffers on her calendar, so the two meetings do not collide.
    const jiwoo = weekSchedule({ timeZone: "Europe/Berlin", weekStart: "2026-01-12", personId: "jiwoo" }, [
      checkIn,
      standUp,
    ]);
    for (const item of jiwoo.find((day) => day.date === "2026-01-13")!.items) {
      expect(item.goEarly).toBeNull();
      expect(item.conflictsWith).toEqual([]);
    }
  });

  it("keeps a cancelled meeting visible without conflicts, and a moved one at its new time", () => {
    const tuesday = at("2026-01-13T10:00", "Europe/Berlin");
    const nextTuesday = at("2026-01-20T10:00", "Europe/Berlin");
    const exceptions: StoredException[] = [
      { originalStart: tuesday, status: "cancelled", sequence: 1 },
      {
        originalStart: nextTuesday,
        status: "moved",
        start: at("2026-01-22T15:00", "Europe/Berlin"),
        durationMinutes: 45,
        sequence: 1,
      },
    ];
    const changed = { ...checkIn, exceptions };
    const first = weekSchedule({ timeZone: "Europe/Berlin", weekStart: "2026-01-12", personId: "lena" }, [
      changed,
      standUp,
    ]);
    const items = first.find((day) => day.date === "2026-01-13")!.items;
    expect(items.map((item) => [item.ritualId, item.status, item.conflictsWith.length])).toEqual([
      ["check-in", "cancelled", 0],
      ["stand-up", "scheduled", 0],
    ]);
    const second = weekSchedule({ timeZone: "Europe/Berlin", weekStart: "2026-01-19", personId: "lena" }, [changed]);
    expect(second.find((day) => day.date === "2026-01-20")!.items).toEqual([]);
    const moved = second.find((day) => day.date === "2026-01-22")!.items[0]!;
    expect(moved).toMatchObject({ status: "moved", originalStart: nextTuesday, startMinutes: 15 * 60 });
    expect(moved.endMinutes - moved.startMinutes).toBe(45);
  });

  it("shows a whole zone every meeting of the team, and a person only their own", () => {
    const other: ScheduledRitual = { ...standUp, id: "other", attendees: [{ personId: "sam", role: "host" }] };
    const count = (personId: string | null) =>
      weekSchedule({ timeZone: "Asia/Kolkata", weekStart: "2026-01-12", personId }, [checkIn, other]).flatMap(
        (day) => day.items,
      ).length;
    expect(count(null)).toBe(2);
    expect(count("jiwoo")).toBe(1);
    expect(count("nobody")).toBe(0);
  });
});

describe("busy times for the slot finder", () => {
  it("collects each person's meetings, buffers where they host, and leaves out the ritual being edited", () => {
    const window = { from: at("2026-01-12T00:00", "Europe/Berlin"), to: at("2026-01-19T00:00", "Europe/Berlin") };
    const busy = busyByPerson([checkIn, standUp], window);
    const tuesday = at("2026-01-13T10:00", "Europe/Berlin");
    expect(busy.get("lena")).toContainEqual({ start: tuesday - 10 * 60_000, end: tuesday + 40 * 60_000 });
    expect(busy.get("jiwoo")).toContainEqual({ start: tuesday, end: tuesday + 30 * 60_000 });
    expect(busyByPerson([checkIn, standUp], window, "check-in").get("lena")).toHaveLength(1);
  });
});

describe("a ritual's next meetings", () => {
  it("lists them from now, cancelled ones marked", () => {
    const tuesday = at("2026-01-20T10:00", "Europe/Berlin");
    const upcoming = upcomingMeetings(
      { rule: tuesdaysInBerlin, exceptions: [{ originalStart: tuesday, status: "cancelled", sequence: 1 }] },
      at("2026-01-14T00:00", "Europe/Berlin"),
      3,
    );
    expect(
      upcoming.map((m) => [DateTime.fromMillis(m.start, { zone: "Europe/Berlin" }).toISODate(), m.status]),
    ).toEqual([
      ["2026-01-20", "cancelled"],
      ["2026-01-27", "scheduled"],
      ["2026-02-03", "scheduled"],
    ]);
  });
});
