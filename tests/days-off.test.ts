import { DateTime } from "luxon";
import { createInstance } from "i18next";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { i18nConfig } from "~/i18n/catalogs.server";
import { expandValidRule } from "~/domain/recurrence";
import { MINUTE } from "~/domain/durations";
import { addTimeAway, deleteTimeAway, saveTeamDay } from "~/models/days-off.server";
import { addFollowUp, shareNotePage } from "~/models/note.server";
import { loadTeamPlanning } from "~/models/planning.server";
import { getRitual } from "~/models/ritual.server";
import { sendRecap } from "~/services/meetings.server";
import { queueDueAgendas, queueDueDigests } from "~/services/reminders.server";
import { prisma } from "~/utils/db.server";
import { buildSchedule } from "~/views/schedule.server";
import { loader as sharedLoader } from "~/routes/shared.$token";
import { teamWithTeaTime } from "./support/tea-time";

// Time away and the team's own days: days off to everything that plans, and reminders that reach whoever covers.

const SEOUL = "Asia/Seoul";
const seoul = (iso: string) => DateTime.fromISO(iso, { zone: SEOUL }).toMillis();
const world = {} as Awaited<ReturnType<typeof teamWithTeaTime>> & {
  meetings: { originalStart: number; start: number }[];
};

beforeAll(async () => {
  Object.assign(world, await teamWithTeaTime("away.example", "2026-12-01"));
  const ritual = (await getRitual(world.teamId, world.teaTimeId))!;
  world.meetings = expandValidRule(ritual, { from: seoul("2026-12-01T00:00"), to: seoul("2027-02-01T00:00") });
});

beforeEach(async () => {
  await prisma.timeAway.deleteMany({ where: { member: { teamId: world.teamId } } });
  await prisma.teamDay.deleteMany({ where: { teamId: world.teamId } });
  await prisma.mail.deleteMany({ where: { teamId: world.teamId } });
  await prisma.nudge.deleteMany();
  await prisma.followUp.deleteMany();
});

/** Ji-woo away over the tea time's second meeting (on her Seoul calendar), with the lead covering. */
async function jiwooAwayOverSecondMeeting(delegateId: string | null = world.ownerId, message = "") {
  const day = DateTime.fromMillis(world.meetings[1]!.start, { zone: SEOUL });
  const span = {
    firstDay: day.minus({ days: 1 }).toISODate()!,
    lastDay: day.plus({ days: 1 }).toISODate()!,
    delegateId: delegateId ?? "",
    message,
  };
  const added = await addTimeAway(world.teamId, world.jiwooId, span);
  expect(added.ok).toBe(true);
  return span;
}

