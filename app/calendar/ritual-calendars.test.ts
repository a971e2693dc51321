import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { withBuffers } from "~/domain/buffers";
import { expandValidRule, type TimeWindow } from "~/domain/recurrence";
import { calendarRitual, context, jiwoo, labels, lena } from "~tests/support/calendar-fixtures";
import { contentLines, icalJsOccurrences, nodeIcalOccurrences } from "~tests/support/calendar-oracles";
import { unfoldLines } from "./rfc5545";
import { memberFeed } from "./member-feed";
import { customerSeriesInvite, meetingFile, teamSeriesInvite, type CalendarRitual } from "./ritual-calendars";
import type { SeriesChanges, StoredException } from "~/domain/recurrence";

const year2026: TimeWindow = { from: Date.parse("2026-01-01T00:00:00Z"), to: Date.parse("2027-01-01T00:00:00Z") };

const ritual = calendarRitual;

/** Cancels the 3rd meeting and moves the 5th a day and two hours later. */
function someExceptions(subject: CalendarRitual): StoredException[] {
  const meetings = expandValidRule(subject, year2026);
  const moved = meetings[4]!;
  return [
    { originalStart: meetings[2]!.originalStart, status: "cancelled", sequence: 1 },
    {
      originalStart: moved.originalStart,
      status: "moved",
      start: moved.start + 26 * 3_600_000,
      durationMinutes: 45,
      sequence: 2,
    },
  ];
}

/** The changes as the database gives them when nothing was restored. */
function changesOf(exceptions: StoredException[]): SeriesChanges {
  return { exceptions, sequence: Math.max(0, ...exceptions.map((e) => e.sequence)), lastModified: null };
}

function seriesFile(subject: CalendarRitual, exceptions: StoredException[] = someExceptions(subject)) {
  return teamSeriesInvite(
    subject,
    { attendees: [lena, jiwoo], changes: changesOf(exceptions), viewerIsHost: false },
    context,
  );
}

const fixtures: [string, Partial<CalendarRitual>][] = [
  ["Berlin, Tue and Thu 10:00 across both European switches", {}],
  [
    "New York, every other Monday 09:00",
    { timeZone: "America/New_York", weekdays: [1], interval: 2, startMinutes: 540 },
  ],
  [
    "Sydney, Sundays 02:30 (both southern switch days)",
    { timeZone: "Australia/Sydney", weekdays: [7], startMinutes: 150 },
  ],
  ["Berlin, Sundays 02:30 (a gap in March, twice in October)", { weekdays: [7], startMinutes: 150 }],
  ["Kolkata (+5:30), Wednesdays 17:30", { timeZone: "Asia/Kolkata", weekdays: [3], startMinutes: 17 * 60 + 30 }],
  ["Chatham (+12:45/+13:45), Mondays 08:15", { timeZone: "Pacific/Chatham", weekdays: [1], startMinutes: 495 }],
  [
    "Seoul, the last Friday of each month, 12 times",
    { timeZone: "Asia/Seoul", frequency: "monthly", monthWeek: -1, monthWeekday: 5, count: 12 },
  ],
  ["Berlin, Tuesdays until 30 June", { weekdays: [2], untilDate: "2026-06-30" }],
  [
    "Seoul, Wednesdays taking turns at 09:00 and 17:00 (a rotation: one series per time)",
    { timeZone: "Asia/Seoul", weekdays: [3], startMinutes: 540, rotationStarts: [540, 1020] },
  ],
  [
    "Berlin, Tue and Thu every other week, turns at 08:00 / 16:00 / 19:00, 20 times",
    { weekdays: [2, 4], interval: 2, startMinutes: 480, rotationStarts: [480, 960, 1140], count: 20 },
  ],
  [
    "Sydney, the first Monday of each month, turns at 07:30 and 18:00",
    {
      timeZone: "Australia/Sydney",
      frequency: "monthly",
      monthWeek: 1,
      monthWeekday: 1,
      startMinutes: 450,
      rotationStarts: [450, 1080],
    },
  ],
];

