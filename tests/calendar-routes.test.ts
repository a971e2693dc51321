import type { LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { unfoldLines } from "~/calendar/rfc5545";
import { expandValidRule } from "~/domain/recurrence";
import { revokeFeedToken, rotateFeedToken } from "~/models/calendar-feed.server";
import { notModifiedHeaders } from "~/utils/feed-cache.server";
import { changeMeeting, restoreMeeting } from "~/services/meetings.server";
import { createRitual, getRitual, updateRitual } from "~/models/ritual.server";
import { createMember, updateMember } from "~/models/member.server";
import { updateCustomer } from "~/models/customer.server";
import { hashSecretToken } from "~/models/secret-token.server";
import { deleteRitual } from "~/services/rituals.server";
import { DAY, MINUTE } from "~/domain/durations";
import { prisma } from "~/utils/db.server";
import { icalJsOccurrences, nodeIcalOccurrences } from "./support/calendar-oracles";
import { hanbitTeaTime } from "./support/tea-time";
import { loader as feedLoader } from "~/routes/feeds.$token[.]ics";
import { loader as customerLoader } from "~/routes/teams.$teamId.rituals.$ritualId.customer[.]ics";
import { loader as meetingLoader } from "~/routes/teams.$teamId.rituals.$ritualId.meetings.$start[.]ics";
import { loader as seriesLoader } from "~/routes/teams.$teamId.rituals.$ritualId[.]ics";
import { sessionCookie, signedUpUser, teamOwnedBy } from "./support/accounts";

const world = {} as {
  teamId: string;
  memberId: string;
  ritualId: string;
  teaTimeId: string;
  otherTitle: string;
  cookie: string;
};

async function team(name: string) {
  const user = await signedUpUser(`${name}@example.com`);
  return { user, ...(await teamOwnedBy(user, name)) };
}

beforeAll(async () => {
  const ours = await team("ours");
  const theirs = await team("theirs");
  const ritual = await createRitual(
    ours.teamId,
    { kind: "check-in", title: "Our check-in", timeZone: "Europe/Berlin", startTime: "10:00", startDate: "2026-01-06" },
    { hostIds: [ours.memberId] },
  );
  if (!ritual.ok) throw new Error("setup");
  const { teaTimeId } = await hanbitTeaTime(ours.teamId, ours.memberId, "2026-01-07");
  // Another team's ritual, in which "ours" takes no part.
  await createRitual(
    theirs.teamId,
    {
      kind: "happy-hour",
      title: "Their secret happy hour",
      timeZone: "Europe/Berlin",
      startTime: "16:00",
      startDate: "2026-01-09",
    },
    { hostIds: [theirs.memberId] },
  );
  Object.assign(world, {
    teamId: ours.teamId,
    memberId: ours.memberId,
    ritualId: ritual.value.id,
    teaTimeId,
    cookie: await sessionCookie(ours.user.id),
  });
});

async function respond(
  loader: (args: LoaderFunctionArgs) => Promise<Response>,
  url: string,
  params: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  try {
    return await loader({ request: new Request(`http://localhost${url}`, { headers }), params, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

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
    const feedUrl = new URL(`http://localhost/feeds/${token}.ics`);
    expect(notModifiedHeaders(feedUrl, etag)).toEqual({ ETag: etag, "Cache-Control": "private, max-age=900" });
    expect(notModifiedHeaders(feedUrl, 'W/"something-else"')).toBeNull();
    // A client may send the tag without W/, in a list, or "*" for any version.
    for (const ifNoneMatch of [`"other", ${etag.slice(2)}`, "*"]) {
      expect((await feed(token, { "If-None-Match": ifNoneMatch })).status).toBe(304);
      expect(notModifiedHeaders(feedUrl, ifNoneMatch)).not.toBeNull();
    }
    expect(notModifiedHeaders(new URL("http://localhost/feeds/unknown.ics"), etag)).toBeNull();

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

describe("invite downloads", () => {
  const auth = () => ({ Cookie: world.cookie });

  it("gives the team's series invite a readable filename and a TZID'd series", async () => {
    const response = await respond(seriesLoader, "/x", { teamId: world.teamId, ritualId: world.ritualId }, auth());
    expect(response.headers.get("Content-Disposition")).toContain('filename="our-check-in.ics"');
    const lines = unfoldLines(await response.text());
    expect(lines).toContain("METHOD:REQUEST");
    expect(lines).toContain("DTSTART;TZID=Europe/Berlin:20260106T100000");
  });

  it("writes the customer's invite in the customer's language, without buffers", async () => {
    const response = await respond(customerLoader, "/x", { teamId: world.teamId, ritualId: world.teaTimeId }, auth());
    const body = await response.text();
    expect(body).toContain("회의실은 10분 일찍 열립니다.");
    expect(body).toContain("minseo@hanbit.example");
    expect(body).not.toMatch(/Go early|일찍 오기/);
    const noCustomer = await respond(customerLoader, "/x", { teamId: world.teamId, ritualId: world.ritualId }, auth());
    expect(noCustomer.status).toBe(404);
  });

  it("turns a cancelled meeting's file into a cancellation with a higher SEQUENCE", async () => {
    const ritual = await getRitual(world.teamId, world.ritualId);
    const meeting = expandValidRule(ritual!, {
      from: Date.parse("2026-02-01T00:00:00Z"),
      to: Date.parse("2026-02-08T00:00:00Z"),
    })[0]!;
    const start = new Date(meeting.originalStart)
      .toISOString()
      .replace(/[-:]/g, "")
      .replace(/\.\d{3}/, "");
    const params = { teamId: world.teamId, ritualId: world.ritualId, start };
    const before = unfoldLines(await (await respond(meetingLoader, "/x", params, auth())).text());
    expect(before).toContain("METHOD:REQUEST");
    await changeMeeting(world.teamId, world.ritualId, { originalStart: meeting.originalStart, status: "cancelled" });
    const after = unfoldLines(await (await respond(meetingLoader, "/x", params, auth())).text());
    expect(after).toContain("METHOD:CANCEL");
    expect(after).toContain("STATUS:CANCELLED");
    const sequence = (lines: string[]) => Number(lines.find((l) => l.startsWith("SEQUENCE:"))!.slice(9));
    expect(sequence(after)).toBeGreaterThan(sequence(before));
    // Another time that day (an address from before a series edit) leads to the day's meeting; a day without one is no meeting.
    const sameDay = await respond(
      meetingLoader,
      "/teams/t/rituals/r/meetings/20260203T091500Z.ics",
      { ...params, start: "20260203T091500Z" },
      auth(),
    );
    expect(sameDay.status).toBe(301);
    expect(sameDay.headers.get("Location")).toBe(`/teams/t/rituals/r/meetings/${start}.ics`);
    const notAMeeting = await respond(meetingLoader, "/x", { ...params, start: "20260204T091500Z" }, auth());
    expect(notAMeeting.status).toBe(404);
  });

  it("raises the series' SEQUENCE and LAST-MODIFIED when a meeting is cancelled or restored, and an edit goes above them", async () => {
    const draft = {
      kind: "check-in" as const,
      title: "Versioned",
      timeZone: "Europe/Berlin",
      startTime: "09:00",
      startDate: "2026-03-03",
    };
    const created = await createRitual(world.teamId, draft, { hostIds: [world.memberId] });
    if (!created.ok) throw new Error("ritual");
    const ritualId = created.value.id;
    const version = async () => {
      const response = await respond(seriesLoader, "/x", { teamId: world.teamId, ritualId }, auth());
      const master = unfoldLines(await response.text()).slice(0, 60);
      return {
        sequence: Number(master.find((l) => l.startsWith("SEQUENCE:"))!.slice(9)),
        lastModified: master.find((l) => l.startsWith("LAST-MODIFIED:"))!.slice(14),
        exdates: master.filter((l) => l.startsWith("EXDATE")).length,
      };
    };
    const [moved, meeting] = expandValidRule((await getRitual(world.teamId, ritualId))!, {
      from: Date.parse("2026-03-03T00:00:00Z"),
      to: Date.parse("2026-03-11T00:00:00Z"),
    });
    // An earlier change to another meeting: the next one must still raise the series' version.
    await changeMeeting(world.teamId, ritualId, {
      originalStart: moved!.originalStart,
      status: "moved",
      start: moved!.start + 3_600_000,
      durationMinutes: 30,
    });
    const later = (minutes: number) => vi.setSystemTime(Date.now() + minutes * 60_000);
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      const created = await version();
      later(1);
      await changeMeeting(world.teamId, ritualId, { originalStart: meeting!.originalStart, status: "cancelled" });
      const cancelled = await version();
      later(1);
      await restoreMeeting(world.teamId, ritualId, meeting!.originalStart);
      const restored = await version();
      later(1);
      await updateRitual(world.teamId, ritualId, { ...draft, startTime: "09:30" }, { hostIds: [world.memberId] });
      const edited = await version();
      expect([created.exdates, cancelled.exdates, restored.exdates]).toEqual([0, 1, 0]);
      expect(cancelled.sequence).toBeGreaterThan(created.sequence);
      expect(restored.sequence).toBeGreaterThan(cancelled.sequence);
      expect(edited.sequence).toBeGreaterThan(restored.sequence);
      expect(cancelled.lastModified > created.lastModified).toBe(true);
      expect(restored.lastModified > cancelled.lastModified).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