describe("time away on a member's profile", () => {
  it("refuses someone from another team or themselves as cover, and a span overlapping one already there", async () => {
    const other = await teamWithTeaTime("other-away.example", "2026-12-01");
    const span = { firstDay: "2026-12-21", lastDay: "2026-12-24" };
    expect(await addTimeAway(world.teamId, world.jiwooId, { ...span, delegateId: other.ownerId })).toEqual({
      ok: false,
      errors: { delegateId: "validation.delegateUnknown" },
    });
    expect(await addTimeAway(world.teamId, world.jiwooId, { ...span, delegateId: world.jiwooId })).toMatchObject({
      errors: { delegateId: "validation.delegateUnknown" },
    });
    expect((await addTimeAway(world.teamId, world.jiwooId, span)).ok).toBe(true);
    expect(
      await addTimeAway(world.teamId, world.jiwooId, { firstDay: "2026-12-24", lastDay: "2026-12-26" }),
    ).toMatchObject({ errors: { firstDay: "validation.awayOverlaps" } });
    // Someone else's id removes nothing.
    const [saved] = await prisma.timeAway.findMany({ where: { memberId: world.jiwooId } });
    expect(await deleteTimeAway(world.samId, saved!.id)).toBe(false);
    expect(await prisma.timeAway.count({ where: { memberId: world.jiwooId } })).toBe(1);
  });

  it("saves a span sent twice (a double click, at once or one after the other) once", async () => {
    const span = { firstDay: "2027-01-04", lastDay: "2027-01-08", delegateId: world.samId, message: "Skiing" };
    const [first, second] = await Promise.all([
      addTimeAway(world.teamId, world.jiwooId, span),
      addTimeAway(world.teamId, world.jiwooId, span),
    ]);
    expect([first.ok, second.ok]).toEqual([true, true]);
    expect((await addTimeAway(world.teamId, world.jiwooId, span)).ok).toBe(true);
    expect(await prisma.timeAway.count({ where: { memberId: world.jiwooId } })).toBe(1);
  });

  it("reaches the planning at once, as days off, and flags the meetings in it on the schedule", async () => {
    const before = await loadTeamPlanning(world.teamId, seoul("2026-12-06T12:00"));
    const span = await jiwooAwayOverSecondMeeting();
    const planning = await loadTeamPlanning(world.teamId, seoul("2026-12-06T12:00"));
    expect(planning).not.toBe(before);
    const jiwoo = planning.members.find((member) => member.id === world.jiwooId)!;
    expect(jiwoo.holidays!.has(span.firstDay)).toBe(true);
    expect(jiwoo.holidays!.has(span.lastDay)).toBe(true);

    const t = createInstance({ ...i18nConfig, lng: "en" });
    await t.init();
    const week = DateTime.fromMillis(world.meetings[1]!.start, { zone: SEOUL }).toISODate();
    const schedule = buildSchedule(
      planning,
      { memberId: world.ownerId, zone: null, week },
      { memberId: world.ownerId, timeZone: "Europe/Berlin" },
      { locale: "en", t: t.t, now: seoul("2026-12-06T12:00") },
    );
    const items = schedule.days.flatMap((day) => day.items);
    // Ji-woo of the lead, Ji-woo, Sam and the customer's contact.
    expect(items.map((item) => item.away)).toEqual([{ names: ["Ji-woo"], of: 4 }]);
  });

  it("moves a new approval's due date past the owner's time away", async () => {
    const now = seoul("2026-12-14T10:00"); // a Monday
    await addTimeAway(world.teamId, world.jiwooId, { firstDay: "2026-12-15", lastDay: "2026-12-17" });
    const added = await addFollowUp(
      { teamId: world.teamId, ritualId: world.teaTimeId, originalStart: world.meetings[0]!.originalStart },
      { title: "Approve the budget", kind: "approval", ownerId: world.jiwooId },
      now,
    );
    expect(added.ok).toBe(true);
    const saved = await prisma.followUp.findUniqueOrThrow({ where: { id: added.ok ? added.value.id : "" } });
    expect(saved.dueDate).toBe("2026-12-18");
  });
});

describe("the team's own days", () => {
  it("adds company days off and takes out the public holidays the team works, for every member", async () => {
    await prisma.member.update({ where: { id: world.jiwooId }, data: { holidayRegion: "KR" } });
    const now = seoul("2026-12-06T12:00");
    expect(
      (await loadTeamPlanning(world.teamId, now)).members
        .find((m) => m.id === world.jiwooId)!
        .holidays!.has("2026-12-25"),
    ).toBe(true);
    expect(
      (await saveTeamDay(world.teamId, { date: "2026-12-25", name: "We work on Christmas", off: "working" })).ok,
    ).toBe(true);
    expect((await saveTeamDay(world.teamId, { date: "2026-12-31", name: "Year-end", off: "off" })).ok).toBe(true);
    expect(await saveTeamDay(world.teamId, { date: "2026-13-01", name: " ", off: "maybe" })).toEqual({
      ok: false,
      errors: { date: "validation.dateInvalid", name: "validation.nameRequired", off: "validation.invalid" },
    });
    const planning = await loadTeamPlanning(world.teamId, now);
    for (const member of planning.members) {
      expect(member.holidays!.has("2026-12-25")).toBe(false);
      expect(member.holidays!.has("2026-12-31")).toBe(true);
    }
    await prisma.member.update({ where: { id: world.jiwooId }, data: { holidayRegion: null } });
  });
});

