import { beforeAll, describe, expect, it, vi } from "vitest";
import { unfoldLines } from "~/calendar/rfc5545";
import { DAY, MINUTE } from "~/domain/durations";
import { expandValidRule } from "~/domain/recurrence";
import { revokeFeedToken, rotateFeedToken } from "~/models/calendar-feed.server";
import { updateCustomer } from "~/models/customer.server";
import { createMember, updateMember } from "~/models/member.server";
import { createRitual, getRitual, updateRitual } from "~/models/ritual.server";
import { hashSecretToken } from "~/models/secret-token.server";
import { loader as feedLoader } from "~/routes/feeds.$token[.]ics";
import { changeMeeting } from "~/services/meetings.server";
import { deleteRitual } from "~/services/rituals.server";
import { prisma } from "~/utils/db.server";
import { notModifiedHeaders } from "~/utils/feed-cache.server";
import { icalJsOccurrences, nodeIcalOccurrences } from "./support/calendar-oracles";
import { calendarWorld, respond } from "./support/calendar-world";

const world = {} as Awaited<ReturnType<typeof calendarWorld>>;
beforeAll(async () => Object.assign(world, await calendarWorld()));

function feed(token: string, headers: Record<string, string> = {}) {
  return respond(feedLoader, `/feeds/${token}.ics`, { token }, headers);
}

describe("subscription feed", () => {
  it("serves the member's meetings and blocks as text/calendar, and never another team's", async () => {
    const token = await rotateFeedToken(world.memberId);
    expect(token.length).toBeGreaterThanOrEqual(22); // at least 128 bits in base64url
    const response = await feed(token);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("ETag")).toMatch(/^W\/".+"$/);
    const body = await response.text();
    expect(body).toContain("SUMMARY:Our check-in");
    expect(body).toContain("SUMMARY:Go early: Our check-in");
    expect(body).not.toContain("Their secret happy hour");
    // The check-in as a series: every meeting and both blocks where the engine puts them.
    const ritual = (await getRitual(world.teamId, world.ritualId))!;
    const window = { from: Date.parse("2026-01-01T00:00:00Z"), to: Date.parse("2027-01-01T00:00:00Z") };
    const checkIns = icalJsOccurrences(body, window).filter(({ end, start }) => end - start === 30 * MINUTE);
    const meetings = expandValidRule(ritual, window).map(({ start, end }) => ({ start, end }));
    expect(checkIns.filter((o) => meetings.some((m) => m.start === o.start))).toEqual(meetings);
    expect(nodeIcalOccurrences(body, window)).toEqual(icalJsOccurrences(body, window));
  });

  it("answers 304 when the calendar app already has this version, and 200 after a change", async () => {
    const token = await rotateFeedToken(world.memberId);
    const etag = (await feed(token)).headers.get("ETag")!;
    const unchanged = await feed(token, { "If-None-Match": etag });
    expect(unchanged.status).toBe(304);
    expect(await unchanged.text()).toBe("");
    // The server's shortcut gives the same answer without the app, and only for that version.
    const feedUrl = `/feeds/${token}.ics`;
    expect(notModifiedHeaders(feedUrl, etag)).toEqual({ ETag: etag, "Cache-Control": "private, max-age=900" });
    expect(notModifiedHeaders(feedUrl, 'W/"something-else"')).toBeNull();
    // A client may send the tag without W/, in a list, or "*" for any version.
    for (const ifNoneMatch of [`"other", ${etag.slice(2)}`, "*"]) {
      expect((await feed(token, { "If-None-Match": ifNoneMatch })).status).toBe(304);
      expect(notModifiedHeaders(feedUrl, ifNoneMatch)).not.toBeNull();
    }
    expect(notModifiedHeaders("/feeds/unknown.ics", etag)).toBeNull();
    // Each language is a feed of its own: the Korean one has not been asked for yet.
    expect(notModifiedHeaders(`${feedUrl}?lang=ko`, etag)).toBeNull();

    const ritual = await getRitual(world.teamId, world.ritualId);
    const [meeting] = expandValidRule(ritual!, { from: Date.now(), to: Date.now() + 14 * 86_400_000 });
    expect(
      (
        await changeMeeting(world.teamId, world.ritualId, {
          originalStart: meeting!.originalStart,
          status: "cancelled",
        })
      ).ok,
    ).toBe(true);
    // The app itself answers from the feed's current version at once.
    const changed = await feed(token, { "If-None-Match": etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("ETag")).not.toBe(etag);
    // The server's shortcut forgets the old tag within a few seconds.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 6_000);
    const later = notModifiedHeaders(feedUrl, etag);
    vi.useRealTimers();
    expect(later).toBeNull();
  });

  it("answers 404 to a wrong token, an old one after rotation, and a revoked one", async () => {
    const old = await rotateFeedToken(world.memberId);
    const current = await rotateFeedToken(world.memberId);
    expect((await feed("not-a-real-token")).status).toBe(404);
    expect((await feed(old)).status).toBe(404);
    expect((await feed(current)).status).toBe(200);
    await revokeFeedToken(world.memberId);
    expect((await feed(current)).status).toBe(404);
  });
});

