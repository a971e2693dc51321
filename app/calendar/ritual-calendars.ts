import { meetingKey } from "~/domain/meeting-key";
import { dayFromIso } from "~/domain/local-dates";
import {
  expandValidRule,
  firstMeeting,
  nominalLocalTime,
  turnOn,
  type RecurrenceRule,
  turnsOf,
  type PlannedMeeting,
  type SeriesChanges,
  type StoredException,
  type TimeWindow,
} from "~/domain/recurrence";
import type { Ritual, StoredRitual } from "~/domain/ritual";
import { localToInstant, ZoneOffsets } from "~/domain/zone-offsets";
import { buildCalendar, inZone, type CalendarEvent, type CalendarPerson } from "./calendar-file";
import { formatUtc } from "./rfc5545";
import { ZONE_DATA_LAST_YEAR } from "./vtimezone";
import { DAY, MINUTE } from "~/domain/durations";

const BYDAY = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
/** Minutes before a meeting for its reminder (hosts who go early are reminded then instead). */
export const REMINDER_MINUTES = 10;

export type CalendarRitual = StoredRitual;

export interface Attendee extends CalendarPerson {
  role: "host" | "participant";
}

/** Words in the reader's language, filled in by the caller. */
export interface CalendarLabels {
  kind: string;
  goEarly(title: string): string;
  stayLate(title: string): string;
  roomOpensEarly(minutes: number): string;
  agenda: string;
  etiquette: string;
  notes: string;
}

export interface CalendarContext {
  /** Origin of the app, e.g. "https://rituals.example". */
  appUrl: string;
  labels: CalendarLabels;
}

export function uidDomain(appUrl: string): string {
  return new URL(appUrl).hostname;
}

/** A series' UID; a rotation's second and third start times are series of their own ("one invite per time"). */
function seriesUid(ritual: { id: string }, appUrl: string, turn = 0): string {
  return `ritual-${ritual.id}${turn > 0 ? `-turn${turn + 1}` : ""}@${uidDomain(appUrl)}`;
}

/** Which of a rotation's series a meeting of the ritual belongs to (0 when it does not rotate). */
function turnOfMeeting(ritual: Ritual, originalStart: number): number {
  return turnOn(ritual, Math.floor(ZoneOffsets.for(ritual.timeZone).toLocalMs(originalStart) / DAY));
}

/** The ritual's page: its next meetings, each with its note page. */
export function ritualPageUrl(ritual: CalendarRitual, appUrl: string): string {
  return new URL(`/teams/${ritual.teamId}/rituals/${ritual.id}`, appUrl).toString();
}

/** One meeting's note page. */
export function meetingPageUrl(
  ritual: Pick<CalendarRitual, "teamId" | "id">,
  originalStart: number,
  appUrl: string,
): string {
  return new URL(
    `/teams/${ritual.teamId}/rituals/${ritual.id}/meetings/${meetingKey(originalStart)}`,
    appUrl,
  ).toString();
}

/** The RRULE for a ritual, or null for a one-off. Weeks start on Monday, as the engine counts them. */
function ritualRRule(ritual: RecurrenceRule): string | null {
  if (ritual.frequency === "once") return null;
  const parts =
    ritual.frequency === "weekly"
      ? ["FREQ=WEEKLY", `INTERVAL=${ritual.interval}`, `BYDAY=${ritual.weekdays.map((d) => BYDAY[d - 1]).join(",")}`]
      : [
          "FREQ=MONTHLY",
          `INTERVAL=${ritual.interval}`,
          ritual.monthDay !== null
            ? `BYMONTHDAY=${ritual.monthDay}`
            : `BYDAY=${ritual.monthWeek}${BYDAY[(ritual.monthWeekday ?? 1) - 1]}`,
        ];
  parts.push("WKST=MO");
  if (ritual.count !== null) parts.push(`COUNT=${ritual.count}`);
  if (ritual.untilDate !== null) {
    // With a TZID on DTSTART, UNTIL must be UTC: the last second of the until-date in the ritual's zone.
    const zone = ZoneOffsets.for(ritual.timeZone);
    const endOfDay = localToInstant(zone, (dayFromIso(ritual.untilDate) + 1) * DAY).instant - 1000;
    parts.push(`UNTIL=${formatUtc(endOfDay)}`);
  }
  return parts.join(";");
}

