import { DateTime } from "luxon";
import nodeIcal from "node-ical";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { customerSeriesFile, meetingCalendarFile, teamSeriesFile } from "~/calendar/calendar-invites.server";
import { prisma } from "~/utils/db.server";
import { expandValidRule } from "~/domain/recurrence";
import { deliverQueuedMail } from "~/services/mail-sender.server";
import { smtpTransport } from "~/mail/transport.server";
import { MAX_ATTEMPTS } from "~/models/mail.server";
import { findMeeting } from "~/models/meeting.server";
import { loadRitualRecord } from "~/models/ritual-record.server";
import { createRitual, getRitual } from "~/models/ritual.server";
import { changeMeeting } from "~/services/meetings.server";
import { setMemberEmails } from "~/models/member.server";
import { calendarOf, firstEvent, recipientOf as to, startSmtpReceiver, type SmtpReceiver } from "./support/smtp";
import { queueSeriesInvites } from "./support/invites";
import { teamWithTeaTime } from "./support/tea-time";

const NOW = Date.parse("2026-11-23T09:00:00Z");
const world = {} as { teamId: string; ownerId: string; jiwooId: string; samId: string; teaTimeId: string };
let smtp: SmtpReceiver;
const send = (now = NOW) => deliverQueuedMail(now, smtpTransport(smtp.url, "Rituals <rituals@example.com>"));

const byRecipient = (address: string) => smtp.messages.filter((message) => to(message) === address);

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  Object.assign(world, await teamWithTeaTime("crew.example", "2026-11-26"));
  await setMemberEmails(world.teamId, world.samId, false);
});

afterAll(() => smtp.close());

beforeEach(async () => {
  smtp.messages.length = 0;
  smtp.sources.length = 0;
  smtp.refuseWith = null;
  // Each test sends only what it queues.
  await prisma.mail.deleteMany();
});

