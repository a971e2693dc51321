import fs from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import ical from "node-ical";
import { describe, expect, it } from "vitest";
import { busyTimes, BusyTimesError, MOST_EVENTS } from "./busy-times";

const fixture = (name: string) => fs.readFileSync(path.join("tests/fixtures/busy", name), "utf8");
const year = { from: Date.parse("2026-01-01T00:00:00Z"), to: Date.parse("2027-01-01T00:00:00Z") };

type NodeIcalEvent = ical.VEvent & { recurrences?: Record<string, ical.VEvent>; exdate?: Record<string, Date> };

/**
 * The timed busy events as node-ical reads the file (its own time-zone and
 * recurrence code), free and cancelled ones left out: the independent answer.
 */
function nodeIcalBusy(text: string, window: { from: number; to: number }) {
  const busy: { start: number; end: number }[] = [];
  const counts = (event: ical.VEvent) =>
    event.transparency !== "TRANSPARENT" && event.status !== "CANCELLED" && event.datetype !== "date";
  for (const component of Object.values(ical.sync.parseICS(text))) {
    if (component?.type !== "VEVENT") continue;
    const event = component as NodeIcalEvent;
    const length = (event.end ?? event.start).getTime() - event.start.getTime();
    const starts = event.rrule
      ? event.rrule.between(new Date(window.from - 7 * 86_400_000), new Date(window.to), true)
      : [event.start];
    const excluded = new Set(Object.values(event.exdate ?? {}).map((date) => date.getTime()));
    const overrides = new Map(
      Object.values(event.recurrences ?? {}).map((o) => [(o.recurrenceid as Date).getTime(), o] as const),
    );
    for (const date of starts) {
      if (excluded.has(date.getTime())) continue;
      const override = overrides.get(date.getTime());
      const occurrence = override ?? event;
      if (!counts(occurrence) || (override && !counts(event) && !override.transparency)) continue;
      const start = override ? override.start.getTime() : date.getTime();
      const end = override ? (override.end ?? override.start).getTime() : start + length;
      if (end > window.from && start < window.to) busy.push({ start, end });
    }
  }
  return busy.sort((a, b) => a.start - b.start || a.end - b.end);
}

const timed = (zone: string, file: string) =>
  busyTimes(fixture(file), { ...year, timeZone: zone, allDayBlocks: false }).map(({ start, end }) => ({ start, end }));

