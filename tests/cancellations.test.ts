import ICAL from "ical.js";
import nodeIcal from "node-ical";
import type { ParsedMail } from "mailparser";
import { describe, expect, it } from "vitest";
import { expandValidRule } from "~/domain/recurrence";
import { setMemberEmails } from "~/models/member.server";
import { createRitual, getRitual } from "~/models/ritual.server";
import { changeMeeting } from "~/services/meetings.server";
import { removeContact, removeMember } from "~/services/members.server";
import { deleteRitual, saveRitual } from "~/services/rituals.server";
import { prisma } from "~/utils/db.server";
import { customerSeriesFile, teamSeriesFile } from "~/calendar/calendar-invites.server";
import { loadRitualRecord } from "~/models/ritual-record.server";
import { queueSeriesInvites } from "./support/invites";
import { calendarOf, firstEvent, recipientOf, smtpForThisFile } from "./support/smtp";
import { teaTimeForm, teamWithTeaTime } from "./support/tea-time";

const NOW = Date.parse("2026-11-23T09:00:00Z");
const mail = smtpForThisFile();
const { send, sentTo } = mail;

/** Every event of a calendar file as ical.js reads it. */
function events(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents("vevent").map((event) => ({
    uid: String(event.getFirstPropertyValue("uid")),
    status: String(event.getFirstPropertyValue("status")),
    sequence: Number(event.getFirstPropertyValue("sequence")),
    recurrenceId: event.hasProperty("recurrence-id"),
  }));
}

/** The series as a person's calendar holds it, and the cancellation that followed: the same events, called off, one version on. */
function expectCancels(sent: string, cancellation: ParsedMail) {
  const cancel = calendarOf(cancellation);
  expect(firstEvent(cancel).method).toBe("CANCEL");
  const before = events(sent);
  const after = events(cancel);
  expect(after.map(({ uid, recurrenceId }) => ({ uid, recurrenceId }))).toEqual(
    before.map(({ uid, recurrenceId }) => ({ uid, recurrenceId })),
  );
  for (const [index, event] of after.entries()) {
    expect(event.status).toBe("CANCELLED");
    expect(event.sequence).toBeGreaterThan(before[index]!.sequence);
  }
  // node-ical reads the same: the series and its overrides (which it also files under the series) cancelled.
  type Read = { status?: string; recurrences?: Record<string, Read> };
  const parsed = Object.values(nodeIcal.sync.parseICS(cancel)).filter((entry) => entry?.type === "VEVENT") as Read[];
  const statuses = parsed.flatMap((entry) => [entry, ...Object.values(entry.recurrences ?? {})]).map((e) => e.status);
  expect(statuses.length).toBeGreaterThanOrEqual(after.length);
  expect(new Set(statuses)).toEqual(new Set(["CANCELLED"]));
}

