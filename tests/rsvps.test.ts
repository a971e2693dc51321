import nodeIcal from "node-ical";
import type { ParsedMail } from "mailparser";
import { describe, expect, it } from "vitest";
import { expandValidRule } from "~/domain/recurrence";
import { getRitual } from "~/models/ritual.server";
import { loadTeamPlanning } from "~/models/planning.server";
import { changeMeeting } from "~/services/meetings.server";
import { removeMember } from "~/services/members.server";
import { answerInvitation, rsvpLinkInvitation } from "~/services/rsvps.server";
import { saveRitual } from "~/services/rituals.server";
import { rsvpsOf } from "~/models/rsvp.server";
import { prisma } from "~/utils/db.server";
import { ritualFairness } from "~/views/fairness.server";
import { meetingAnswers } from "~/views/meeting-answers";
import { queueSeriesInvites } from "./support/invites";
import { calendarOf, smtpForThisFile } from "./support/smtp";
import { teaTimeForm, teamWithTeaTime } from "./support/tea-time";

const NOW = Date.parse("2026-11-23T09:00:00Z");
const HOUR = 3_600_000;
const mail = smtpForThisFile();

/** The three answer links a mail carries, by answer, with their tokens. */
function rsvpLinks(message: ParsedMail) {
  const links = [...message.text!.matchAll(/(https?:\/\/\S+\/rsvp\/([^?\s]+)\?answer=(yes|maybe|no))/g)];
  return Object.fromEntries(links.map(([, url, token, answer]) => [answer!, { url: url!, token: token! }]));
}

/** The series' first meeting as the attached invite gives it, read by node-ical. */
function firstStartInFile(message: ParsedMail): number {
  const event = Object.values(nodeIcal.sync.parseICS(calendarOf(message))).find((entry) => entry?.type === "VEVENT");
  return (event as { start: Date }).start.getTime();
}

async function invitedTeaTime(domain: string) {
  const world = await teamWithTeaTime(domain, "2026-11-26");
  await queueSeriesInvites(world.teamId, world.teaTimeId, NOW);
  await mail.send(NOW);
  const ritual = (await getRitual(world.teamId, world.teaTimeId))!;
  const [first, second] = expandValidRule(ritual, { from: NOW, to: NOW + 30 * 24 * HOUR });
  return { ...world, first: first!, second: second! };
}

