import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DAY } from "~/domain/durations";
import { busyElsewhere, listBusySources } from "~/models/busy-source.server";
import { addBusySource, refreshBusySources } from "~/services/busy-sources.server";
import { prisma } from "~/utils/db.server";
import { seal } from "~/utils/sealed.server";
import { nodeIcalOccurrences } from "./support/calendar-oracles";
import { signedUpUser, teamOwnedBy } from "./support/accounts";

// A real CalDAV server (Debian's radicale) on loopback, with its own users file in a temporary folder.

const NOW = DateTime.fromISO("2026-11-25T12:00", { zone: "UTC" }).toMillis();
const WINDOW = { from: NOW - 7 * DAY, to: NOW + 182 * DAY };
let folder = "";
let server: ChildProcess;
let origin = "";

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

const auth = `Basic ${Buffer.from("dana:open-sesame").toString("base64")}`;
async function dav(method: string, pathname: string, body?: string) {
  const response = await fetch(`${origin}${pathname}`, {
    method,
    body,
    headers: { Authorization: auth, "Content-Type": "text/calendar; charset=utf-8" },
  });
  if (!response.ok) throw new Error(`${method} ${pathname}: ${response.status}`);
}

/** A weekly series in Berlin over the spring change, one meeting moved and one cancelled; a free event; a cancelled one. */
const WEEKLY = [
  "BEGIN:VCALENDAR",
  "VERSION:2.0",
  "PRODID:-//Test//CalDAV//EN",
  "BEGIN:VTIMEZONE",
  "TZID:Europe/Berlin",
  "BEGIN:STANDARD",
  "DTSTART:19701025T030000",
  "TZOFFSETFROM:+0200",
  "TZOFFSETTO:+0100",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "BEGIN:DAYLIGHT",
  "DTSTART:19700329T020000",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0200",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "END:VTIMEZONE",
  "BEGIN:VEVENT",
  "UID:weekly@caldav.example",
  "DTSTAMP:20261101T000000Z",
  "DTSTART;TZID=Europe/Berlin:20261207T090000",
  "DTEND;TZID=Europe/Berlin:20261207T103000",
  "RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20270412T070000Z",
  "EXDATE;TZID=Europe/Berlin:20261228T090000",
  "SUMMARY:Therapy",
  "END:VEVENT",
  "BEGIN:VEVENT",
  "UID:weekly@caldav.example",
  "DTSTAMP:20261101T000000Z",
  "RECURRENCE-ID;TZID=Europe/Berlin:20270329T090000",
  "DTSTART;TZID=Europe/Berlin:20270329T140000",
  "DTEND;TZID=Europe/Berlin:20270329T153000",
  "SUMMARY:Therapy (moved)",
  "END:VEVENT",
  "END:VCALENDAR",
  "",
].join("\r\n");
const event = (uid: string, extra: string[]) =>
  [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Test//CalDAV//EN",
    "BEGIN:VEVENT",
    `UID:${uid}@caldav.example`,
    "DTSTAMP:20261101T000000Z",
    "DTSTART:20261210T130000Z",
    "DTEND:20261210T140000Z",
    "SUMMARY:Lunch",
    ...extra,
    "END:VEVENT",
    "END:VCALENDAR",
    "",
  ].join("\r\n");

beforeAll(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), "rituals-radicale-"));
  fs.writeFileSync(path.join(folder, "users"), "dana:open-sesame\n");
  const port = await freePort();
  fs.writeFileSync(
    path.join(folder, "config"),
    [
      "[server]",
      `hosts = 127.0.0.1:${port}`,
      "[auth]",
      "type = htpasswd",
      `htpasswd_filename = ${path.join(folder, "users")}`,
      "htpasswd_encryption = plain",
      "[storage]",
      `filesystem_folder = ${path.join(folder, "collections")}`,
      "[rights]",
      "type = owner_only",
    ].join("\n"),
  );
  server = spawn("radicale", ["--config", path.join(folder, "config")], { stdio: "ignore" });
  origin = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries++) {
    try {
      await fetch(origin);
      break;
    } catch (error) {
      if (tries > 100) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await dav("MKCALENDAR", "/dana/work/");
  await dav("PUT", "/dana/work/weekly.ics", WEEKLY);
  await dav("PUT", "/dana/work/free.ics", event("free", ["TRANSP:TRANSPARENT"]));
  await dav("PUT", "/dana/work/cancelled.ics", event("cancelled", ["STATUS:CANCELLED"]));
}, 30_000);

