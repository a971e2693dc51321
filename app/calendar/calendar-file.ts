import { createEvent, createEvents, type EventAttributes } from "ics";
import { localToInstant, ZoneOffsets } from "~/domain/zone-offsets";
import { escapeText, formatLocal, formatUtc, serializeLines, unfoldLines } from "./rfc5545";
import { buildVTimezone } from "./vtimezone";

/**
 * A wall-clock time in a zone (written with TZID; `local` is the wall clock as if
 * it were UTC), or a UTC instant.
 */
export type EventTime = { zone: string; local: number } | { utc: number };

/**
 * An instant as a wall-clock time in `zone`, unless that wall-clock time happens
 * twice (DST fall-back): then as UTC, since calendar apps differ on which of the
 * two they pick.
 */
export function inZone(zone: string, instant: number): EventTime {
  const offsets = ZoneOffsets.for(zone);
  const local = offsets.toLocalMs(instant);
  const back = localToInstant(offsets, local);
  return back.adjustment === null && back.instant === instant ? { zone, local } : { utc: instant };
}

export interface CalendarPerson {
  name: string;
  email: string;
}

export interface CalendarEvent {
  uid: string;
  start: EventTime;
  end: EventTime;
  title: string;
  description?: string;
  location?: string;
  url?: string;
  categories?: string[];
  /** Minutes before the start for a reminder. */
  alarmMinutesBefore?: number;
  organizer?: CalendarPerson;
  attendees?: CalendarPerson[];
  /** RRULE value, without "RRULE:". */
  rrule?: string;
  /** Cancelled occurrences, in the same form as the start. */
  exdates?: EventTime[];
  /** For an override of one occurrence: the time the series gave it, in the same form as the start. */
  recurrenceId?: EventTime;
  sequence: number;
  status?: "CONFIRMED" | "CANCELLED";
  busy?: boolean;
  created?: number;
  lastModified?: number;
}

export interface CalendarFile {
  method?: "REQUEST" | "CANCEL" | "PUBLISH";
  name?: string;
  events: CalendarEvent[];
  /** The last year the VTIMEZONEs must cover, when the events' rules run on past their own dates. */
  coverUntilYear?: number;
}

const PRODUCT_ID = "-//Rituals//Rituals calendar//EN";

/**
 * A name as a quoted parameter value. Quotes and carets are written as RFC 6868
 * asks ("^'" and "^^"); control characters, which no name needs, are dropped.
 */
function quotedParameter(value: string): string {
  const encoded = value
    .replace(/\p{Cc}/gu, " ")
    .trim()
    .replace(/\^/g, "^^")
    .replace(/"/g, "^'");
  return `"${encoded}"`;
}

/**
 * ORGANIZER and ATTENDEE lines. The organizer takes part as the chair who has
 * already accepted; everyone else is asked to reply.
 */
function peopleLines(event: CalendarEvent): string[] {
  const { organizer, attendees = [] } = event;
  const lines = organizer ? [`ORGANIZER;CN=${quotedParameter(organizer.name)}:mailto:${organizer.email}`] : [];
  for (const attendee of attendees) {
    const isOrganizer = attendee.email.toLowerCase() === organizer?.email.toLowerCase();
    const parameters = isOrganizer
      ? "ROLE=CHAIR;PARTSTAT=ACCEPTED"
      : "ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE";
    lines.push(`ATTENDEE;${parameters};CN=${quotedParameter(attendee.name)}:mailto:${attendee.email}`);
  }
  return lines;
}

function alarmLines(event: CalendarEvent): string[] {
  if (event.alarmMinutesBefore === undefined) return [];
  return [
    "BEGIN:VALARM",
    "ACTION:DISPLAY",
    `DESCRIPTION:${escapeText(event.title)}`,
    `TRIGGER:-PT${event.alarmMinutesBefore}M`,
    "END:VALARM",
  ];
}

function wallMs(time: EventTime): number {
  return "zone" in time ? time.local : time.utc;
}

function wallClock(time: EventTime): [number, number, number, number, number] {
  const d = new Date(wallMs(time));
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()];
}

/**
 * The event for `ics`: times as wall clocks ("local" in and out), so it never
 * consults the process zone. People and the alarm are written here instead
 * (`ics` quotes parameter values that must not be, and leaves alarm text unescaped).
 */
function toIcs(event: CalendarEvent): EventAttributes {
  return {
    uid: event.uid,
    start: wallClock(event.start),
    startInputType: "local",
    startOutputType: "local",
    end: wallClock(event.end),
    endInputType: "local",
    endOutputType: "local",
    title: event.title,
    description: event.description,
    location: event.location || undefined,
    url: event.url,
    categories: event.categories,
    recurrenceRule: event.rrule,
    sequence: event.sequence,
    status: event.status,
    busyStatus: event.busy === false ? "FREE" : "BUSY",
    transp: event.busy === false ? "TRANSPARENT" : "OPAQUE",
    created: event.created,
    lastModified: event.lastModified,
  };
}