describe("answering an invite with one click", () => {
  it("mails each person their own yes / maybe / no links for the meeting the invite starts with", async () => {
    const world = await invitedTeaTime("rsvp-links.example");
    const [jiwoo] = mail.sentTo("jiwoo@rsvp-links.example");
    const [minseo] = mail.sentTo("minseo@hanbit.example");
    const mine = rsvpLinks(jiwoo!);
    expect(Object.keys(mine).sort()).toEqual(["maybe", "no", "yes"]);
    // One token per person and meeting: the answer is the only thing the links differ in.
    expect(new Set(Object.values(mine).map((link) => link.token)).size).toBe(1);
    expect(rsvpLinks(minseo!).yes!.token).not.toBe(mine.yes!.token);
    expect(minseo!.text).toContain("참석: ");

    const asked = await rsvpLinkInvitation(mine.yes!.token, NOW);
    expect(asked).toMatchObject({ ok: true, personName: "Ji-woo", timeZone: "Asia/Seoul", title: "Tea time" });
    // The link asks about the meeting the attached file starts the series with.
    expect(asked.ok && asked.start).toBe(firstStartInFile(jiwoo!));
    expect(asked.ok && asked.start).toBe(world.first.start);
    expect(asked.ok && asked.answer).toBeNull();
  });

  it("records the latest answer for that person and meeting only, and shows it on the meeting page", async () => {
    const world = await invitedTeaTime("rsvp-answer.example");
    const jiwoo = rsvpLinks(mail.sentTo("jiwoo@rsvp-answer.example")[0]!);
    const minseo = rsvpLinks(mail.sentTo("minseo@hanbit.example")[0]!);
    expect(await answerInvitation(jiwoo.yes!.token, "yes", NOW)).toMatchObject({ ok: true, answer: "yes" });
    expect(await answerInvitation(jiwoo.no!.token, "no", NOW + 1)).toMatchObject({ ok: true, answer: "no" });
    expect(await answerInvitation(minseo.yes!.token, "yes", NOW + 2)).toMatchObject({ ok: true, answer: "yes" });

    const rsvps = await rsvpsOf(world.teaTimeId, world.first.originalStart);
    expect(rsvps.map((rsvp) => [rsvp.personId, rsvp.answer]).sort()).toEqual(
      [
        [world.jiwooId, "no"],
        [(await prisma.ritualContact.findFirstOrThrow({ where: { ritualId: world.teaTimeId } })).contactId, "yes"],
      ].sort(),
    );
    const planning = await loadTeamPlanning(world.teamId, NOW);
    const meeting = { ...world.first, cancelled: false, detached: false };
    const answers = meetingAnswers(planning, world.teaTimeId, meeting, rsvps, world.samId, NOW);
    expect(answers.groups.no.map((person) => person.name)).toEqual(["Ji-woo"]);
    expect(answers.groups.yes.map((person) => person.name)).toEqual(["Min-seo"]);
    expect(answers.groups.none.map((person) => person.name).sort()).toEqual(["Sam", "lead"]);
    expect(answers).toMatchObject({ mine: null, invited: true, open: true });
    // The next meeting was not answered.
    expect(await rsvpsOf(world.teaTimeId, world.second.originalStart)).toEqual([]);
  });

  it("refuses a link whose person, meeting or signature was altered", async () => {
    const world = await invitedTeaTime("rsvp-forged.example");
    const { token } = rsvpLinks(mail.sentTo("jiwoo@rsvp-forged.example")[0]!).yes!;
    const forged = [
      token.replace(world.jiwooId, world.samId),
      token.replace(String(world.first.originalStart), String(world.second.originalStart)),
      token.slice(0, -2) + (token.endsWith("AA") ? "BB" : "AA"),
      "not-a-token",
    ];
    for (const bad of forged) {
      expect(await answerInvitation(bad, "yes", NOW)).toEqual({ ok: false, reason: "unknown" });
    }
    expect(await rsvpsOf(world.teaTimeId, world.first.originalStart)).toEqual([]);
  });

  it("says why there is nothing to answer: cancelled, over, or no longer invited", async () => {
    const world = await invitedTeaTime("rsvp-gone.example");
    const jiwoo = rsvpLinks(mail.sentTo("jiwoo@rsvp-gone.example")[0]!).yes!.token;
    const sam = rsvpLinks(mail.sentTo("sam@rsvp-gone.example")[0]!).yes!.token;
    expect(await rsvpLinkInvitation(jiwoo, world.first.end + 1)).toEqual({ ok: false, reason: "over" });
    await changeMeeting(
      world.teamId,
      world.teaTimeId,
      { originalStart: world.first.originalStart, status: "cancelled" },
      NOW,
    );
    expect(await answerInvitation(jiwoo, "yes", NOW)).toEqual({ ok: false, reason: "cancelled" });
    expect((await removeMember(world.teamId, world.samId, NOW)).ok).toBe(true);
    expect(await answerInvitation(sam, "yes", NOW)).toEqual({ ok: false, reason: "not-invited" });
  });

  it("asks again after a move, with new links in the Moved mail", async () => {
    const world = await invitedTeaTime("rsvp-moved.example");
    const before = rsvpLinks(mail.sentTo("jiwoo@rsvp-moved.example")[0]!).yes!.token;
    await answerInvitation(before, "yes", NOW);
    mail.messages().length = 0;
    const moved = world.first.start + 2 * HOUR;
    const change = {
      originalStart: world.first.originalStart,
      status: "moved" as const,
      start: moved,
      durationMinutes: 30,
    };
    await changeMeeting(world.teamId, world.teaTimeId, change, NOW + 1);
    await mail.send(NOW + 1);

    const [movedMail] = mail.sentTo("jiwoo@rsvp-moved.example");
    expect(movedMail!.subject).toMatch(/^Moved: /);
    const asked = await rsvpLinkInvitation(rsvpLinks(movedMail!).yes!.token, NOW + 1);
    expect(asked).toMatchObject({ ok: true, start: moved, answer: null });
    // The old link still leads to the meeting, at its new time.
    expect(await rsvpLinkInvitation(before, NOW + 1)).toMatchObject({ ok: true, start: moved, answer: null });
  });

  it("leads a link from before a series time edit to the meeting of that day", async () => {
    const world = await invitedTeaTime("rsvp-edited.example");
    const token = rsvpLinks(mail.sentTo("jiwoo@rsvp-edited.example")[0]!).maybe!.token;
    const form = await teaTimeForm(
      world.teaTimeId,
      { hostId: world.ownerId, participantIds: [world.jiwooId, world.samId], startDate: "2026-11-26" },
      { startTime: "17:30" },
    );
    expect(await saveRitual(world.teamId, world.teaTimeId, form, NOW + 1)).toMatchObject({ status: "saved" });
    const answered = await answerInvitation(token, "maybe", NOW + 2);
    expect(answered).toMatchObject({ ok: true, start: world.first.start + 90 * 60_000, answer: "maybe" });
  });

  it("leaves those who said no out of the ritual's fairness tally for that meeting", async () => {
    const world = await invitedTeaTime("rsvp-fair.example");
    // Sam is in Los Angeles: 16:00 in Seoul is his night, every week.
    const before = ritualFairness(await loadTeamPlanning(world.teamId, NOW), world.teaTimeId, NOW);
    const samBefore = before.find((row) => row.personId === world.samId)!;
    expect(samBefore.night).toBe(samBefore.meetings);
    await answerInvitation(rsvpLinks(mail.sentTo("sam@rsvp-fair.example")[0]!).no!.token, "no", NOW);
    const after = ritualFairness(await loadTeamPlanning(world.teamId, NOW), world.teaTimeId, NOW);
    const samAfter = after.find((row) => row.personId === world.samId)!;
    expect(samAfter.meetings).toBe(samBefore.meetings - 1);
    expect(samAfter.night).toBe(samBefore.night - 1);
    // Everyone else still carries every meeting.
    const jiwoo = (rows: typeof before) => rows.find((row) => row.personId === world.jiwooId)!.meetings;
    expect(jiwoo(after)).toBe(jiwoo(before));
  });
});