afterAll(() => {
  server?.kill();
  fs.rmSync(folder, { recursive: true, force: true });
});

async function member(name: string) {
  const user = await signedUpUser(`${name}@caldav.example`);
  const team = await teamOwnedBy(user, name);
  return prisma.member.findUniqueOrThrow({ where: { id: team.memberId } });
}

const login = { username: "dana", password: "open-sesame" };
const stored = async (memberId: string) =>
  ((await busyElsewhere([memberId], WINDOW)).get(memberId) ?? []).sort((a, b) => a.start - b.start);

describe("busy times from a CalDAV calendar", () => {
  it("keeps the busy times the server's events give, as an independent reading of the same files does", async () => {
    const dana = await member("dana");
    const added = await addBusySource(dana, { address: `${origin}/dana/work/`, allDayBlocks: false, login }, NOW);
    expect(added.ok).toBe(true);
    const [source] = await listBusySources(dana.id);
    expect(source).toMatchObject({ label: `dana @ ${new URL(origin).host}`, lastError: null });
    const row = await prisma.busySource.findUniqueOrThrow({ where: { id: source!.id } });
    expect(`${row.sealedAddress} ${row.sealedLogin}`).not.toMatch(/open-sesame|dana\/work/);

    // node-ical's reading of the series as PUT, and luxon's idea of the moved and the cancelled meetings.
    const expected = nodeIcalOccurrences(WEEKLY, WINDOW);
    expect(await stored(dana.id)).toEqual(expected);
    const berlin = (iso: string) => DateTime.fromISO(iso, { zone: "Europe/Berlin" }).toMillis();
    const starts = expected.map((o) => o.start);
    expect(starts).toContain(berlin("2027-03-29T14:00"));
    expect(starts).toContain(berlin("2027-04-05T09:00")); // after the clocks went forward, still 09:00 in Berlin
    expect(starts).not.toContain(berlin("2026-12-28T09:00"));
    expect(starts).not.toContain(Date.parse("2026-12-10T13:00:00Z")); // neither the free nor the cancelled lunch
    expect(JSON.stringify(await prisma.busyTime.findMany({ where: { sourceId: source!.id } }))).not.toContain(
      "Therapy",
    );

    // With all-day events blocking, radicale (which answers no free-busy query) is asked for its events all the same.
    const hal = await member("hal");
    expect((await addBusySource(hal, { address: `${origin}/dana/work/`, allDayBlocks: true, login }, NOW)).ok).toBe(
      true,
    );
    expect(await stored(hal.id)).toEqual(expected);
  });

  it("reads it again on its round, and keeps the last good times when the server cannot be reached", async () => {
    const erin = await member("erin");
    expect((await addBusySource(erin, { address: `${origin}/dana/work/`, allDayBlocks: false, login }, NOW)).ok).toBe(
      true,
    );
    const before = (await stored(erin.id)).length;
    const rowIds = async () =>
      (await prisma.busyTime.findMany({ where: { source: { memberId: erin.id } }, select: { id: true } })).map(
        (row) => row.id,
      );
    // Unchanged (the collection's tag is the same): its events are not asked for, nothing is rewritten.
    const kept = await rowIds();
    await refreshBusySources(NOW + 20 * 60_000);
    expect(await rowIds()).toEqual(kept);
    expect((await listBusySources(erin.id))[0]!.lastError).toBeNull();

    await dav("PUT", "/dana/work/lunch.ics", event("lunch", []));
    await refreshBusySources(NOW + 40 * 60_000);
    expect((await stored(erin.id)).length).toBe(before + 1);
    await dav("DELETE", "/dana/work/lunch.ics");

    await prisma.busySource.updateMany({
      where: { memberId: erin.id },
      data: { sealedAddress: seal("http://127.0.0.1:1/dana/work/") },
    });
    await refreshBusySources(NOW + 60 * 60_000);
    expect((await stored(erin.id)).length).toBe(before + 1);
    expect((await listBusySources(erin.id))[0]!.lastError).toBe("busy.unreachable");
  });

  it("says what is wrong with a login or an address that is no calendar, and saves nothing", async () => {
    const fay = await member("fay");
    const cases: [string, typeof login, string, string][] = [
      [`${origin}/dana/work/`, { ...login, password: "wrong" }, "address", "busy.refused"],
      [`${origin}/dana/`, login, "address", "busy.notCalendar"],
      [`${origin}/dana/missing/`, login, "address", "busy.notFound"],
      [`${origin}/dana/work/`, { ...login, username: " " }, "username", "busy.usernameRequired"],
      ["ftp://127.0.0.1/dana/work/", login, "address", "busy.addressInvalid"],
    ];
    for (const [address, given, field, problem] of cases) {
      expect(await addBusySource(fay, { address, allDayBlocks: false, login: given }, NOW)).toEqual({
        ok: false,
        errors: { [field]: problem },
      });
    }
    expect(await listBusySources(fay.id)).toEqual([]);
  });

  it("asks a server that answers free-busy queries for busy periods only, where all-day events block", async () => {
    // A CalDAV server on loopback that offers free-busy reports (radicale 3.1 has none): it never hands out an event.
    const reports: string[] = [];
    const freeBusy = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Test//FreeBusy//EN",
      "BEGIN:VFREEBUSY",
      "DTSTAMP:20261125T120000Z",
      "DTSTART:20261118T120000Z",
      "DTEND:20270526T120000Z",
      "FREEBUSY:20261201T080000Z/20261201T093000Z,20261202T080000Z/PT1H",
      "FREEBUSY;FBTYPE=BUSY-TENTATIVE:20261203T130000Z/20261203T140000Z",
      "FREEBUSY;FBTYPE=FREE:20261204T130000Z/20261204T140000Z",
      "FREEBUSY;FBTYPE=BUSY-UNAVAILABLE:20261224T000000Z/20261226T000000Z",
      "END:VFREEBUSY",
      "END:VCALENDAR",
      "",
    ].join("\r\n");
    const fake = http.createServer((request, response) => {
      let body = "";
      request.on("data", (chunk) => (body += chunk));
      request.on("end", () => {
        if (request.method === "PROPFIND") {
          response.writeHead(207, { "Content-Type": "application/xml; charset=utf-8" });
          response.end(
            '<?xml version="1.0"?><d:multistatus xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:response><d:href>/cal/</d:href><d:propstat><d:prop><d:resourcetype><d:collection/><c:calendar/></d:resourcetype></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response></d:multistatus>',
          );
        } else if (request.method === "REPORT" && body.includes("free-busy-query")) {
          reports.push(body);
          response.writeHead(200, { "Content-Type": "text/calendar; charset=utf-8" });
          response.end(freeBusy);
        } else response.writeHead(500).end();
      });
    });
    await new Promise<void>((resolve) => fake.listen(0, "127.0.0.1", resolve));
    try {
      const gil = await member("gil");
      const address = `http://127.0.0.1:${(fake.address() as net.AddressInfo).port}/cal/`;
      expect((await addBusySource(gil, { address, allDayBlocks: true, login }, NOW)).ok).toBe(true);
      expect(reports).toHaveLength(1);
      expect(reports[0]).toContain('start="20261118T120000Z"');
      const rows = await prisma.busyTime.findMany({
        where: { source: { memberId: gil.id } },
        orderBy: { start: "asc" },
        select: { start: true, end: true, tentative: true },
      });
      expect(rows.map((row) => [row.start.toISOString(), row.end.toISOString(), row.tentative])).toEqual([
        ["2026-12-01T08:00:00.000Z", "2026-12-01T09:30:00.000Z", false],
        ["2026-12-02T08:00:00.000Z", "2026-12-02T09:00:00.000Z", false],
        ["2026-12-03T13:00:00.000Z", "2026-12-03T14:00:00.000Z", true],
        ["2026-12-24T00:00:00.000Z", "2026-12-26T00:00:00.000Z", false],
      ]);
      // Without all-day events blocking, the free-busy answer cannot be used: the events are asked for (here, refused).
      expect(await addBusySource(gil, { address, allDayBlocks: false, login }, NOW)).toMatchObject({ ok: false });
      expect(reports).toHaveLength(1);
    } finally {
      fake.close();
    }
  });
});
