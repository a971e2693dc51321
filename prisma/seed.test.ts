import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { findSharedPage, shareTokenOf } from "~/models/note.server";
import { urgencyOf } from "~/domain/follow-ups";
import { RITUAL_DEFAULTS, RITUAL_KINDS } from "~/domain/ritual-kinds";
import { mondayOf, weekSchedule } from "~/domain/week-schedule";
import { loadTeamPlanning } from "~/models/planning.server";
import { listRituals } from "~/models/ritual.server";
import { getMembership } from "~/models/team.server";
import { verifyLogin } from "~/models/user.server";
import { DEMO_MEMBER_EMAIL, DEMO_OWNER_EMAIL, DEMO_PASSWORD } from "./demo-accounts";
import { DEMO_TEAM_ID, seedDemo } from "./seed";

async function counts() {
  return {
    teams: await prisma.team.count(),
    members: await prisma.member.count(),
    customers: await prisma.customer.count(),
    contacts: await prisma.contact.count(),
    rituals: await prisma.ritual.count(),
    users: await prisma.user.count(),
    attendees: await prisma.ritualAttendee.count(),
  };
}

/** A zone's offsets in January and July: equal for no DST, swapped for southern DST. */
function dstRule(zone: string): string {
  const january = DateTime.fromISO("2026-01-15T12:00", { zone }).offset;
  const july = DateTime.fromISO("2026-07-15T12:00", { zone }).offset;
  const europeanSwitch = DateTime.fromISO("2026-03-30T12:00", { zone }).offset;
  return `${january}/${july}/${europeanSwitch}`;
}

describe("demo seed", () => {
  it("creates the demo once; running it again adds nothing", async () => {
    expect(await seedDemo()).toBe("created");
    const first = await counts();
    expect(await seedDemo()).toBe("present");
    expect(await counts()).toEqual(first);
    expect(first).toMatchObject({ teams: 1, customers: 1, contacts: 2, rituals: 3, users: 2 });
  });

  it("has members in at least three zones with different DST rules", async () => {
    await seedDemo();
    const zones = (await prisma.member.findMany({ where: { teamId: DEMO_TEAM_ID } })).map((m) => m.timeZone);
    expect(new Set(zones.map(dstRule)).size).toBeGreaterThanOrEqual(3);
  });

  it("has one ritual of each kind with the practices' defaults", async () => {
    await seedDemo();
    const rituals = await listRituals(DEMO_TEAM_ID);
    expect(rituals.map((r) => r.kind).sort()).toEqual([...RITUAL_KINDS].sort());
    for (const ritual of rituals) expect(ritual).toMatchObject(RITUAL_DEFAULTS[ritual.kind]);
    const teaTime = rituals.find((r) => r.kind === "tea-time");
    expect(teaTime?.customerName).toBe("Hanbit Logistics");
    const customer = await prisma.customer.findFirst({ where: { teamId: DEMO_TEAM_ID } });
    expect(customer?.etiquetteNote).not.toBe("");
  });

  it("has an owner and a member account that can sign in with the printed password", async () => {
    await seedDemo();
    const owner = await verifyLogin(DEMO_OWNER_EMAIL, DEMO_PASSWORD);
    const member = await verifyLogin(DEMO_MEMBER_EMAIL, DEMO_PASSWORD);
    expect((await getMembership(owner!.id, DEMO_TEAM_ID))?.member.role).toBe("owner");
    expect((await getMembership(member!.id, DEMO_TEAM_ID))?.member.role).toBe("member");
  });

  it("shows a moved meeting that clashes and a cancelled one in the coming weeks", async () => {
    await seedDemo();
    const changed = await prisma.meeting.findMany({
      where: { ritual: { teamId: DEMO_TEAM_ID }, status: { in: ["moved", "cancelled"] } },
    });
    expect(changed.map((m) => [m.ritualId, m.status]).sort()).toEqual([
      ["demo-check-in", "moved"],
      ["demo-happy-hour", "cancelled"],
    ]);
    const planning = await loadTeamPlanning(DEMO_TEAM_ID);
    const moved = changed.find((m) => m.status === "moved")!;
    const lenasWeek = weekSchedule(
      {
        timeZone: "Europe/Berlin",
        weekStart: mondayOf(DateTime.fromJSDate(moved.start, { zone: "Europe/Berlin" }).toISODate()!),
        personId: "demo-lena",
      },
      planning.rituals,
    ).flatMap((day) => day.items);
    const clash = lenasWeek.find((item) => item.ritualId === "demo-check-in" && item.status === "moved")!;
    expect(clash.conflictsWith.map((other) => other.ritualId)).toEqual(["demo-tea-time"]);
    expect(lenasWeek.some((item) => item.ritualId === "demo-happy-hour" && item.status === "cancelled")).toBe(true);
    expect(moved.start.getTime()).toBeGreaterThan(Date.now());
  });

  it("has last tea time's notes shared with the customer, and follow-ups the board shows as overdue and silent", async () => {
    await seedDemo();
    const page = await prisma.notePage.findFirstOrThrow({
      where: { meeting: { ritualId: "demo-tea-time" } },
      include: { followUps: true, risks: true, parkedQuestions: true },
    });
    // Kept as a hash; the link's token comes from the page and the server's secret, and opens the page.
    expect(page.shareTokenHash).toMatch(/^[0-9a-f]{64}$/);
    const token = shareTokenOf(page)!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await findSharedPage(token))?.id).toBe(page.id);
    expect(page.customerDeadline).not.toBeNull();
    expect(page.risks.every((risk) => risk.shared)).toBe(true);
    expect(page.parkedQuestions).toHaveLength(1);
    const now = Date.now();
    const urgencies = page.followUps.map((f) =>
      urgencyOf(
        { status: "open", dueDate: f.dueDate, lastUpdatedAt: f.lastUpdatedAt.getTime() },
        { timeZone: "Asia/Seoul" },
        now,
      ),
    );
    expect(urgencies).toEqual(expect.arrayContaining(["overdue", "silent"]));
  });
});
