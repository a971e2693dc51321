import { describe, expect, it } from "vitest";
import { digestDateDue, digestTime, nudgesOwed, type NudgedItem } from "./nudges";
import { localInstant } from "~tests/support/domain-fixtures";

const at = localInstant;

describe("the daily digest's hour", () => {
  for (const [zone, date] of [
    ["America/Los_Angeles", "2026-03-08"], // clocks go forward at 02:00
    ["America/Los_Angeles", "2026-11-01"], // 01:00-02:00 happens twice
    ["Europe/Berlin", "2026-03-29"],
    ["Australia/Lord_Howe", "2026-10-04"], // a half-hour change
    ["Asia/Seoul", "2026-06-01"],
  ] as const) {
    it(`is 08:00 on the person's clock in ${zone} on ${date}, as luxon reads it`, () => {
      expect(digestTime(zone, date)).toBe(at(`${date}T08:00`, zone));
    });
  }

  it("is due from 08:00 local on, not a minute before, whatever the zone", () => {
    const zone = "America/Los_Angeles";
    expect(digestDateDue(zone, at("2026-03-08T07:59", zone))).toBeNull();
    expect(digestDateDue(zone, at("2026-03-08T08:00", zone))).toBe("2026-03-08");
    expect(digestDateDue(zone, at("2026-03-08T23:59", zone))).toBe("2026-03-08");
    // Los Angeles' afternoon is Seoul's next morning: its digest is due at Seoul's 08:00, not before.
    expect(digestDateDue("Asia/Seoul", at("2026-03-08T15:59", zone))).toBeNull();
    expect(digestDateDue("Asia/Seoul", at("2026-03-08T16:00", zone))).toBe("2026-03-09");
  });
});

describe("reminders a follow-up owes", () => {
  const item = (overrides: Partial<NudgedItem> = {}): NudgedItem => ({
    id: "item",
    kind: "approval",
    status: "open",
    dueDate: "2026-11-25",
    lastUpdatedAt: at("2026-11-20T10:00", "UTC"),
    ...overrides,
  });
  const reasons = (nudges: { reason: string }[]) => nudges.map((nudge) => nudge.reason);

  it("judges 'due tomorrow' on the owner's clock: Seoul's tomorrow is not yet Los Angeles'", () => {
    const now = at("2026-11-24T00:30", "Asia/Seoul"); // Nov 23, 07:30 in Los Angeles
    expect(reasons(nudgesOwed(item(), "owner", { timeZone: "Asia/Seoul" }, now))).toEqual(["approval-due-tomorrow"]);
    expect(reasons(nudgesOwed(item(), "owner", { timeZone: "America/Los_Angeles" }, now))).toEqual([]);
    expect(reasons(nudgesOwed(item({ kind: "action" }), "owner", { timeZone: "Asia/Seoul" }, now))).toEqual([]);
  });

  it("is overdue from the owner's midnight after the due date, across a DST change", () => {
    const zone = "America/Los_Angeles";
    const due = item({ dueDate: "2026-11-01", lastUpdatedAt: at("2026-10-30T10:00", zone) });
    expect(reasons(nudgesOwed(due, "owner", { timeZone: zone }, at("2026-11-01T23:59", zone)))).toEqual([]);
    expect(reasons(nudgesOwed(due, "owner", { timeZone: zone }, at("2026-11-02T00:00", zone)))).toEqual(["overdue"]);
  });

  it("goes silent after seven days without an update, and a new update or due date arms each reminder again", () => {
    const zone = "Europe/Berlin";
    const quiet = item({ kind: "action", dueDate: "2026-12-20", lastUpdatedAt: at("2026-11-10T09:00", zone) });
    expect(reasons(nudgesOwed(quiet, "owner", { timeZone: zone }, at("2026-11-17T08:59", zone)))).toEqual([]);
    const [silent] = nudgesOwed(quiet, "owner", { timeZone: zone }, at("2026-11-17T09:00", zone));
    expect(silent?.reason).toBe("silent");
    const updated = { ...quiet, lastUpdatedAt: at("2026-11-18T09:00", zone) };
    expect(nudgesOwed(updated, "owner", { timeZone: zone }, at("2026-11-25T09:00", zone))[0]?.key).not.toBe(
      silent?.key,
    );
    const late = item({ dueDate: "2026-11-01" });
    const moved = item({ dueDate: "2026-11-02" });
    const now = at("2026-11-10T12:00", zone);
    expect(nudgesOwed(late, "owner", { timeZone: zone }, now)[0]?.key).not.toBe(
      nudgesOwed(moved, "owner", { timeZone: zone }, now)[0]?.key,
    );
  });

  it("gives an account owner only the silence of a customer-visible item, and nothing for done items", () => {
    const zone = "Asia/Seoul";
    const overdueAndSilent = item({ dueDate: "2026-11-01", lastUpdatedAt: at("2026-10-01T09:00", zone) });
    const now = at("2026-11-10T12:00", zone);
    expect(reasons(nudgesOwed(overdueAndSilent, "owner", { timeZone: zone }, now))).toEqual(["overdue", "silent"]);
    expect(reasons(nudgesOwed(overdueAndSilent, "lead", { timeZone: zone }, now, { silentOnly: true }))).toEqual([
      "silent",
    ]);
    expect(nudgesOwed({ ...overdueAndSilent, status: "done" }, "owner", { timeZone: zone }, now)).toEqual([]);
  });
});
