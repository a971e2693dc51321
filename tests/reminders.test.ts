import { DateTime } from "luxon";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { expandValidRule } from "~/domain/recurrence";
import { sendRecap } from "~/services/meetings.server";
import { queueDueAgendas, queueDueDigests } from "~/services/reminders.server";
import { addFollowUp, addQuestion, addRisk, saveNotes } from "~/models/note.server";
import { getRitual } from "~/models/ritual.server";
import { setUserLanguage } from "~/models/user.server";
import { teamWithTeaTime } from "./support/tea-time";

const LA = "America/Los_Angeles";
const la = (iso: string) => DateTime.fromISO(iso, { zone: LA }).toMillis();
const world = {} as {
  teamId: string;
  leadId: string;
  samId: string;
  jiwooId: string;
  teaTimeId: string;
  start: number;
};

const mailsTo = (memberId: string, kind: string) =>
  prisma.mail.findMany({ where: { memberId, kind }, orderBy: { createdAt: "asc" } });

beforeAll(async () => {
  // Sam works in Los Angeles: his morning comes on his clock, across the clocks going back on 1 November.
  const team = await teamWithTeaTime("reminders.example", "2026-10-01");
  const ritual = (await getRitual(team.teamId, team.teaTimeId))!;
  const [first] = expandValidRule(ritual, { from: Date.parse("2026-10-01"), to: Date.parse("2026-11-01") });
  Object.assign(world, { ...team, leadId: team.ownerId, start: first!.originalStart });
});

beforeEach(async () => {
  await prisma.mail.deleteMany();
  await prisma.nudge.deleteMany();
  await prisma.followUp.deleteMany();
});

const ref = () => ({ teamId: world.teamId, ritualId: world.teaTimeId, originalStart: world.start });

describe("the morning digest", () => {
  it("reaches the owner once, at 08:00 on their clock on the day the clocks go back, with each reminder once", async () => {
    const added = await addFollowUp(
      ref(),
      { title: "Send the revised schedule", ownerId: world.samId, dueDate: "2026-10-30" },
      la("2026-10-26T10:00"),
    );
    expect(added.ok).toBe(true);
    // 1 November: 08:00 in Los Angeles is 16:00 UTC (PST), no longer 15:00 (PDT).
    expect(la("2026-11-01T08:00")).toBe(Date.parse("2026-11-01T16:00:00Z"));
    expect(await queueDueDigests(la("2026-11-01T07:59"))).toBe(0);
    expect(await queueDueDigests(la("2026-11-01T08:00"))).toBe(1);
    expect(await queueDueDigests(la("2026-11-01T13:00"))).toBe(0);
    const [digest] = await mailsTo(world.samId, "digest");
    expect(digest!.subject).toBe("Your follow-ups, Sun, Nov 1, 2026");
    expect(digest!.text).toContain("[Overdue] Send the revised schedule (due Fri, Oct 30, 2026)");
    expect(digest!.text).toContain(`/members/${world.samId}/edit`);
    // The next morning the same lateness is not news; a week of silence is.
    expect(await queueDueDigests(la("2026-11-02T08:00"))).toBe(0);
    expect(await queueDueDigests(la("2026-11-03T08:00"))).toBe(1);
    const [, silent] = await mailsTo(world.samId, "digest");
    expect(silent!.text).toContain("[No update for 7 days] Send the revised schedule");
    expect(silent!.text).not.toContain("[Overdue]");
  });

  it("tells an approver the day before on their own clock, and sends nothing to those who turned emails off", async () => {
    await addFollowUp(
      ref(),
      { title: "Approve the quote", kind: "approval", ownerId: world.jiwooId, dueDate: "2026-11-25" },
      Date.parse("2026-11-20T00:00:00Z"),
    );
    // 08:00 on 24 November in Seoul is still the 23rd in Los Angeles.
    const seoulMorning = DateTime.fromISO("2026-11-24T08:00", { zone: "Asia/Seoul" }).toMillis();
    expect(await queueDueDigests(seoulMorning - 60_000)).toBe(0);
    expect(await queueDueDigests(seoulMorning)).toBe(1);
    const [digest] = await mailsTo(world.jiwooId, "digest");
    expect(digest!.text).toContain("[Approval due tomorrow] Approve the quote");

    await prisma.member.update({ where: { id: world.jiwooId }, data: { emailsOff: true } });
    try {
      await prisma.mail.deleteMany();
      await prisma.nudge.deleteMany();
      expect(await queueDueDigests(seoulMorning)).toBe(0);
    } finally {
      await prisma.member.update({ where: { id: world.jiwooId }, data: { emailsOff: false } });
    }
  });

  it("tells the tea time's organiser too when an item the customer sees goes quiet", async () => {
    await addFollowUp(
      ref(),
      { title: "Share the customs forms", ownerId: world.samId, dueDate: "2026-12-20", shared: "on" },
      la("2026-11-01T09:00"),
    );
    expect(await queueDueDigests(la("2026-11-07T12:00"))).toBe(0);
    // A week on: Sam hears at his 08:00, the organiser (in Berlin) at hers.
    await queueDueDigests(la("2026-11-08T12:00"));
    const [sams] = await mailsTo(world.samId, "digest");
    const [leads] = await mailsTo(world.leadId, "digest");
    expect(sams!.text).toContain("[No update for 7 days] Share the customs forms");
    expect(leads!.text).toContain("[No update for 7 days] Share the customs forms");
    expect(leads!.text).toContain("Shared with Hanbit: they see this item too.");
  });
});

