import { DateTime } from "luxon";
import nodeIcal, { type VEvent } from "node-ical";
import { beforeAll, describe, expect, it } from "vitest";
import { DAY } from "~/domain/durations";
import { expandValidRule } from "~/domain/recurrence";
import { getRitual } from "~/models/ritual.server";
import { loader as feedLoader } from "~/routes/feeds.$token[.]ics";
import { followByFeed, followByInvites } from "~/services/calendar-delivery.server";
import { changeMeeting } from "~/services/meetings.server";
import { prisma } from "~/utils/db.server";
import { nodeIcalOccurrences } from "./support/calendar-oracles";
import { queueSeriesInvites } from "./support/invites";
import { calendarOf, firstEvent, smtpForThisFile } from "./support/smtp";
import { teamWithTeaTime } from "./support/tea-time";

// One copy of each meeting in a member's calendar: mailed invites, or their feed, never both.

const smtp = smtpForThisFile();
const world = {} as Awaited<ReturnType<typeof teamWithTeaTime>>;
const now = Date.now();
const domain = "delivery.example";

beforeAll(async () => {
  const startDate = DateTime.fromMillis(now, { zone: "Asia/Seoul" }).plus({ days: 3 }).toISODate()!;
  Object.assign(world, await teamWithTeaTime(domain, startDate));
  await prisma.ritual.update({ where: { id: world.teaTimeId }, data: { agendaTemplate: "What is hard this week" } });
});

const seen = new Map<string, number>();

/** What one address got in the mail since it was last looked at, sent through the loopback SMTP server. */
async function mailTo(address: string) {
  await smtp.send(Date.now());
  const all = smtp.sentTo(address);
  const fresh = all.slice(Math.min(seen.get(address) ?? 0, all.length));
  seen.set(address, all.length);
  return fresh.map((message) => ({ subject: message.subject, ...firstEvent(calendarOf(message)) }));
}

async function feedText(token: string) {
  const response = await feedLoader({
    request: new Request(`http://localhost/feeds/${token}.ics`),
    params: { token },
    context: {},
  });
  return response.text();
}

async function feedEvents(token: string) {
  const parsed = await nodeIcal.async.parseICS(await feedText(token));
  return Object.values(parsed).filter((entry): entry is VEvent => entry?.type === "VEVENT");
}

describe("how a member's meetings reach their calendar", () => {
  it("moves a member to their feed with the cancellation of what was mailed, and back with the invites", async () => {
    const jiwoo = `jiwoo@${domain}`;
    await queueSeriesInvites(world.teamId, world.teaTimeId, now);
    const [invite] = await mailTo(jiwoo);
    expect(invite).toMatchObject({ method: "REQUEST" });
    expect(await mailTo(`sam@${domain}`)).toHaveLength(1);

    const token = await followByFeed(world.teamId, world.jiwooId, now + 1);
    const [cancel, ...more] = await mailTo(jiwoo);
    expect(more).toEqual([]);
    expect(cancel).toMatchObject({ method: "CANCEL", uid: invite!.uid, subject: "Now in your subscription: Tea time" });
    // A new address for the feed is no second move: nothing more is mailed.
    const newToken = await followByFeed(world.teamId, world.jiwooId, now + 2);
    expect(await mailTo(jiwoo)).toEqual([]);
    expect(newToken).not.toBe(token);

    // A change afterwards reaches the others by mail, and Ji-woo only through the feed.
    const ritual = (await getRitual(world.teamId, world.teaTimeId))!;
    // Tea times meet every other week: eight weeks hold several meetings whatever day the test runs.
    const window = { from: now, to: now + 56 * DAY };
    const [first] = expandValidRule(ritual, window);
    const moved = await changeMeeting(
      world.teamId,
      ritual.id,
      { originalStart: first!.originalStart, status: "moved", start: first!.start + 3_600_000, durationMinutes: 30 },
      now + 3,
    );
    expect(moved.ok).toBe(true);
    expect(await mailTo(jiwoo)).toEqual([]);
    expect((await mailTo(`sam@${domain}`)).map((mail) => mail.method)).toEqual(["REQUEST"]);

    // The feed has each of the coming meetings once, the move included (Ji-woo takes part, so no blocks of hers).
    const starts = nodeIcalOccurrences(await feedText(newToken), window).map((occurrence) => occurrence.start);
    expect(starts.length).toBeGreaterThan(1);
    expect(new Set(starts).size).toBe(starts.length);
    expect(starts).toContain(first!.start + 3_600_000);
    expect(starts).not.toContain(first!.start);

    await followByInvites(world.teamId, world.jiwooId, now + 4);
    const [again, ...others] = await mailTo(jiwoo);
    expect(others).toEqual([]);
    expect(again).toMatchObject({ method: "REQUEST", uid: invite!.uid });
    expect(
      (
        await feedLoader({
          request: new Request("http://localhost/x"),
          params: { token: newToken },
          context: {},
        }).catch((e: Response) => e)
      ).status,
    ).toBe(404);
  });

  it("gives a host's go-early and stay-late blocks no copy of the meeting's agenda", async () => {
    const token = await followByFeed(world.teamId, world.ownerId, now);
    const events = await feedEvents(token);
    const meeting = events.find((event) => event.summary === "Tea time")!;
    const buffers = events.filter((event) => /^(Go early|Stay late): Tea time$/.test(String(event.summary)));
    expect(buffers.length).toBeGreaterThan(0);
    expect(String(meeting.description)).toContain("What is hard this week");
    for (const buffer of buffers) expect(String(buffer.description)).not.toContain("What is hard this week");
  });
});