describe("cancellations nobody has to send by hand", () => {
  it("mails everyone a deleted ritual was sent to, customers too, the cancellation of the whole series", async () => {
    const world = await teamWithTeaTime("deleted.example", "2026-11-26");
    await setMemberEmails(world.teamId, world.samId, false);
    await queueSeriesInvites(world.teamId, world.teaTimeId, NOW);
    // One meeting moved: the invite carries it as an override, and the cancellation must call it off too.
    const ritual = (await getRitual(world.teamId, world.teaTimeId))!;
    const [first] = expandValidRule(ritual, { from: NOW, to: NOW + 90 * 86_400_000 });
    await changeMeeting(
      world.teamId,
      world.teaTimeId,
      { originalStart: first!.originalStart, status: "moved", start: first!.start + 3_600_000, durationMinutes: 30 },
      NOW,
    );
    const record = (await loadRitualRecord(world.teamId, world.teaTimeId))!;
    const held = new Map([
      ["lead@deleted.example", await teamSeriesFile(record, { memberId: world.ownerId }, "en")],
      ["jiwoo@deleted.example", await teamSeriesFile(record, { memberId: world.jiwooId }, "en")],
      ["minseo@hanbit.example", await customerSeriesFile(record)],
    ]);
    expect(events(held.get("jiwoo@deleted.example")!).filter((event) => event.recurrenceId)).toHaveLength(1);
    await send(NOW + 1);
    mail.messages().length = 0;

    expect(await deleteRitual(world.teamId, world.teaTimeId, NOW + 2)).toBe(true);
    await send(NOW + 2);
    expect(mail.messages().map(recipientOf).sort()).toEqual([
      "jiwoo@deleted.example",
      "lead@deleted.example",
      "minseo@hanbit.example",
    ]);
    for (const message of mail.messages()) expectCancels(held.get(recipientOf(message)!)!, message);
    const [jiwoo] = sentTo("jiwoo@deleted.example");
    expect(jiwoo!.subject).toBe("Cancelled: Tea time (every meeting)");
    // The ritual's pages are gone: the mail links none.
    expect(jiwoo!.text).not.toContain("/meetings/");
    expect(sentTo("minseo@hanbit.example")[0]!.subject).toBe("취소: Tea time (모든 모임)");
    // Deleting it again finds nothing and mails nobody.
    expect(await deleteRitual(world.teamId, world.teaTimeId, NOW + 3)).toBe(false);
    expect(await prisma.mail.count({ where: { teamId: world.teamId, kind: "cancel" } })).toBe(3);
  });

  it("mails a removed member the cancellation of each series they were on, and nobody else", async () => {
    const world = await teamWithTeaTime("removed.example", "2026-11-26");
    const checkIn = await createRitual(
      world.teamId,
      { kind: "check-in", title: "Check-in", timeZone: "Europe/Berlin", startTime: "10:00", startDate: "2026-11-24" },
      { hostIds: [world.ownerId], participantIds: [world.jiwooId] },
    );
    if (!checkIn.ok) throw new Error("check-in");
    for (const id of [world.teaTimeId, checkIn.value.id]) await queueSeriesInvites(world.teamId, id, NOW);
    await send(NOW);
    const invites = sentTo("jiwoo@removed.example");
    mail.messages().length = 0;

    const removed = await removeMember(world.teamId, world.jiwooId, NOW + 1);
    expect(removed.ok).toBe(true);
    await send(NOW + 1);
    expect(mail.messages().map(recipientOf)).toEqual(["jiwoo@removed.example", "jiwoo@removed.example"]);
    expect(
      mail
        .messages()
        .map((message) => message.subject)
        .sort(),
    ).toEqual(["You are no longer on Check-in", "You are no longer on Tea time"]);
    for (const message of mail.messages()) {
      const invite = invites.find((sent) => firstEvent(calendarOf(sent)).uid === firstEvent(calendarOf(message)).uid);
      expectCancels(calendarOf(invite!), message);
    }
  });

  it("mails someone taken off a ritual its cancellation, and the others only what changed for them", async () => {
    const world = await teamWithTeaTime("taken-off.example", "2026-11-26");
    await queueSeriesInvites(world.teamId, world.teaTimeId, NOW);
    await send(NOW);
    const [invite] = sentTo("jiwoo@taken-off.example");
    mail.messages().length = 0;

    const saved = await saveRitual(
      world.teamId,
      world.teaTimeId,
      await teaTimeForm(world.teaTimeId, {
        hostId: world.ownerId,
        participantIds: [world.samId],
        startDate: "2026-11-26",
      }),
      NOW + 1,
    );
    expect(saved).toMatchObject({ status: "saved" });
    await send(NOW + 1);
    const [left] = sentTo("jiwoo@taken-off.example");
    expect(left!.subject).toBe("You are no longer on Tea time");
    expectCancels(calendarOf(invite!), left!);
    expect(mail.messages().filter((message) => firstEvent(calendarOf(message)).method === "CANCEL")).toHaveLength(1);
  });

  it("mails a customer's removed contact, in the customer's language, the cancellation of each tea time", async () => {
    const world = await teamWithTeaTime("contact-removed.example", "2026-11-26");
    await queueSeriesInvites(world.teamId, world.teaTimeId, NOW);
    await send(NOW);
    const [invite] = sentTo("minseo@hanbit.example");
    mail.messages().length = 0;

    const { customerId, contacts } = await prisma.ritual.findUniqueOrThrow({
      where: { id: world.teaTimeId },
      include: { contacts: true },
    });
    expect(await removeContact(world.teamId, customerId!, contacts[0]!.contactId, NOW + 1)).toBe(true);
    await send(NOW + 1);
    expect(mail.messages().map(recipientOf)).toEqual(["minseo@hanbit.example"]);
    const [left] = sentTo("minseo@hanbit.example");
    expect(left!.subject).toBe("Tea time에서 빠지셨습니다");
    expect(left!.text).not.toContain("/teams/");
    expectCancels(calendarOf(invite!), left!);
  });
});