describe("invites by email", () => {
  it("sends everyone on a new series its invite (iTIP REQUEST), the same file they would download, once", async () => {
    expect(await queueSeriesInvites(world.teamId, world.teaTimeId, NOW)).toBe(3);
    expect(await queueSeriesInvites(world.teamId, world.teaTimeId, NOW)).toBe(0);
    await send();
    expect(smtp.messages.map(to).sort()).toEqual(["jiwoo@crew.example", "lead@crew.example", "minseo@hanbit.example"]);
    // Sam turned emails off.
    expect(byRecipient("sam@crew.example")).toEqual([]);

    const ritual = (await getRitual(world.teamId, world.teaTimeId))!;
    const [jiwoo] = byRecipient("jiwoo@crew.example");
    expect(jiwoo!.subject).toBe("Invitation: Tea time");
    // On Ji-woo's clock, with a link to the meeting's note page.
    const [next] = expandValidRule(ritual, { from: NOW, to: NOW + 90 * 86_400_000 });
    const seoul = DateTime.fromMillis(next!.start, { zone: "Asia/Seoul" });
    expect(seoul.toFormat("HH:mm")).toBe("16:00");
    expect(jiwoo!.text).toContain(`${seoul.toFormat("ccc, LLL d h:mm a")} (Asia/Seoul)`);
    expect(jiwoo!.text).toContain(
      `/meetings/${DateTime.fromMillis(next!.originalStart, { zone: "UTC" }).toFormat("yyyyMMdd'T'HHmmss'Z'")}`,
    );
    const sent = calendarOf(jiwoo!);
    const record = (await loadRitualRecord(world.teamId, world.teaTimeId))!;
    const downloaded = await teamSeriesFile(record, { memberId: world.jiwooId }, "en");
    expect(firstEvent(sent)).toEqual(firstEvent(downloaded));
    expect(firstEvent(sent).method).toBe("REQUEST");
    expect(firstEvent(sent).organizer).toBe("mailto:lead@crew.example");
    // node-ical reads the same series as ical.js.
    const parsed = Object.values(nodeIcal.sync.parseICS(sent)).find((entry) => entry?.type === "VEVENT");
    expect(parsed && "uid" in parsed ? parsed.uid : null).toBe(firstEvent(sent).uid);

    // The customer's contact: in the customer's language and zone, with the customer's own invite.
    const [minseo] = byRecipient("minseo@hanbit.example");
    expect(minseo!.subject).toBe("초대: Tea time");
    expect(minseo!.text).toContain("(Asia/Seoul)");
    expect(minseo!.text).not.toContain("/teams/");
    expect(firstEvent(calendarOf(minseo!))).toEqual(firstEvent(await customerSeriesFile(record)));
    expect(firstEvent(calendarOf(minseo!)).attendees).toContain("mailto:minseo@hanbit.example");
  });

  it("sends a moved or cancelled meeting with the download's UID and SEQUENCE, as REQUEST or CANCEL", async () => {
    const ritual = (await getRitual(world.teamId, world.teaTimeId))!;
    const [second] = expandValidRule(ritual, { from: NOW, to: NOW + 30 * 86_400_000 }).slice(1);
    const cancelled = await changeMeeting(
      world.teamId,
      ritual.id,
      { originalStart: second!.originalStart, status: "cancelled" },
      NOW,
    );
    expect(cancelled.ok).toBe(true);
    // The lead, Ji-woo and Min-seo; Sam turned emails off.
    expect(await prisma.mail.count({ where: { kind: "cancel" } })).toBe(3);
    await send();
    const found = (await findMeeting(world.teamId, ritual.id, second!.originalStart))!;
    const record = (await loadRitualRecord(world.teamId, ritual.id))!;
    const download = firstEvent(await meetingCalendarFile(record, found.meeting, "en"));
    const [lead] = byRecipient("lead@crew.example");
    expect(lead!.subject).toMatch(/^Cancelled: Tea time, /);
    expect(firstEvent(calendarOf(lead!))).toEqual(download);
    expect(download).toMatchObject({ method: "CANCEL", sequence: found.meeting.sequence });
    const [minseo] = byRecipient("minseo@hanbit.example");
    expect(minseo!.subject).toMatch(/^취소: Tea time, /);
    const customerCopy = firstEvent(calendarOf(minseo!));
    expect(customerCopy).toMatchObject({ method: "CANCEL", uid: download.uid, sequence: download.sequence });
    expect(customerCopy.attendees).toContain("mailto:minseo@hanbit.example");
    expect(calendarOf(minseo!)).not.toContain("/teams/");
  });
});