/** Paragraphs of an event's description, the empty ones left out. */
export function description(lines: (string | null | undefined | false)[]): string {
  return lines.filter(Boolean).join("\n\n");
}

function teamDescription(ritual: CalendarRitual, context: CalendarContext, notesUrl: string): string {
  const { labels } = context;
  return description([
    ritual.agendaTemplate && `${labels.agenda}:\n${ritual.agendaTemplate}`,
    ritual.customer?.etiquetteNote && `${labels.etiquette}: ${ritual.customer.etiquetteNote}`,
    `${labels.notes}: ${notesUrl}`,
  ]);
}

/** A meeting's page shared with the customer: its date as they read it, and its address. */
export interface SharedNotesLink {
  date: string;
  url: string;
}

/** What a customer sees: the meeting, its agenda and etiquette, the room opening early, shared notes. Never buffers. */
function customerDescription(
  ritual: CalendarRitual,
  context: CalendarContext,
  sharedNotes: readonly SharedNotesLink[],
): string {
  const { labels } = context;
  return description([
    ritual.goEarlyMinutes > 0 && labels.roomOpensEarly(ritual.goEarlyMinutes),
    ritual.agendaTemplate && `${labels.agenda}:\n${ritual.agendaTemplate}`,
    ritual.customer?.etiquetteNote && `${labels.etiquette}: ${ritual.customer.etiquetteNote}`,
    sharedNotes.length > 0 && `${labels.notes}:\n${sharedNotes.map((link) => `${link.date}: ${link.url}`).join("\n")}`,
  ]);
}

/**
 * From the series' first meeting to its last; a series that never ends runs
 * as far as the time-zone database goes.
 */
function seriesSpan(ritual: CalendarRitual): TimeWindow {
  const from = (dayFromIso(ritual.startDate) - 2) * DAY;
  const open = { from, to: Date.UTC(ZONE_DATA_LAST_YEAR + 1, 0, 1) };
  if (ritual.untilDate !== null) return { from, to: (dayFromIso(ritual.untilDate) + 2) * DAY };
  if (ritual.count === null) return open;
  const last = expandValidRule(ritual, open).at(-1);
  return { from, to: (last?.end ?? from) + 2 * DAY };
}

/**
 * The meetings of the series whose times calendar apps would not get right on
 * their own, over its whole span: moved ones, and those a DST change touches
 * (starting in the gap or in the hour that happens twice, or lasting across it).
 */
function overrides(ritual: CalendarRitual, exceptions: readonly StoredException[], span: TimeWindow) {
  const sequences = new Map(exceptions.map((e) => [e.originalStart, e.sequence]));
  const movedTo = exceptions.flatMap((e) => (e.status === "moved" ? [e.start] : []));
  const window = { from: Math.min(span.from, ...movedTo), to: Math.max(span.to, ...movedTo.map((at) => at + DAY)) };
  const offsets = ZoneOffsets.for(ritual.timeZone);
  const acrossChange = (meeting: PlannedMeeting) =>
    offsets.offsetAt(meeting.start) !== offsets.offsetAt(meeting.end - 1);
  return expandValidRule(ritual, window, exceptions)
    .filter((meeting) => meeting.status === "moved" || meeting.adjustment !== null || acrossChange(meeting))
    .map((meeting) => ({ meeting, sequence: Math.max(ritual.sequence, sequences.get(meeting.originalStart) ?? 0) }));
}

interface SeriesOptions {
  /** The team's version leads to the ritual's page; the customer's has no team links. */
  audience: "team" | "customer";
  attendees: CalendarPerson[];
  organizer: CalendarPerson;
  description: string;
  alarmMinutesBefore: number;
  /** The whole series called off: the same events, cancelled, one version on. */
  cancelled?: boolean;
}

/**
 * A rotating series as calendar apps can hold it: one series per start time,
 * each every (turns x interval) periods from its own first meeting. A COUNT
 * becomes the date of the last meeting, which every one of them shares.
 */
