import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { daysSilent, defaultDueDate, urgencyOf, type TrackedItem } from "./follow-ups";
import { holidayDates } from "./holidays";
import { carriedOver } from "./notes";
import { localInstant } from "~tests/support/domain-fixtures";

const at = localInstant;
const seoulWeek = { timeZone: "Asia/Seoul", workDays: [1, 2, 3, 4, 5] };
const laWeek = { timeZone: "America/Los_Angeles", workDays: [1, 2, 3, 4, 5] };

describe("due dates by default", () => {
  it("gives an approval the owner's next working day, on the owner's calendar", () => {
    // Thursday 23:30 in Seoul is still Thursday morning in Los Angeles.
    const now = at("2026-11-26T23:30", "Asia/Seoul");
    expect(defaultDueDate("approval", seoulWeek, now)).toBe("2026-11-27");
    expect(defaultDueDate("approval", laWeek, now)).toBe("2026-11-27");
    // Friday: the next working day is Monday; for someone who also works Saturdays, Saturday.
    const friday = at("2026-11-27T10:00", "Asia/Seoul");
    expect(defaultDueDate("approval", seoulWeek, friday)).toBe("2026-11-30");
    expect(defaultDueDate("approval", { ...seoulWeek, workDays: [1, 2, 3, 4, 5, 6] }, friday)).toBe("2026-11-28");
  });

  it("gives anything else a week from the owner's today", () => {
    const now = at("2026-11-26T23:30", "Asia/Seoul");
    expect(defaultDueDate("action", seoulWeek, now)).toBe("2026-12-03");
    expect(defaultDueDate("action", laWeek, now)).toBe("2026-12-03");
    expect(defaultDueDate("action", laWeek, at("2026-11-26T09:30", "Asia/Seoul"))).toBe("2026-12-02");
  });

  it("never falls on one of the owner's days off, whatever day it is set", () => {
    const sundayToThursday = { timeZone: "Asia/Dubai", workDays: [7, 1, 2, 3, 4] };
    for (const owner of [seoulWeek, laWeek, sundayToThursday]) {
      for (let offset = 0; offset < 7; offset++) {
        const now = DateTime.fromISO("2026-11-23T12:00", { zone: owner.timeZone }).plus({ days: offset });
        for (const kind of ["action", "approval"] as const) {
          const due = DateTime.fromISO(defaultDueDate(kind, owner, now.toMillis()), { zone: owner.timeZone });
          expect(owner.workDays, `${kind} set on ${now.toISODate()}`).toContain(due.weekday);
          const days = due.diff(now.startOf("day"), "days").days;
          expect(days).toBeGreaterThanOrEqual(1);
          expect(days).toBeLessThanOrEqual(kind === "action" ? 7 : 3);
        }
      }
    }
    // Set on a Saturday, an action is due the Friday after, not the next Saturday.
    expect(defaultDueDate("action", seoulWeek, at("2026-11-28T10:00", "Asia/Seoul"))).toBe("2026-12-04");
  });
});

describe("how loud an open item is", () => {
  const item = (dueDate: string | null, lastUpdatedAt: number): TrackedItem => ({
    status: "open",
    dueDate,
    lastUpdatedAt,
  });

  it("turns overdue at the owner's midnight, not the server's", () => {
    const due = item("2026-11-26", at("2026-11-25T12:00", "UTC"));
    // 23:59 on the due date in Seoul: due today. A minute later: overdue.
    expect(urgencyOf(due, { timeZone: "Asia/Seoul" }, at("2026-11-26T23:59", "Asia/Seoul"))).toBe("due-today");
    expect(urgencyOf(due, { timeZone: "Asia/Seoul" }, at("2026-11-27T00:00", "Asia/Seoul"))).toBe("overdue");
    // At that same instant it is still the 26th in Los Angeles.
    expect(urgencyOf(due, { timeZone: "America/Los_Angeles" }, at("2026-11-27T00:00", "Asia/Seoul"))).toBe("due-today");
  });

  it("is waiting on us after seven days without an update", () => {
    const updated = at("2026-11-01T10:00", "UTC");
    const quiet = item("2026-12-20", updated);
    expect(urgencyOf(quiet, { timeZone: "Europe/Berlin" }, updated + 7 * 86_400_000 - 60_000)).toBe("later");
    expect(urgencyOf(quiet, { timeZone: "Europe/Berlin" }, updated + 7 * 86_400_000)).toBe("silent");
    // A question has no due date; silence still shows.
    expect(urgencyOf(item(null, updated), { timeZone: "Europe/Berlin" }, updated + 8 * 86_400_000)).toBe("silent");
  });
});

describe("silence over days off", () => {
  it("leaves the owner's days off out of a week of silence: Seollal is no week without news", () => {
    const zone = "Asia/Seoul";
    const updated = at("2026-02-12T10:00", zone);
    const quiet = { status: "open" as const, dueDate: null, lastUpdatedAt: updated };
    const seollal = { timeZone: zone, holidays: holidayDates("KR", 2026, 2026) };
    const weekLater = at("2026-02-19T10:00", zone);
    expect(daysSilent(quiet, weekLater)).toBe(7);
    expect(daysSilent(quiet, weekLater, seollal)).toBe(4);
    expect(urgencyOf(quiet, seollal, weekLater)).toBe("later");
    expect(urgencyOf(quiet, seollal, at("2026-02-22T10:00", zone))).toBe("silent");
  });
});

describe("carrying items over to the next meeting", () => {
  it("brings every open item from earlier meetings of the ritual, and nothing closed or later", () => {
    const first = at("2026-11-03T10:00", "Europe/Berlin");
    const second = at("2026-11-10T10:00", "Europe/Berlin");
    const third = at("2026-11-17T10:00", "Europe/Berlin");
    const items = [
      { id: "open from the first", status: "open", raisedAt: first },
      { id: "closed in the second", status: "done", raisedAt: first },
      { id: "open from the second", status: "open", raisedAt: second },
      { id: "raised in the third", status: "open", raisedAt: third },
    ];
    expect(carriedOver(items, second).map((i) => i.id)).toEqual(["open from the first"]);
    expect(carriedOver(items, third).map((i) => i.id)).toEqual(["open from the first", "open from the second"]);
  });

  it("skips the owner's public holidays: an approval asked the Friday before Seollal is due the day after it", () => {
    const owner = {
      timeZone: "Asia/Seoul",
      workDays: [1, 2, 3, 4, 5],
      holidays: new Set(["2026-02-16", "2026-02-17", "2026-02-18"]),
    };
    const friday = DateTime.fromISO("2026-02-13T10:00", { zone: "Asia/Seoul" }).toMillis();
    expect(defaultDueDate("approval", owner, friday)).toBe("2026-02-19");
    // An action due a week later lands on Friday the 20th, a working day: nothing to move.
    expect(defaultDueDate("action", owner, friday)).toBe("2026-02-20");
    // Asked on Wednesday the 11th, a week later is Seollal itself: the last working day before it.
    const wednesday = DateTime.fromISO("2026-02-11T10:00", { zone: "Asia/Seoul" }).toMillis();
    expect(defaultDueDate("action", owner, wednesday)).toBe("2026-02-13");
  });
});