describe("before and after the meeting", () => {
  it("sends the hosts the agenda with what is still open at go-early time, once", async () => {
    const ritual = (await getRitual(world.teamId, world.teaTimeId))!;
    const [, second] = expandValidRule(ritual, { from: world.start, to: world.start + 40 * 86_400_000 });
    await addFollowUp(ref(), { title: "Check our margins", ownerId: world.samId }, world.start);
    const goEarly = second!.start - ritual.goEarlyMinutes * 60_000;
    expect(ritual.goEarlyMinutes).toBeGreaterThan(0);
    expect(await queueDueAgendas(goEarly - 60_000)).toBe(0);
    expect(await queueDueAgendas(goEarly)).toBe(1);
    expect(await queueDueAgendas(goEarly + 60_000)).toBe(0);
    const [agenda] = await mailsTo(world.leadId, "agenda");
    expect(agenda!.subject).toBe(
      `Agenda: Tea time at ${DateTime.fromMillis(second!.start, { zone: "Europe/Berlin" }).toFormat("h:mm a")}`,
    );
    expect(agenda!.text).toContain("Still open from earlier meetings:\n- Check our margins (Sam)");
    // Participants who do not host get no agenda.
    expect(await mailsTo(world.samId, "agenda")).toEqual([]);
  });

  it("writes the agenda and the digest in the language the host chose in the app", async () => {
    const { userId } = await prisma.member.findUniqueOrThrow({ where: { id: world.leadId } });
    await setUserLanguage(userId!, "ko");
    try {
      const ritual = (await getRitual(world.teamId, world.teaTimeId))!;
      const [, , third] = expandValidRule(ritual, { from: world.start, to: world.start + 60 * 86_400_000 });
      expect(await queueDueAgendas(third!.start - ritual.goEarlyMinutes * 60_000)).toBe(1);
      const [agenda] = await mailsTo(world.leadId, "agenda");
      const berlin = DateTime.fromMillis(third!.start, { zone: "Europe/Berlin" }).setLocale("ko");
      expect(agenda!.subject).toBe(`안건: Tea time ${berlin.toLocaleString(DateTime.TIME_SIMPLE)}`);
      await addFollowUp(
        ref(),
        { title: "Share the customs forms", ownerId: world.leadId, dueDate: "2026-12-20", shared: "on" },
        la("2026-11-01T09:00"),
      );
      await queueDueDigests(la("2026-11-08T12:00"));
      const [digest] = await mailsTo(world.leadId, "digest");
      expect(digest!.subject).toMatch(/^오늘의 후속 조치, /);
    } finally {
      await setUserLanguage(userId!, "en");
    }
  });

  it("mails the customer a recap of what the shared page shows, never the internal notes", async () => {
    await saveNotes(ref(), { agenda: "Delivery dates", notes: "Internal: margins are thin", decisions: "" }, 0, "Lead");
    await addRisk(ref(), {
      risk: "Customs delay at Busan",
      impact: "A week late",
      mitigation: "Book early",
      shared: "on",
    });
    await addRisk(ref(), { risk: "Our own staffing gap", impact: "", mitigation: "" });
    await addQuestion(ref(), { question: "Can we ship on Sundays?", askedBy: "Min-seo", shared: "on" });
    await addFollowUp(ref(), { title: "Internal pricing check", ownerId: world.samId }, world.start);
    expect(await sendRecap(ref())).toBe(1);
    expect(await sendRecap(ref())).toBe(1);
    const recaps = await prisma.mail.findMany({ where: { kind: "recap" } });
    expect(recaps).toHaveLength(1);
    const [recap] = recaps;
    expect(recap!.toAddress).toBe("minseo@hanbit.example");
    expect(recap!.subject).toMatch(/^요약: Tea time, /);
    expect(recap!.text).toContain("Delivery dates");
    expect(recap!.text).toContain("Customs delay at Busan");
    expect(recap!.text).toContain("Can we ship on Sundays?");
    expect(recap!.text).not.toContain("margins are thin");
    expect(recap!.text).not.toContain("Internal pricing check");
    expect(recap!.text).not.toContain("Our own staffing gap");
  });
});