function timeValue(time: EventTime): string {
  return "zone" in time ? formatLocal(time.local) : formatUtc(time.utc);
}

/** "DTSTART;TZID=Europe/Berlin:20260106T100000" or "DTSTART:20260106T090000Z"; several values share one zone. */
function timeProperty(name: string, times: readonly EventTime[]): string {
  const first = times[0]!;
  const parameter = "zone" in first ? `;TZID=${first.zone}` : "";
  return `${name}${parameter}:${times.map(timeValue).join(",")}`;
}

function written(result: { error: Error | null; value: string | null }): string[] {
  if (result.error || result.value === null) throw result.error ?? new Error("ics produced nothing");
  return unfoldLines(result.value);
}

/** Everything but the parts that differ between occurrences; events alike in it share one written template. */
function templateKey({
  uid: _u,
  start: _s,
  end: _e,
  recurrenceId: _r,
  exdates: _x,
  sequence: _q,
  ...rest
}: CalendarEvent) {
  return JSON.stringify(rest);
}

/**
 * VEVENT templates already written, by `templateKey`. `ics` validates every
 * event, which costs far more than the rest of a file: a team's feeds and
 * invites repeat the same few events, so each is validated and written once per
 * process; what differs (UID, times, sequence, DTSTAMP) is filled in per file.
 */
const templates = new Map<string, readonly string[]>();
const MAX_TEMPLATES = 20_000;

function templateOf(event: CalendarEvent): readonly string[] {
  const key = templateKey(event);
  let template = templates.get(key);
  if (!template) {
    const lines = written(createEvent(toIcs(event)));
    template = [
      ...lines.slice(lines.indexOf("BEGIN:VEVENT"), lines.lastIndexOf("END:VEVENT")),
      ...peopleLines(event),
      ...alarmLines(event),
      "END:VEVENT",
    ];
    if (templates.size >= MAX_TEMPLATES) templates.clear();
    templates.set(key, template);
  }
  return template;
}

/** The VEVENT lines of an event, in a file written at `stamp`. */
function eventLines(event: CalendarEvent, stamp: string): string[] {
  const output: string[] = [];
  for (const line of templateOf(event)) {
    if (line.startsWith("UID:")) {
      output.push(`UID:${event.uid}`);
    } else if (line.startsWith("DTSTAMP:")) {
      output.push(stamp);
    } else if (line.startsWith("DTSTART:")) {
      output.push(timeProperty("DTSTART", [event.start]));
      if (event.recurrenceId) output.push(timeProperty("RECURRENCE-ID", [event.recurrenceId]));
    } else if (line.startsWith("DTEND:")) {
      output.push(timeProperty("DTEND", [event.end]));
    } else if (line.startsWith("SEQUENCE:")) {
      output.push(`SEQUENCE:${event.sequence}`);
    } else if (line === "END:VEVENT" && event.exdates?.length) {
      output.push(timeProperty("EXDATE", event.exdates), line);
    } else {
      output.push(line);
    }
  }
  return output;
}

/**
 * One .ics file. `ics` writes the calendar and its events; this adds what it
 * lacks (TZID on the times, EXDATE and RECURRENCE-ID in the same form as
 * DTSTART, a VTIMEZONE for every zone) and folds lines by octets, not characters.
 */
export function buildCalendar(file: CalendarFile): string {
  const header = written(createEvents([], { productId: PRODUCT_ID, method: file.method }));
  const times = file.events.flatMap((e) => [
    e.start,
    e.end,
    ...(e.recurrenceId ? [e.recurrenceId] : []),
    ...(e.exdates ?? []),
  ]);
  const zones = [...new Set(times.flatMap((time) => ("zone" in time ? [time.zone] : [])))].sort();
  const yearOf = (time: EventTime) => new Date(wallMs(time)).getUTCFullYear();
  const years = {
    from: Math.min(...times.map(yearOf)) - 1,
    to: Math.max(Math.max(...times.map(yearOf)) + 1, file.coverUntilYear ?? 0),
  };
  // Every event says when this file was written (iTIP orders updates of one SEQUENCE by it).
  const stamp = `DTSTAMP:${formatUtc(Date.now())}`;
  const lines = [
    ...header.slice(0, header.lastIndexOf("END:VCALENDAR")),
    ...(file.name ? [`X-WR-CALNAME:${escapeText(file.name)}`] : []),
    ...zones.flatMap((zone) => buildVTimezone(zone, years.from, years.to)),
    ...file.events.flatMap((event) => eventLines(event, stamp)),
    "END:VCALENDAR",
  ];
  return serializeLines(lines);
}
