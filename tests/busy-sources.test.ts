import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { createInstance } from "i18next";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { busyTimes } from "~/calendar/busy-times";
import { busyInterval, overlaps } from "~/domain/buffers";
import { DAY } from "~/domain/durations";
import { fieldsForNewRitual } from "~/domain/ritual-form";
import { i18nConfig } from "~/i18n/catalogs.server";
import { busyElsewhere, listBusySources } from "~/models/busy-source.server";
import { loadTeamPlanning } from "~/models/planning.server";
import { addBusySource, LARGEST_CALENDAR_BYTES, refreshBusySources } from "~/services/busy-sources.server";
import { prisma } from "~/utils/db.server";
import { fieldsOfSavedRitual, planRitual } from "~/views/ritual-editor.server";
import { buildSchedule } from "~/views/schedule.server";
import { checkMove } from "~/domain/meeting-move";
import { createRitual } from "~/models/ritual.server";
import { signedUpUser, teamOwnedBy } from "./support/accounts";

/** Calendar files served on loopback as calendar providers serve them: with an ETag, 304 when unchanged. */
const files = new Map<string, { status?: number; body: string; etag?: string }>();
let requests: { path: string; ifNoneMatch?: string }[] = [];
const server = http.createServer((request, response) => {
  requests.push({ path: request.url!, ifNoneMatch: request.headers["if-none-match"] });
  const file = files.get(request.url!);
  if (!file) return response.writeHead(404).end();
  if (file.etag && request.headers["if-none-match"] === file.etag) return response.writeHead(304).end();
  response.writeHead(file.status ?? 200, {
    "Content-Type": "text/calendar; charset=utf-8",
    ...(file.etag ? { ETag: file.etag } : {}),
  });
  response.end(file.body);
});
let origin = "";
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

const fixture = (name: string) => fs.readFileSync(path.join("tests/fixtures/busy", name), "utf8");
const NOW = DateTime.fromISO("2026-11-25T12:00", { zone: "UTC" }).toMillis();

/** Busy 09:00-12:00 and 14:00-16:00 in Berlin every day of the first week of December 2026. */
const crowdedWeek = [
  "BEGIN:VCALENDAR",
  "VERSION:2.0",
  "PRODID:-//Test//Busy//EN",
  ...[
    ["am", "090000", "120000"],
    ["pm", "140000", "160000"],
  ].flatMap(([uid, from, to]) => [
    "BEGIN:VEVENT",
    `UID:${uid}@busy.example`,
    "DTSTAMP:20261101T000000Z",
    `DTSTART;TZID=Europe/Berlin:20261130T${from}`,
    `DTEND;TZID=Europe/Berlin:20261130T${to}`,
    "RRULE:FREQ=DAILY;COUNT=8",
    "SUMMARY:Private",
    "END:VEVENT",
  ]),
  "END:VCALENDAR",
  "",
].join("\r\n");

async function lead(name: string) {
  const user = await signedUpUser(`${name}@busy.example`);
  const team = await teamOwnedBy(user, name);
  const member = await prisma.member.findUniqueOrThrow({ where: { id: team.memberId } });
  return { ...team, member };
}