describe("a feed follows every change at the next poll, whoever writes it", () => {
  const week = { kind: "check-in" as const, timeZone: "Europe/Berlin", startTime: "11:00", startDate: "2026-01-05" };
  const coming = () => ({ from: Date.now(), to: Date.now() + 60 * DAY });
  const body = async (token: string, query = "") =>
    (await respond(feedLoader, `/feeds/${token}.ics${query}`, { token })).text();
  const storedBuilds = (token: string) =>
    prisma.feedBuild.findMany({
      where: { feed: { tokenHash: hashSecretToken(token) } },
      select: { language: true, builtAt: true, etag: true },
      orderBy: { language: "asc" },
    });

  it("builds a feed once per change: polls in between are served as built", async () => {
    const token = await rotateFeedToken(world.memberId);
    const first = await feed(token);
    const [built] = await storedBuilds(token);
    expect(built!.etag).toBe(first.headers.get("ETag"));
    for (let i = 0; i < 3; i++) expect((await feed(token)).headers.get("ETag")).toBe(built!.etag);
    expect(await storedBuilds(token)).toEqual([built]);

    const ritual = await createRitual(world.teamId, { ...week, title: "Standup" }, { hostIds: [world.memberId] });
    if (!ritual.ok) throw new Error("setup");
    expect(await body(token)).toContain("SUMMARY:Standup");
    const [rebuilt] = await storedBuilds(token);
    expect(rebuilt!.etag).not.toBe(built!.etag);
    expect(rebuilt!.builtAt.getTime()).toBeGreaterThanOrEqual(built!.builtAt.getTime());

    // An edit of the series, a move and a cancellation of one meeting.
    const edited = await updateRitual(
      world.teamId,
      ritual.value.id,
      { ...week, title: "Daily standup" },
      {
        hostIds: [world.memberId],
      },
    );
    expect(edited.ok).toBe(true);
    expect(await body(token)).toContain("SUMMARY:Daily standup");
    const [next, second] = expandValidRule((await getRitual(world.teamId, ritual.value.id))!, coming());
    const later = next!.start + 3 * 3_600_000;
    const change = (status: "moved" | "cancelled", originalStart: number) =>
      changeMeeting(world.teamId, ritual.value.id, { originalStart, status, start: later, durationMinutes: 30 });
    expect((await change("moved", next!.originalStart)).ok).toBe(true);
    expect((await change("cancelled", second!.originalStart)).ok).toBe(true);
    const starts = icalJsOccurrences(await body(token), coming()).map((o) => o.start);
    expect(starts).toContain(later);
    expect(starts).not.toContain(next!.start);
    expect(starts).not.toContain(second!.start);
    await deleteRitual(world.teamId, ritual.value.id);
    expect(await body(token)).not.toContain("standup");
  });

  it("follows being put on a ritual and taken off it, the member's name and the customer's etiquette", async () => {
    const kim = await createMember(world.teamId, { name: "Kim", email: "kim@ours.example", timeZone: "Asia/Seoul" });
    if (!kim.ok) throw new Error("setup");
    const token = await rotateFeedToken(kim.value.id);
    expect(await body(token)).not.toContain("Retro");
    const retro = await createRitual(world.teamId, { ...week, title: "Retro" }, { hostIds: [world.memberId] });
    if (!retro.ok) throw new Error("setup");
    const people = (participantIds: string[]) =>
      updateRitual(
        world.teamId,
        retro.value.id,
        { ...week, title: "Retro" },
        { hostIds: [world.memberId], participantIds },
      );
    expect((await people([kim.value.id])).ok).toBe(true);
    expect(await body(token)).toContain("SUMMARY:Retro");
    expect((await people([])).ok).toBe(true);
    expect(await body(token)).not.toContain("Retro");

    expect(
      (
        await updateMember(world.teamId, kim.value.id, {
          name: "Kim Min-jun",
          email: "kim@ours.example",
          timeZone: "Asia/Seoul",
        })
      ).ok,
    ).toBe(true);
    expect(unfoldLines(await body(token))).toContain("X-WR-CALNAME:Rituals · Kim Min-jun");

    const owner = await rotateFeedToken(world.memberId);
    expect(await body(owner)).toContain("SUMMARY:Tea time");
    const { customer } = await prisma.ritual.findUniqueOrThrow({
      where: { id: world.teaTimeId },
      select: { customer: true },
    });
    if (!customer) throw new Error("setup");
    await updateCustomer(world.teamId, customer.id, { ...customer, etiquetteNote: "Suits, please" });
    expect(await body(owner)).toContain("Suits\\, please");
  });

  it("shows a change written without the app's code (another instance, a script) at the next poll", async () => {
    const token = await rotateFeedToken(world.memberId);
    expect(await body(token)).toContain("SUMMARY:Our check-in");
    await prisma.ritual.update({ where: { id: world.ritualId }, data: { title: "Our renamed check-in" } });
    expect(await body(token)).toContain("SUMMARY:Our renamed check-in");
    await prisma.ritual.update({ where: { id: world.ritualId }, data: { title: "Our check-in" } });
  });

  it("keeps a build per language, each following changes", async () => {
    const token = await rotateFeedToken(world.memberId);
    expect(await body(token, "?lang=ko")).toContain("SUMMARY:일찍 오기: Our check-in");
    expect(await body(token)).toContain("SUMMARY:Go early: Our check-in");
    expect((await storedBuilds(token)).map((build) => build.language)).toEqual(["en", "ko"]);
    await prisma.ritual.update({ where: { id: world.ritualId }, data: { title: "Unser Check-in" } });
    expect(await body(token, "?lang=ko")).toContain("SUMMARY:일찍 오기: Unser Check-in");
    expect(await body(token)).toContain("SUMMARY:Go early: Unser Check-in");
    await prisma.ritual.update({ where: { id: world.ritualId }, data: { title: "Our check-in" } });
  });

  it("drops a series that ended once the window moves on past it, the next day", async () => {
    // The window starts four weeks back: a series that ended 29 days ago is in it today and out tomorrow.
    const lastDay = new Date(Date.now() - 29 * DAY).toISOString().slice(0, 10);
    const ended = await createRitual(
      world.teamId,
      { ...week, title: "Old planning", untilDate: lastDay },
      { hostIds: [world.memberId] },
    );
    if (!ended.ok) throw new Error(JSON.stringify(ended.errors));
    const token = await rotateFeedToken(world.memberId);
    const today = await feed(token);
    expect(await today.text()).toContain("Old planning");
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(Date.now() + DAY);
      const tomorrow = await feed(token);
      expect(tomorrow.headers.get("ETag")).not.toBe(today.headers.get("ETag"));
      expect(await tomorrow.text()).not.toContain("Old planning");
    } finally {
      vi.useRealTimers();
      await deleteRitual(world.teamId, ended.value.id);
    }
  });
});