describe("sending", () => {
  it("keeps names and titles from adding headers (CR/LF), whatever is stored", async () => {
    const ritual = await createRitual(
      world.teamId,
      { kind: "check-in", title: "Plain", timeZone: "Europe/Berlin", startTime: "10:00", startDate: "2026-11-30" },
      { hostIds: [world.ownerId], participantIds: [world.jiwooId] },
    );
    if (!ritual.ok) throw new Error("ritual");
    // Rows written before validation refused control characters, or by hand.
    await prisma.ritual.update({ where: { id: ritual.value.id }, data: { title: "Plans\r\nBcc: spy@evil.example" } });
    await prisma.member.update({
      where: { id: world.jiwooId },
      data: { name: "Ji-woo\r\nBcc: spy@evil.example" },
    });
    try {
      await queueSeriesInvites(world.teamId, ritual.value.id, NOW);
      await send();
    } finally {
      await prisma.member.update({ where: { id: world.jiwooId }, data: { name: "Ji-woo" } });
    }
    expect(smtp.messages).toHaveLength(2);
    for (const [index, source] of smtp.sources.entries()) {
      const headers = source.slice(0, source.indexOf("\r\n\r\n"));
      expect(headers).not.toMatch(/^Bcc:/im);
      expect(smtp.messages[index]!.subject).toBe("Invitation: Plans Bcc: spy@evil.example");
      expect(smtp.messages[index]!.bcc).toBeUndefined();
    }
  });

  it("retries a refused mail with backoff, shows the error meanwhile, and gives up after the last attempt", async () => {
    smtp.refuseWith = "Mailbox busy, try later";
    await queueSeriesInvites(world.teamId, world.teaTimeId, NOW);
    expect(await send(NOW)).toBe(3);
    const waiting = await prisma.mail.findFirstOrThrow({ where: { toAddress: "lead@crew.example" } });
    expect(waiting).toMatchObject({ status: "queued", attempts: 1 });
    expect(waiting.lastError).toContain("Mailbox busy");
    expect(waiting.nextAttemptAt.getTime()).toBe(NOW + 60_000);
    expect(await send(NOW + 30_000)).toBe(0);
    smtp.refuseWith = null;
    expect(await send(NOW + 60_000)).toBe(3);
    expect(smtp.messages).toHaveLength(3);
    expect(await prisma.mail.findUniqueOrThrow({ where: { id: waiting.id } })).toMatchObject({
      status: "sent",
      attempts: 2,
      lastError: null,
    });

    await prisma.mail.deleteMany();
    smtp.refuseWith = "Mailbox busy, try later";
    await queueSeriesInvites(world.teamId, world.teaTimeId, NOW);
    for (let attempt = 0, at = NOW; attempt < MAX_ATTEMPTS; attempt++, at += 5 * 3_600_000) await send(at);
    expect(await prisma.mail.count({ where: { status: "failed", attempts: MAX_ATTEMPTS } })).toBe(3);
  });

  /** Three new check-ins' invites, queued at `now`: how many mails that is. */
  async function queueThreeCheckIns(now: number): Promise<number> {
    for (const day of ["2026-12-01", "2026-12-02", "2026-12-03"]) {
      const made = await createRitual(
        world.teamId,
        { kind: "check-in", title: `Check-in ${day}`, timeZone: "Europe/Berlin", startTime: "10:00", startDate: day },
        { hostIds: [world.ownerId], participantIds: [world.jiwooId] },
      );
      if (!made.ok) throw new Error("ritual");
      await queueSeriesInvites(world.teamId, made.value.id, now);
    }
    return prisma.mail.count({ where: { status: "queued" } });
  }

  it("sends each mail once when two senders (two instances) run at the same moment", async () => {
    const queued = await queueThreeCheckIns(NOW);
    const transport = smtpTransport(smtp.url, "Rituals <rituals@example.com>");
    const [first, second] = await Promise.all([deliverQueuedMail(NOW, transport), deliverQueuedMail(NOW, transport)]);
    expect(first + second).toBe(queued);
    expect(smtp.messages).toHaveLength(queued);
    expect(await prisma.mail.count({ where: { status: "sent" } })).toBe(queued);
  });

  it("sends each mail once from two instances when the SMTP server is slower than a claim's lease", async () => {
    const queued = await queueThreeCheckIns(Date.now());
    // Each message takes 150 ms; a claim lasts 400 ms. Claiming the whole batch up front
    // let the claims of the mail still waiting run out, and the other instance sent it too.
    smtp.delayMs = 150;
    const transport = smtpTransport(smtp.url, "Rituals <rituals@example.com>");
    const instance = async () => {
      while ((await prisma.mail.count({ where: { status: "queued" } })) > 0) {
        await deliverQueuedMail(Date.now(), transport, { leaseMs: 400 });
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    await Promise.all([instance(), instance()]);
    expect(smtp.messages).toHaveLength(queued);
    // Every attempt at a mail carries the same Message-ID, so a resend after an unknown outcome is recognisable.
    const ids = (await prisma.mail.findMany({ select: { id: true } })).map((mail) => `<mail-${mail.id}@localhost>`);
    expect(smtp.messages.map((message) => message.messageId).sort()).toEqual(ids.sort());
  });
});