describe("series invites, read back by two independent parsers", () => {
  it.each(fixtures)("%s: both parsers meet when the engine does", (_name, overrides) => {
    const subject = ritual(overrides);
    const exceptions = someExceptions(subject);
    const ours = expandValidRule(subject, year2026, exceptions).map(({ start, end }) => ({ start, end }));
    const text = seriesFile(subject, exceptions);
    expect(icalJsOccurrences(text, year2026)).toEqual(ours);
    expect(nodeIcalOccurrences(text, year2026)).toEqual(ours);
  });

  it("is a well-formed file: CRLF, folded at 75 octets, a VTIMEZONE per TZID, unique UID + RECURRENCE-ID", () => {
    for (const [, overrides] of fixtures) {
      const text = seriesFile(ritual({ ...overrides, title: `Check-in ${"🍵 한국어, 회의; \\ ".repeat(6)}` }));
      expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
      for (const line of contentLines(text)) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
      const lines = unfoldLines(text);
      const tzids = new Set(lines.flatMap((line) => [...line.matchAll(/;TZID=([^:;]+)/g)].map((m) => m[1])));
      const defined = new Set(lines.filter((l) => l.startsWith("TZID:")).map((l) => l.slice(5)));
      expect([...tzids].every((tzid) => defined.has(tzid!))).toBe(true);
      expect(defined.size).toBeGreaterThan(0);
      const keys: string[] = [];
      let uid = "";
      let recurrenceId = "";
      for (const line of lines) {
        if (line === "BEGIN:VEVENT") [uid, recurrenceId] = ["", ""];
        if (line.startsWith("UID:")) uid = line;
        if (line.startsWith("RECURRENCE-ID")) recurrenceId = line;
        if (line === "END:VEVENT") keys.push(`${uid}|${recurrenceId}`);
      }
      expect(new Set(keys).size).toBe(keys.length);
      expect(lines[0]).toBe("BEGIN:VCALENDAR");
      expect(lines).toContain("METHOD:REQUEST");
    }
  });

  it("writes cancelled meetings as EXDATE and moved ones as RECURRENCE-ID, both with the TZID of DTSTART", () => {
    const lines = unfoldLines(seriesFile(ritual()));
    expect(lines).toContain("DTSTART;TZID=Europe/Berlin:20260106T100000");
    expect(lines).toContain("EXDATE;TZID=Europe/Berlin:20260113T100000");
    expect(lines).toContain("RECURRENCE-ID;TZID=Europe/Berlin:20260120T100000");
    expect(lines).toContain("DTSTART;TZID=Europe/Berlin:20260121T120000");
    const eventLines = lines.slice(lines.indexOf("BEGIN:VEVENT"));
    expect(eventLines.filter((l) => l.startsWith("RRULE:"))).toEqual([
      "RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=TU,TH;WKST=MO",
    ]);
  });
});

describe("titles and text that could break the file", () => {
  const nasty = [
    "Tea ☕ with 한빛 물류 🍵",
    "Plans, risks; and \\ backslashes",
    "Line one\r\nBEGIN:VEVENT\r\nSUMMARY:injected",
    "END:VCALENDAR",
  ];
  it.each(nasty)("keeps %j one escaped property that parses back to itself", (title) => {
    const text = seriesFile(ritual({ title, agendaTemplate: title }), []);
    const lines = unfoldLines(text);
    expect(lines.filter((l) => l === "BEGIN:VEVENT")).toHaveLength(1);
    expect(lines.filter((l) => l === "END:VCALENDAR")).toHaveLength(1);
    const parsed = new ICAL.Component(ICAL.parse(text));
    const summary = parsed.getFirstSubcomponent("vevent")?.getFirstPropertyValue("summary");
    expect(summary).toBe(title.replace(/\r\n/g, "\n"));
  });
});

