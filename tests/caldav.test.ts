import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
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
});