describe("reminders while someone is away", () => {
  const ref = () => ({
    teamId: world.teamId,
    ritualId: world.teaTimeId,
    originalStart: world.meetings[0]!.originalStart,
  });

  it("sends an away member's digest to whoever covers, saying so, and holds it when nobody covers", async () => {
    await addFollowUp(
      ref(),
      { title: "Send the deck", ownerId: world.jiwooId, dueDate: "2026-12-10" },
      seoul("2026-12-01T10:00"),
    );
    await addTimeAway(world.teamId, world.jiwooId, {
      firstDay: "2026-12-14",
      lastDay: "2026-12-18",
      delegateId: world.ownerId,
    });
    // 08:00 in Berlin on the 15th: Ji-woo (in Seoul) is away that day, so the lead gets her overdue item.
    const berlinMorning = DateTime.fromISO("2026-12-15T08:00", { zone: "Europe/Berlin" }).toMillis();
    expect(await queueDueDigests(berlinMorning)).toBe(1);
    const [digest] = await prisma.mail.findMany({ where: { kind: "digest" } });
    expect(digest!.memberId).toBe(world.ownerId);
    expect(digest!.text).toContain("[Overdue] Send the deck");
    expect(digest!.text).toContain("You cover for Ji-woo, away until Fri, Dec 18, 2026.");

    await prisma.mail.deleteMany({ where: { teamId: world.teamId } });
    await prisma.nudge.deleteMany();
    await prisma.timeAway.updateMany({ where: { memberId: world.jiwooId }, data: { delegateId: null } });
    expect(await queueDueDigests(seoul("2026-12-16T08:00"))).toBe(0);
    expect(await queueDueDigests(berlinMorning + 86_400_000)).toBe(0);
    // Back on the 19th, it reaches her.
    expect(await queueDueDigests(seoul("2026-12-19T08:00"))).toBe(1);
    expect((await prisma.mail.findFirstOrThrow({ where: { kind: "digest" } })).memberId).toBe(world.jiwooId);
  });

  it("sends no digest on the team's day off: it comes the next morning", async () => {
    await addFollowUp(
      ref(),
      { title: "Call back", ownerId: world.samId, dueDate: "2026-12-10" },
      seoul("2026-12-01T10:00"),
    );
    expect((await saveTeamDay(world.teamId, { date: "2026-12-24", name: "Christmas Eve", off: "off" })).ok).toBe(true);
    const la = (iso: string) => DateTime.fromISO(iso, { zone: "America/Los_Angeles" }).toMillis();
    expect(await queueDueDigests(la("2026-12-24T08:00"))).toBe(0);
    expect(await queueDueDigests(la("2026-12-25T08:00"))).toBe(1);
    expect((await prisma.mail.findFirstOrThrow({ where: { kind: "digest" } })).memberId).toBe(world.samId);
  });

  it("sends a host's agenda to whoever covers on the meeting's day", async () => {
    const ritual = (await getRitual(world.teamId, world.teaTimeId))!;
    const meeting = world.meetings[1]!;
    const day = DateTime.fromMillis(meeting.start, { zone: "Europe/Berlin" }).toISODate()!;
    await addTimeAway(world.teamId, world.ownerId, { firstDay: day, lastDay: day, delegateId: world.samId });
    await queueDueAgendas(meeting.start - ritual.goEarlyMinutes * MINUTE);
    const agendas = await prisma.mail.findMany({ where: { kind: "agenda", teamId: world.teamId } });
    expect(agendas).toHaveLength(1);
    const [agenda] = agendas;
    expect(agenda!.memberId).toBe(world.samId);
    expect(agenda!.text).toContain("You cover for");
  });
});

describe("what the customer is told", () => {
  it("names the host who is away, until when, and who covers, on the shared page and in the recap", async () => {
    const meeting = world.meetings[0]!;
    const now = Date.now();
    const today = DateTime.fromMillis(now, { zone: SEOUL });
    await addTimeAway(world.teamId, world.ownerId, {
      firstDay: today.toISODate(),
      lastDay: today.plus({ days: 3 }).toISODate(),
      delegateId: world.jiwooId,
      message: "Back soon.",
    });
    const ref = { teamId: world.teamId, ritualId: world.teaTimeId, originalStart: meeting.originalStart };
    const token = await shareNotePage(ref);
    const shared = await sharedLoader({ request: new Request("http://localhost/"), params: { token }, context: {} });
    // The customer reads Korean.
    expect(shared.covers).toHaveLength(1);
    expect(shared.covers[0]).toContain("jiwoo@away.example");
    expect(shared.covers[0]).toContain("Back soon.");
    expect(await sendRecap(ref, now)).toBe(1);
    const [recap] = await prisma.mail.findMany({ where: { kind: "recap" } });
    expect(recap!.text).toContain(shared.covers[0]);
  });
});