describe("busy times from someone's own calendar file", () => {
  it("reads a Google export as node-ical does: series across DST, EXDATE, a moved and a cancelled meeting", () => {
    const busy = timed("America/New_York", "google.ics");
    expect(busy).toEqual(nodeIcalBusy(fixture("google.ics"), year));
    const at = (iso: string) => DateTime.fromISO(iso, { zone: "America/New_York" }).toMillis();
    const starts = busy.map((b) => b.start);
    // 09:30 New York on both sides of 8 March, the skipped Wednesday, the moved and the cancelled one.
    expect(starts).toContain(at("2026-03-02T09:30"));
    expect(starts).toContain(at("2026-03-09T09:30"));
    expect(starts).not.toContain(at("2026-03-04T09:30"));
    expect(starts).not.toContain(at("2026-03-11T09:30"));
    expect(starts).toContain(at("2026-03-11T14:00"));
    expect(starts).not.toContain(at("2026-03-16T09:30"));
    // Lunch shown as free blocks nothing.
    expect(starts).not.toContain(at("2026-03-09T12:00"));
  });

  it("reads Outlook's Windows zone names through the file's own VTIMEZONE", () => {
    const busy = timed("Europe/Berlin", "outlook.ics");
    expect(busy).toEqual(nodeIcalBusy(fixture("outlook.ics"), year));
    const at = (iso: string) => DateTime.fromISO(iso, { zone: "Europe/Berlin" }).toMillis();
    expect(busy.map((b) => b.start)).toContain(at("2026-03-27T09:00")); // before the change
    expect(busy.map((b) => b.start)).toContain(at("2026-03-31T09:00")); // after it
    expect(busy.map((b) => b.start)).toContain(at("2026-03-30T11:30")); // moved
    expect(busy.map((b) => b.start)).not.toContain(at("2026-03-30T09:00"));
    // 01:30-04:00 on the night 02:00 does not exist is an hour and a half.
    expect(busy.find((b) => b.start === at("2026-03-29T01:30"))!.end - at("2026-03-29T01:30")).toBe(90 * 60_000);
  });

  it("reads zone names the file does not define as IANA zones, and times without a zone where the owner is", () => {
    const busy = timed("Europe/Lisbon", "proton.ics");
    // The first Monday of each month of 2026 at 17:00 in Seoul, worked out by luxon.
    const firstMondays = Array.from({ length: 12 }, (_, i) => {
      const first = DateTime.fromObject({ year: 2026, month: i + 1, day: 1, hour: 17 }, { zone: "Asia/Seoul" });
      return first.plus({ days: (8 - first.weekday) % 7 }).toMillis();
    });
    const floating = DateTime.fromISO("2026-03-04T08:00", { zone: "Europe/Lisbon" }).toMillis();
    // Lord Howe moves its clocks by half an hour: 01:30-02:30 on 5 April is 90 minutes long.
    const lordHowe = DateTime.fromISO("2026-04-05T01:30", { zone: "Australia/Lord_Howe" }).toMillis();
    expect(busy).toEqual(
      [
        ...firstMondays.map((start) => ({ start, end: start + 3_600_000 })),
        { start: floating, end: floating + 3_600_000 },
        { start: lordHowe, end: lordHowe + 90 * 60_000 },
      ].sort((a, b) => a.start - b.start),
    );
  });

  it("blocks all-day events as whole days where the owner is, only when asked, and marks tentative ones", () => {
    const reading = { ...year, timeZone: "Asia/Seoul" };
    const withDays = busyTimes(fixture("google.ics"), { ...reading, allDayBlocks: true });
    const without = busyTimes(fixture("google.ics"), { ...reading, allDayBlocks: false });
    const offsite = {
      start: DateTime.fromISO("2026-03-12T00:00", { zone: "Asia/Seoul" }).toMillis(),
      end: DateTime.fromISO("2026-03-14T00:00", { zone: "Asia/Seoul" }).toMillis(),
      tentative: false,
    };
    expect(withDays).toContainEqual(offsite);
    expect(without).not.toContainEqual(offsite);
    expect(withDays.length).toBe(without.length + 1);
    const dentist = DateTime.fromISO("2026-03-10T16:00", { zone: "America/New_York" }).toMillis();
    expect(without.find((b) => b.start === dentist)?.tentative).toBe(true);
    expect(without.filter((b) => b.tentative)).toHaveLength(1);
  });

  it("keeps only what touches the window", () => {
    const march = { from: Date.parse("2026-03-09T00:00:00Z"), to: Date.parse("2026-03-10T00:00:00Z") };
    const busy = busyTimes(fixture("google.ics"), { ...march, timeZone: "UTC", allDayBlocks: true });
    expect(busy.every((b) => b.end > march.from && b.start < march.to)).toBe(true);
    expect(busy).toHaveLength(1);
  });

  it("refuses what is not a calendar, and calendars too big to be anyone's own", () => {
    for (const text of ["<html><body>Sign in</body></html>", "", "BEGIN:VCARD\r\nEND:VCARD\r\n"]) {
      expect(() => busyTimes(text, { ...year, timeZone: "UTC", allDayBlocks: false })).toThrow(BusyTimesError);
    }
    const event = (i: number) =>
      `BEGIN:VEVENT\r\nUID:${i}@x\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260101T000000Z\r\nDTEND:20260101T010000Z\r\nEND:VEVENT\r\n`;
    const huge = `BEGIN:VCALENDAR\r\nVERSION:2.0\r\n${Array.from({ length: MOST_EVENTS + 1 }, (_, i) => event(i)).join("")}END:VCALENDAR\r\n`;
    expect(() => busyTimes(huge, { ...year, timeZone: "UTC", allDayBlocks: false })).toThrow(
      expect.objectContaining({ reason: "too-many-events" }),
    );
    const everyMinute = `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:m@x\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:19700101T000000Z\r\nDTEND:19700101T000100Z\r\nRRULE:FREQ=MINUTELY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`;
    expect(() => busyTimes(everyMinute, { ...year, timeZone: "UTC", allDayBlocks: false })).toThrow(
      expect.objectContaining({ reason: "too-many-events" }),
    );
  });
});
