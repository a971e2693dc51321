import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { expandValidRule } from "~/domain/recurrence";
import {
  calendarRitual,
  changesOf,
  context,
  fixtures,
  jiwoo,
  labels,
  lena,
  someExceptions,
  year2026,
} from "~tests/support/calendar-fixtures";
import { contentLines, icalJsOccurrences, nodeIcalOccurrences } from "~tests/support/calendar-oracles";
import { unfoldLines } from "./rfc5545";
import { customerSeriesInvite, meetingFile, teamSeriesInvite, type CalendarRitual } from "./ritual-calendars";
import type { StoredException } from "~/domain/recurrence";

const ritual = calendarRitual;

function seriesFile(subject: CalendarRitual, exceptions: StoredException[] = someExceptions(subject)) {
  return teamSeriesInvite(
    subject,
    { attendees: [lena, jiwoo], changes: changesOf(exceptions), viewerIsHost: false },
    context,
  );
}

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