describe("busy times from a member's own calendar address", () => {
  it("keeps the busy times of a Google export, never its titles, and the address only sealed", async () => {
    const { member } = await lead("google");
    files.set("/google.ics", { body: fixture("google.ics"), etag: '"v1"' });
    const added = await addBusySource(member, { address: `${origin}/google.ics`, allDayBlocks: true }, NOW);
    expect(added.ok).toBe(true);
    const [source] = await listBusySources(member.id);
    expect(source).toMatchObject({ label: new URL(origin).host, allDayBlocks: true, lastError: null });
    const row = await prisma.busySource.findUniqueOrThrow({ where: { id: source!.id } });
    expect(row.sealedAddress).not.toContain("google.ics");
    const window = { from: NOW - 7 * DAY, to: NOW + 182 * DAY };
    const stored = (await busyElsewhere([member.id], window)).get(member.id) ?? [];
    const expected = busyTimes(fixture("google.ics"), { ...window, timeZone: member.timeZone, allDayBlocks: true });
    expect(stored.sort((a, b) => a.start - b.start)).toEqual(expected.map(({ start, end }) => ({ start, end })));
    expect(JSON.stringify(await prisma.busyTime.findMany({ where: { sourceId: source!.id } }))).not.toContain("Secret");
  });

  it("reads a source again only when it changed, and keeps the last good times when a read fails", async () => {
    const { member } = await lead("refresh");
    files.set("/refresh.ics", { body: crowdedWeek, etag: '"a"' });
    expect((await addBusySource(member, { address: `${origin}/refresh.ics`, allDayBlocks: false }, NOW)).ok).toBe(true);
    const window = { from: NOW - 7 * DAY, to: NOW + 182 * DAY };
    const count = async () => ((await busyElsewhere([member.id], window)).get(member.id) ?? []).length;
    expect(await count()).toBe(16);

    // Unchanged: asked with the tag, answered 304, nothing rewritten.
    requests = [];
    await refreshBusySources(NOW + 20 * 60_000);
    expect(requests.find((r) => r.path === "/refresh.ics")?.ifNoneMatch).toBe('"a"');
    expect(await count()).toBe(16);

    // Changed: one series fewer.
    files.set("/refresh.ics", {
      body: crowdedWeek.replace(/BEGIN:VEVENT\r\nUID:pm[\s\S]*?END:VEVENT\r\n/, ""),
      etag: '"b"',
    });
    await refreshBusySources(NOW + 40 * 60_000);
    expect(await count()).toBe(8);

    // Failing: the times read before stay, and the profile says why.
    files.set("/refresh.ics", { status: 500, body: "oops" });
    await refreshBusySources(NOW + 60 * 60_000);
    expect(await count()).toBe(8);
    expect((await listBusySources(member.id))[0]!.lastError).toBe("busy.serverError");
  });

  it("says what is wrong with an address, and saves nothing", async () => {
    const { member } = await lead("wrong");
    files.set("/page.html", { body: "<html><body>Sign in to see this calendar</body></html>" });
    files.set("/private.ics", { status: 401, body: "" });
    files.set("/huge.ics", { body: "X".repeat(LARGEST_CALENDAR_BYTES + 1) });
    const cases: [string, string][] = [
      ["file:///etc/passwd", "busy.addressInvalid"],
      ["javascript:alert(1)", "busy.addressInvalid"],
      ["not an address", "busy.addressInvalid"],
      [`${origin}/page.html`, "busy.notCalendar"],
      [`${origin}/private.ics`, "busy.refused"],
      [`${origin}/gone.ics`, "busy.notFound"],
      [`${origin}/huge.ics`, "busy.tooBig"],
      ["http://127.0.0.1:1/closed.ics", "busy.unreachable"],
    ];
    for (const [address, problem] of cases) {
      expect(await addBusySource(member, { address, allDayBlocks: false }, NOW)).toEqual({
        ok: false,
        errors: { address: problem },
      });
    }
    expect(await listBusySources(member.id)).toEqual([]);
  });

  it("never suggests a time that overlaps anyone's busy times", async () => {
    const { teamId, member } = await lead("slots");
    files.set("/slots.ics", { body: crowdedWeek });
    expect((await addBusySource(member, { address: `${origin}/slots.ics`, allDayBlocks: false }, NOW)).ok).toBe(true);
    const planning = await loadTeamPlanning(teamId);
    const elsewhere = await busyElsewhere([member.id], { from: NOW - 7 * DAY, to: NOW + 182 * DAY });
    const t = createInstance();
    await t.init({ ...i18nConfig, lng: "en" });
    const fields = fieldsForNewRitual("check-in", {
      title: "Check-in",
      timeZone: "Europe/Berlin",
      startDate: "2026-12-01",
      hostId: member.id,
      memberIds: [],
      customer: null,
    });
    const plan = planRitual(fields, { planning, elsewhere, locale: "en", t: t.t, now: NOW });
    const without = planRitual(fields, { planning, locale: "en", t: t.t, now: NOW });
    expect(plan.suggestions.length).toBeGreaterThan(0);
    const busy = elsewhere.get(member.id)!;
    const rule = { goEarlyMinutes: Number(fields.goEarlyMinutes), stayLateMinutes: Number(fields.stayLateMinutes) };
    const blocked = (key: string) => {
      const start = Number(key);
      const meeting = { start, end: start + Number(fields.durationMinutes) * 60_000 };
      return busy.some((taken) => overlaps(taken, busyInterval(meeting, "host", rule)));
    };
    expect(plan.suggestions.filter((s) => blocked(s.key))).toEqual([]);
    // Without the calendar, the best times of the day were the busy ones.
    expect(without.suggestions.some((s) => blocked(s.key))).toBe(true);
  });

  it("marks what lands on busy times, without saying with what: the preview, the schedule and a move", async () => {
    const { teamId, member } = await lead("marks");
    files.set("/marks.ics", { body: crowdedWeek });
    expect((await addBusySource(member, { address: `${origin}/marks.ics`, allDayBlocks: false }, NOW)).ok).toBe(true);
    const ritual = await createRitual(
      teamId,
      { kind: "check-in", title: "Check-in", timeZone: "Europe/Berlin", startTime: "10:00", startDate: "2026-12-01" },
      { hostIds: [member.id] },
    );
    if (!ritual.ok) throw new Error("setup");
    const planning = await loadTeamPlanning(teamId);
    const elsewhere = await busyElsewhere([member.id], { from: NOW - 7 * DAY, to: NOW + 182 * DAY });
    const t = createInstance();
    await t.init({ ...i18nConfig, lng: "en" });
    const context = { locale: "en", t: t.t, now: NOW };

    const plan = planRitual(fieldsOfSavedRitual(planning, ritual.value.id)!, { ...context, planning, elsewhere });
    expect(plan.preview[0]!.rows.map((row) => row.busyElsewhere)).toEqual([true]);
    // The chart shades 09:00-12:00 and 14:00-16:00 of the host's Berlin day, and says so under the band.
    const [chartRow] = plan.charts[0]!.rows;
    expect(chartRow!.busy).toEqual([
      { from: 9 * 60, to: 12 * 60 },
      { from: 14 * 60, to: 16 * 60 },
    ]);
    expect(chartRow!.summary).toContain("busy elsewhere");

    const viewer = { memberId: member.id, timeZone: member.timeZone };
    const week = buildSchedule(planning, { memberId: null, zone: null, week: "2026-11-30" }, viewer, {
      ...context,
      elsewhere,
    });
    const tuesday = week.days.find((day) => day.date === "2026-12-01")!.items[0]!;
    expect(tuesday.busyElsewhere).toBe(true);
    expect(JSON.stringify(week)).not.toContain("Private");

    const saved = planning.rituals.find((r) => r.id === ritual.value.id)!;
    const at = (time: string) => DateTime.fromISO(`2026-12-01T${time}`, { zone: "Europe/Berlin" }).toMillis();
    const moveTo = (time: string) =>
      checkMove(
        { start: at(time), end: at(time) + 30 * 60_000, originalStart: at("10:00") },
        saved,
        planning.members,
        planning.rituals,
        elsewhere,
      )[0]!.busyElsewhere;
    expect(moveTo("12:30")).toBe(false);
    expect(moveTo("15:00")).toBe(true);
  });
});
