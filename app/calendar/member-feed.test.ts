import { describe, expect, it } from "vitest";
import { withBuffers } from "~/domain/buffers";
import { expandValidRule, type StoredException } from "~/domain/recurrence";
import {
  calendarRitual as ritual,
  changesOf,
  context,
  fixtures,
  labels,
  lena,
  someExceptions,
  year2026,
} from "~tests/support/calendar-fixtures";
import { icalJsOccurrences, nodeIcalOccurrences } from "~tests/support/calendar-oracles";
import { memberFeed } from "./member-feed";
import { unfoldLines } from "./rfc5545";
import { teamSeriesInvite, type CalendarRitual } from "./ritual-calendars";

describe("member feed", () => {
  const byStart = (a: { start: number; end: number }, b: { start: number; end: number }) =>
    a.start - b.start || a.end - b.end;
  /** What a host's calendar should hold: each meeting and, around it, the go-early and stay-late blocks. */
  function hostIntervals(subject: CalendarRitual, exceptions: StoredException[]) {
    return expandValidRule(subject, year2026, exceptions)
      .flatMap((meeting) => {
        const { goEarly, stayLate } = withBuffers(meeting, subject);
        return [goEarly, { start: meeting.start, end: meeting.end }, stayLate].flatMap((interval) =>
          interval && interval.end > year2026.from && interval.start < year2026.to ? [interval] : [],
        );
      })
      .sort(byStart);
  }
  const feedOf = (subject: CalendarRitual, role: "host" | "participant", exceptions: StoredException[] = []) =>
    memberFeed("Lena", [{ ritual: subject, role, changes: changesOf(exceptions), labels }], year2026, context.appUrl);

  it.each(fixtures)(
    "%s: a host's feed holds every meeting and block where the engine puts them",
    (_name, overrides) => {
      // Blocks of 40 and 50 minutes reach into every DST gap and repeated hour the meeting itself misses.
      const subject = ritual({ ...overrides, goEarlyMinutes: 40, stayLateMinutes: 50 });
      const exceptions = someExceptions(subject);
      const expected = hostIntervals(subject, exceptions);
      const text = feedOf(subject, "host", exceptions);
      expect(icalJsOccurrences(text, year2026).sort(byStart)).toEqual(expected);
      expect(nodeIcalOccurrences(text, year2026).sort(byStart)).toEqual(expected);
      const guest = feedOf(subject, "participant", exceptions);
      const meetings = expandValidRule(subject, year2026, exceptions).map(({ start, end }) => ({ start, end }));
      expect(icalJsOccurrences(guest, year2026)).toEqual(meetings);
      expect(nodeIcalOccurrences(guest, year2026)).toEqual(meetings);
      expect(guest).not.toMatch(/Go early|Stay late/);
    },
  );

  it("writes each ritual and each kind of block as one series, the meetings with the series invite's UID", () => {
    const subject = ritual();
    const lines = unfoldLines(feedOf(subject, "host", someExceptions(subject)));
    expect(lines).toContain("METHOD:PUBLISH");
    const masters = lines.filter((line) => line.startsWith("RRULE:FREQ=WEEKLY"));
    expect(masters).toEqual(Array(3).fill("RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=TU,TH;WKST=MO"));
    const uids = [...new Set(lines.filter((line) => line.startsWith("UID:")))];
    const invite = unfoldLines(
      teamSeriesInvite(subject, { attendees: [lena], changes: changesOf([]), viewerIsHost: true }, context),
    );
    expect(uids).toEqual([
      invite.find((line) => line.startsWith("UID:")),
      "UID:ritual-r1-go-early@rituals.example",
      "UID:ritual-r1-stay-late@rituals.example",
    ]);
    // The cancelled meeting's blocks are gone with it; the moved one's move with it.
    expect(lines).toContain("EXDATE;TZID=Europe/Berlin:20260113T095500");
    expect(lines).toContain("RECURRENCE-ID;TZID=Europe/Berlin:20260120T103000");
    expect(lines.filter((line) => line.startsWith("SUMMARY:Go early: Team check-in"))).toHaveLength(2);
    // No people in a feed: it is not an invitation to answer.
    expect(lines.some((line) => line.startsWith("ATTENDEE") || line.startsWith("ORGANIZER"))).toBe(false);
  });

  it("writes a block that falls on another day than its meeting one event per meeting within the window", () => {
    const window = { from: Date.parse("2026-03-01T00:00:00Z"), to: Date.parse("2026-04-01T00:00:00Z") };
    // 00:05 on Tuesdays: its go-early block starts on Monday; 23:40 for 30 minutes: it stays late into Friday.
    for (const overrides of [
      { startMinutes: 5, goEarlyMinutes: 10 },
      { startMinutes: 23 * 60 + 40, weekdays: [4], stayLateMinutes: 15 },
    ]) {
      const subject = ritual({ weekdays: [2], ...overrides });
      const text = memberFeed(
        "Lena",
        [{ ritual: subject, role: "host", changes: changesOf([]), labels }],
        window,
        context.appUrl,
      );
      const expected = expandValidRule(subject, window)
        .flatMap((meeting) => {
          const { goEarly, stayLate } = withBuffers(meeting, subject);
          return [goEarly, { start: meeting.start, end: meeting.end }, stayLate].flatMap((i) => (i ? [i] : []));
        })
        .sort(byStart);
      expect(icalJsOccurrences(text, window).sort(byStart)).toEqual(expected);
      expect(nodeIcalOccurrences(text, window).sort(byStart)).toEqual(expected);
    }
  });

  it("leaves out series that ended before the window, and keeps one-offs and series still meeting", () => {
    const window = { from: Date.parse("2026-09-01T00:00:00Z"), to: Date.parse("2027-03-01T00:00:00Z") };
    const over = ritual({ id: "over", title: "Spring check-in", untilDate: "2026-06-30" });
    const running = ritual({ id: "running", title: "Weekly check-in" });
    const oneOff = ritual({ id: "once", title: "Kick-off", frequency: "once", startDate: "2026-10-01" });
    const text = memberFeed(
      "Lena",
      [over, running, oneOff].map((subject) => ({
        ritual: subject,
        role: "participant",
        changes: changesOf([]),
        labels,
      })),
      window,
      context.appUrl,
    );
    expect(text).not.toContain("Spring check-in");
    expect(text).toContain("SUMMARY:Weekly check-in");
    expect(text).toContain("SUMMARY:Kick-off");
  });

  it("stays small for a host of 50 never-ending rituals in five zones (under 300 KB)", () => {
    const zones = ["Europe/Berlin", "America/New_York", "Asia/Seoul", "Asia/Kolkata", "Australia/Sydney"];
    const rituals = Array.from({ length: 50 }, (_, i) => {
      const subject = ritual({
        id: `r${i}`,
        title: `Ritual ${i} 회의`,
        timeZone: zones[i % zones.length]!,
        startMinutes: (8 + (i % 9)) * 60 + (i % 2) * 30,
      });
      return { ritual: subject, role: "host" as const, changes: changesOf(someExceptions(subject)), labels };
    });
    const text = memberFeed("Lena", rituals, year2026, context.appUrl);
    expect(new TextEncoder().encode(text).length).toBeLessThan(300 * 1024);
    expect(icalJsOccurrences(text, year2026).length).toBeGreaterThan(50 * 100 * 3);
  });
});