describe("customer invite", () => {
  it("shows the meeting and the early room, never buffers or internal links", () => {
    const teaTime = ritual({
      kind: "tea-time",
      title: "Tea time with Hanbit",
      timeZone: "Asia/Seoul",
      interval: 2,
      weekdays: [3],
      goEarlyMinutes: 10,
      customer: { name: "Hanbit", etiquetteNote: "Formal greetings", language: "ko", timeZone: "Asia/Seoul" },
    });
    const text = customerSeriesInvite(
      teaTime,
      {
        hosts: [lena],
        contacts: [{ name: "Min-seo Kim", email: "minseo@hanbit.example" }],
        changes: changesOf([]),
        sharedNotes: [{ date: "2026. 1. 7.", url: "https://rituals.example/shared/abc" }],
      },
      { ...context, labels: { ...labels, kind: "Customer tea time" } },
    );
    const lines = unfoldLines(text);
    const master = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent("vevent")!;
    expect(String(master.getFirstPropertyValue("description"))).toContain(
      "2026. 1. 7.: https://rituals.example/shared/abc",
    );
    expect(text).not.toMatch(/Go early|Stay late|rituals\.example\/teams/);
    expect(lines.some((l) => l.startsWith("DESCRIPTION:") && l.includes("The room opens 10 minutes early."))).toBe(
      true,
    );
    expect(lines.some((l) => l.includes("Formal greetings"))).toBe(true);
    expect(lines.some((l) => l.startsWith("ATTENDEE") && l.endsWith("minseo@hanbit.example"))).toBe(true);
    const ours = expandValidRule(teaTime, year2026).map(({ start, end }) => ({ start, end }));
    expect(icalJsOccurrences(text, year2026)).toEqual(ours);
  });
});

describe("single meetings and cancellations", () => {
  it("cancels one meeting with the series' UID, its RECURRENCE-ID and a higher SEQUENCE", () => {
    const subject = ritual({ sequence: 3 });
    const [meeting] = expandValidRule(subject, year2026);
    const invite = unfoldLines(
      meetingFile(subject, { ...meeting!, sequence: 3, cancelled: false }, { attendees: [lena] }, context),
    );
    const cancel = unfoldLines(
      meetingFile(subject, { ...meeting!, sequence: 4, cancelled: true }, { attendees: [lena] }, context),
    );
    expect(cancel).toContain("METHOD:CANCEL");
    expect(cancel).toContain("STATUS:CANCELLED");
    expect(cancel.find((l) => l.startsWith("UID:"))).toBe(invite.find((l) => l.startsWith("UID:")));
    expect(cancel).toContain("RECURRENCE-ID;TZID=Europe/Berlin:20260106T100000");
    expect(invite).toContain("SEQUENCE:3");
    expect(cancel).toContain("SEQUENCE:4");
    // The meeting's invite leads to that meeting's note page.
    expect(invite).toContain("URL:https://rituals.example/teams/t1/rituals/r1/meetings/20260106T090000Z");
    expect(invite).toContain("METHOD:REQUEST");
  });
});

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
    const invite = unfoldLines(seriesFile(subject));
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

describe("text and people inside the invite", () => {
  const awkward = 'Plan; risks, "quotes" \\n and ^carets^';

  it("escapes the reminder's text, so every parser reads the title whole", () => {
    const text = seriesFile(ritual({ title: awkward }), []);
    const alarm = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent("vevent")!.getFirstSubcomponent("valarm")!;
    expect(alarm.getFirstPropertyValue("description")).toBe(awkward);
    // ical.js leaves X- properties unparsed; the calendar's name is TEXT all the same.
    expect(unfoldLines(text)).toContain('X-WR-CALNAME:Plan\\; risks\\, "quotes" \\\\n and ^carets^');
  });

  it("writes ROLE and PARTSTAT as bare values, names as quoted strings, and the organizer as having accepted", () => {
    const named = { ...jiwoo, name: 'Park, Ji-woo "JW" ^_^' };
    const text = teamSeriesInvite(
      ritual(),
      { attendees: [lena, named], changes: changesOf([]), viewerIsHost: false },
      context,
    );
    const people = unfoldLines(text).filter((l) => /^(ATTENDEE|ORGANIZER)[;:]/.test(l));
    for (const line of people) expect(line).not.toMatch(/(ROLE|PARTSTAT|RSVP)="/);
    const vevent = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent("vevent")!;
    const attendees = vevent.getAllProperties("attendee").map((p) => ({
      email: String(p.getFirstValue()),
      name: p.getParameter("cn"),
      role: p.getParameter("role"),
      partstat: p.getParameter("partstat"),
      rsvp: p.getParameter("rsvp") ?? null,
    }));
    expect(attendees).toEqual([
      { email: `mailto:${lena.email}`, name: lena.name, role: "CHAIR", partstat: "ACCEPTED", rsvp: null },
      {
        email: `mailto:${named.email}`,
        name: named.name,
        role: "REQ-PARTICIPANT",
        partstat: "NEEDS-ACTION",
        rsvp: "TRUE",
      },
    ]);
    expect(vevent.getFirstProperty("organizer")!.getParameter("cn")).toBe(lena.name);
  });
});