function turnSeries(ritual: CalendarRitual): { turn: number; first: PlannedMeeting; rule: CalendarRitual }[] {
  const turns = turnsOf(ritual).length;
  const start = dayFromIso(ritual.startDate) * DAY;
  if (turns === 1) {
    const first = firstMeeting(ritual);
    return first ? [{ turn: 0, first, rule: ritual }] : [];
  }
  // Long enough to hold every turn's first meeting, and (under a COUNT) the last meeting of all.
  const reach = ritual.count === null ? (turns + 1) * ritual.interval * 32 * DAY : 100 * 366 * DAY;
  const meetings = expandValidRule(ritual, { from: start - 2 * DAY, to: start + reach });
  const untilDate = ritual.count === null ? ritual.untilDate : (meetings.at(-1)?.localDate ?? ritual.untilDate);
  const series = [];
  for (let turn = 0; turn < turns; turn++) {
    const first = meetings.find((meeting) => turnOfMeeting(ritual, meeting.originalStart) === turn);
    if (first)
      series.push({ turn, first, rule: { ...ritual, interval: ritual.interval * turns, count: null, untilDate } });
  }
  return series;
}

/** A series invite: its masters, the meetings they would get wrong, and VTIMEZONEs for its whole span. */
function seriesInvite(
  ritual: CalendarRitual,
  changes: SeriesChanges,
  context: CalendarContext,
  options: SeriesOptions,
): string {
  const span = seriesSpan(ritual);
  const events = seriesEvents(ritual, changes, context, options, span);
  return buildCalendar({
    method: options.cancelled ? "CANCEL" : "REQUEST",
    name: ritual.title,
    events: options.cancelled
      ? events.map((event) => ({
          ...event,
          status: "CANCELLED" as const,
          sequence: event.sequence + 1,
          alarmMinutesBefore: undefined,
        }))
      : events,
    coverUntilYear: new Date(span.to).getUTCFullYear(),
  });
}

function seriesEvents(
  ritual: CalendarRitual,
  changes: SeriesChanges,
  context: CalendarContext,
  options: SeriesOptions,
  span: TimeWindow,
): CalendarEvent[] {
  const zone = ritual.timeZone;
  const { exceptions } = changes;
  // A cancelled or restored meeting changes the series' EXDATEs, so the series' version rises with it.
  const sequence = Math.max(ritual.sequence, changes.sequence);
  const common = {
    title: ritual.title,
    description: options.description,
    location: ritual.videoUrl,
    ...(options.audience === "team"
      ? { url: ritualPageUrl(ritual, context.appUrl), categories: [context.labels.kind] }
      : {}),
    alarmMinutesBefore: options.alarmMinutesBefore,
    organizer: options.organizer,
    attendees: options.attendees,
    created: ritual.createdAt,
    lastModified: Math.max(ritual.updatedAt, changes.lastModified ?? 0),
  };
  if (ritual.frequency === "once") {
    // A one-off is its meeting as it stands: moved, or cancelled; in an hour that happens twice, in UTC.
    const first = firstMeeting(ritual);
    if (!first) return [];
    const [meeting = first] = expandValidRule(ritual, span, exceptions);
    const cancelled = exceptions.some((e) => e.status === "cancelled" && e.originalStart === first.originalStart);
    return [
      {
        ...common,
        uid: seriesUid(ritual, context.appUrl),
        start: inZone(zone, meeting.start),
        end: inZone(zone, meeting.end),
        sequence,
        status: cancelled ? "CANCELLED" : undefined,
      },
    ];
  }
  // The rule's own wall clock, even if the first meeting fell in a DST gap: calendar apps expand from it.
  const nominal = (originalStart: number) => ({ zone, local: nominalLocalTime(ritual, originalStart) });
  const uid = (originalStart: number) => seriesUid(ritual, context.appUrl, turnOfMeeting(ritual, originalStart));
  const masters = turnSeries(ritual).map(({ turn, first, rule }): CalendarEvent => ({
    ...common,
    uid: seriesUid(ritual, context.appUrl, turn),
    start: nominal(first.originalStart),
    end: { zone, local: nominal(first.originalStart).local + ritual.durationMinutes * MINUTE },
    rrule: ritualRRule(rule) ?? undefined,
    exdates: exceptions
      .filter((e) => e.status === "cancelled" && turnOfMeeting(ritual, e.originalStart) === turn)
      .map((e) => nominal(e.originalStart)),
    sequence,
  }));
  if (masters.length === 0) return [];
  const changed = overrides(ritual, exceptions, span).map(({ meeting, sequence }): CalendarEvent => ({
    ...common,
    uid: uid(meeting.originalStart),
    start: inZone(zone, meeting.start),
    end: inZone(zone, meeting.end),
    recurrenceId: nominal(meeting.originalStart),
    sequence,
  }));
  return [...masters, ...changed];
}

/** The series invite for the team: DTSTART;TZID + RRULE, EXDATEs, moved meetings, METHOD:REQUEST (or, called off, CANCEL). */
export function teamSeriesInvite(
  ritual: CalendarRitual,
  people: { attendees: Attendee[]; changes: SeriesChanges; viewerIsHost: boolean },
  context: CalendarContext,
  { cancelled = false } = {},
): string {
  const hosts = people.attendees.filter((a) => a.role === "host");
  return seriesInvite(ritual, people.changes, context, {
    audience: "team",
    attendees: people.attendees,
    organizer: hosts[0] ?? people.attendees[0]!,
    description: teamDescription(ritual, context, ritualPageUrl(ritual, context.appUrl)),
    // Hosts are reminded when it is time to go early.
    alarmMinutesBefore: people.viewerIsHost && ritual.goEarlyMinutes > 0 ? ritual.goEarlyMinutes : REMINDER_MINUTES,
    cancelled,
  });
}

/** The tea-time invite for the customer's contacts: the meeting itself, never the buffers or internal notes. */
export function customerSeriesInvite(
  ritual: CalendarRitual,
  people: {
    hosts: CalendarPerson[];
    contacts: CalendarPerson[];
    changes: SeriesChanges;
    /** The meetings' pages shared with the customer, newest first. */
    sharedNotes?: readonly SharedNotesLink[];
  },
  context: CalendarContext,
  { cancelled = false } = {},
): string {
  return seriesInvite(ritual, people.changes, context, {
    audience: "customer",
    attendees: [...people.hosts, ...people.contacts],
    organizer: people.hosts[0]!,
    description: customerDescription(ritual, context, people.sharedNotes ?? []),
    alarmMinutesBefore: REMINDER_MINUTES,
    cancelled,
  });
}

/**
 * One meeting of a series (or a one-off), as an invite or, when cancelled, as
 * a cancellation. The customer's version has their description and no team links.
 */
export function meetingFile(
  ritual: CalendarRitual,
  meeting: { originalStart: number; start: number; end: number; sequence: number; cancelled: boolean },
  people: { attendees: Attendee[]; contacts?: CalendarPerson[] },
  context: CalendarContext,
  audience: "team" | "customer" = "team",
): string {
  const hosts = people.attendees.filter((a) => a.role === "host");
  const zone = ritual.timeZone;
  const event: CalendarEvent = {
    uid: seriesUid(ritual, context.appUrl, turnOfMeeting(ritual, meeting.originalStart)),
    start: inZone(zone, meeting.start),
    end: inZone(zone, meeting.end),
    recurrenceId:
      ritual.frequency === "once" ? undefined : { zone, local: nominalLocalTime(ritual, meeting.originalStart) },
    title: ritual.title,
    description:
      audience === "customer"
        ? customerDescription(ritual, context, [])
        : teamDescription(ritual, context, meetingPageUrl(ritual, meeting.originalStart, context.appUrl)),
    location: ritual.videoUrl,
    ...(audience === "team"
      ? { url: meetingPageUrl(ritual, meeting.originalStart, context.appUrl), categories: [context.labels.kind] }
      : {}),
    alarmMinutesBefore: meeting.cancelled ? undefined : REMINDER_MINUTES,
    organizer: hosts[0] ?? people.attendees[0]!,
    attendees: audience === "customer" ? [...hosts, ...(people.contacts ?? [])] : people.attendees,
    sequence: Math.max(ritual.sequence, meeting.sequence),
    status: meeting.cancelled ? "CANCELLED" : "CONFIRMED",
    created: ritual.createdAt,
    lastModified: ritual.updatedAt,
  };
  return buildCalendar({ method: meeting.cancelled ? "CANCEL" : "REQUEST", events: [event] });
}
