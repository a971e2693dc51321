import { meetingKey } from "~/domain/meeting-key";
import { withBuffers } from "~/domain/buffers";
import { dayFromIso } from "~/domain/local-dates";
import {
  expandValidRule,
  firstMeeting,
  nominalLocalTime,
  turnOn,
  type RecurrenceRule,
  turnsOf,
  type PlannedMeeting,
  type StoredException,
  type TimeWindow,
} from "~/domain/recurrence";
import type { Ritual, StoredRitual } from "~/domain/ritual";
import { DAY, localToInstant, ZoneOffsets } from "~/domain/zone-offsets";
import { buildCalendar, inZone, type CalendarEvent, type CalendarPerson } from "./calendar-file";
import { formatUtc } from "./rfc5545";

const MINUTE = 60_000;
const BYDAY = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
const REMINDER_MINUTES = 10;

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

function uidDomain(appUrl: string): string {
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
function ritualPageUrl(ritual: CalendarRitual, appUrl: string): string {
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

function description(lines: (string | null | undefined | false)[]): string {
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
 * The meetings of the series whose times calendar apps would not get right on
 * their own: moved ones, and those on DST switch days (in the gap, or twice).
 */
function overrides(ritual: CalendarRitual, exceptions: readonly StoredException[], window: TimeWindow) {
  const sequences = new Map(exceptions.map((e) => [e.originalStart, e.sequence]));
  return expandValidRule(ritual, window, exceptions)
    .filter((meeting) => meeting.status === "moved" || meeting.adjustment !== null)
    .map((meeting) => ({ meeting, sequence: Math.max(ritual.sequence, sequences.get(meeting.originalStart) ?? 0) }));
}

interface SeriesOptions {
  attendees: CalendarPerson[];
  organizer: CalendarPerson;
  description: string;
  alarmMinutesBefore: number;
  /** How far ahead to look for meetings that need their own VEVENT. */
  window: TimeWindow;
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

function seriesEvents(
  ritual: CalendarRitual,
  exceptions: readonly StoredException[],
  context: CalendarContext,
  options: SeriesOptions,
): CalendarEvent[] {
  const zone = ritual.timeZone;
  // The rule's own wall clock, even if the first meeting fell in a DST gap: calendar apps expand from it.
  const nominal = (originalStart: number) => ({ zone, local: nominalLocalTime(ritual, originalStart) });
  const common = {
    title: ritual.title,
    description: options.description,
    location: ritual.videoUrl,
    url: ritualPageUrl(ritual, context.appUrl),
    categories: [context.labels.kind],
    alarmMinutesBefore: options.alarmMinutesBefore,
    organizer: options.organizer,
    attendees: options.attendees,
    created: ritual.createdAt,
    lastModified: ritual.updatedAt,
  };
  const uid = (originalStart: number) => seriesUid(ritual, context.appUrl, turnOfMeeting(ritual, originalStart));
  const masters = turnSeries(ritual).map(({ turn, first, rule }): CalendarEvent => {
    const firstStart = nominal(first.originalStart);
    return {
      ...common,
      uid: seriesUid(ritual, context.appUrl, turn),
      start: firstStart,
      end: { zone, local: firstStart.local + ritual.durationMinutes * MINUTE },
      rrule: ritualRRule(rule) ?? undefined,
      exdates: exceptions
        .filter((e) => e.status === "cancelled" && turnOfMeeting(ritual, e.originalStart) === turn)
        .map((e) => nominal(e.originalStart)),
      sequence: ritual.sequence,
    };
  });
  if (masters.length === 0) return [];
  const changed = overrides(ritual, exceptions, options.window).map(({ meeting, sequence }): CalendarEvent => ({
    ...common,
    uid: uid(meeting.originalStart),
    start: inZone(zone, meeting.start),
    end: inZone(zone, meeting.end),
    recurrenceId: nominal(meeting.originalStart),
    sequence,
  }));
  return [...masters, ...changed];
}

function yearsOf(ritual: CalendarRitual, window: TimeWindow) {
  return {
    from: new Date(dayFromIso(ritual.startDate) * DAY).getUTCFullYear() - 1,
    to: new Date(window.to).getUTCFullYear(),
  };
}

/** The series invite for the team: DTSTART;TZID + RRULE, EXDATEs, moved meetings, METHOD:REQUEST. */
export function teamSeriesInvite(
  ritual: CalendarRitual,
  people: { attendees: Attendee[]; exceptions: readonly StoredException[]; viewerIsHost: boolean; window: TimeWindow },
  context: CalendarContext,
): string {
  const hosts = people.attendees.filter((a) => a.role === "host");
  const events = seriesEvents(ritual, people.exceptions, context, {
    attendees: people.attendees,
    organizer: hosts[0] ?? people.attendees[0]!,
    description: teamDescription(ritual, context, ritualPageUrl(ritual, context.appUrl)),
    // Hosts are reminded when it is time to go early.
    alarmMinutesBefore: people.viewerIsHost && ritual.goEarlyMinutes > 0 ? ritual.goEarlyMinutes : REMINDER_MINUTES,
    window: people.window,
  });
  return buildCalendar({ method: "REQUEST", name: ritual.title, events, years: yearsOf(ritual, people.window) });
}

/** The tea-time invite for the customer's contacts: the meeting itself, never the buffers or internal notes. */
export function customerSeriesInvite(
  ritual: CalendarRitual,
  people: {
    hosts: CalendarPerson[];
    contacts: CalendarPerson[];
    exceptions: readonly StoredException[];
    window: TimeWindow;
    /** The meetings' pages shared with the customer, newest first. */
    sharedNotes?: readonly SharedNotesLink[];
  },
  context: CalendarContext,
): string {
  const events = seriesEvents(ritual, people.exceptions, context, {
    attendees: [...people.hosts, ...people.contacts],
    organizer: people.hosts[0]!,
    description: customerDescription(ritual, context, people.sharedNotes ?? []),
    alarmMinutesBefore: REMINDER_MINUTES,
    window: people.window,
  }).map(({ url: _url, categories: _categories, ...event }) => event);
  return buildCalendar({ method: "REQUEST", name: ritual.title, events, years: yearsOf(ritual, people.window) });
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

/** One ritual as seen from one member's feed. */
export interface FeedRitual {
  ritual: CalendarRitual;
  role: "host" | "participant";
  exceptions: readonly StoredException[];
  labels: CalendarLabels;
}

function occurrenceUid(ritual: CalendarRitual, meeting: PlannedMeeting, appUrl: string, part = ""): string {
  return `ritual-${ritual.id}-${formatUtc(meeting.originalStart)}${part}@${uidDomain(appUrl)}`;
}

/**
 * A member's subscription feed: each meeting they attend in the window and, where
 * they host, their own "Go early" and "Stay late" blocks. Times in UTC, so
 * every client shows them in its own zone.
 */
export function memberFeed(name: string, rituals: readonly FeedRitual[], window: TimeWindow, appUrl: string): string {
  const events: CalendarEvent[] = [];
  for (const { ritual, role, exceptions, labels } of rituals) {
    const sequences = new Map(exceptions.map((e) => [e.originalStart, e.sequence]));
    for (const meeting of expandValidRule(ritual, window, exceptions)) {
      const sequence = Math.max(ritual.sequence, sequences.get(meeting.originalStart) ?? 0);
      const base = {
        description: description([
          ritual.agendaTemplate && `${labels.agenda}:\n${ritual.agendaTemplate}`,
          `${labels.notes}: ${ritualPageUrl(ritual, appUrl)}`,
        ]),
        location: ritual.videoUrl,
        url: ritualPageUrl(ritual, appUrl),
        categories: [labels.kind],
        sequence,
        lastModified: ritual.updatedAt,
      };
      const hosting = role === "host";
      events.push({
        ...base,
        uid: occurrenceUid(ritual, meeting, appUrl),
        templateKey: `${ritual.id}|meeting|${sequence}`,
        start: { utc: meeting.start },
        end: { utc: meeting.end },
        title: ritual.title,
        alarmMinutesBefore: hosting && ritual.goEarlyMinutes > 0 ? ritual.goEarlyMinutes : REMINDER_MINUTES,
      });
      if (!hosting) continue;
      const { goEarly, stayLate } = withBuffers(meeting, ritual);
      const blocks = [
        ["go-early", goEarly, labels.goEarly],
        ["stay-late", stayLate, labels.stayLate],
      ] as const;
      for (const [part, interval, label] of blocks) {
        if (!interval) continue;
        events.push({
          ...base,
          uid: occurrenceUid(ritual, meeting, appUrl, `-${part}`),
          templateKey: `${ritual.id}|${part}|${sequence}`,
          start: { utc: interval.start },
          end: { utc: interval.end },
          title: label(ritual.title),
        });
      }
    }
  }
  const utcStart = (event: CalendarEvent) => ("utc" in event.start ? event.start.utc : 0);
  events.sort((a, b) => utcStart(a) - utcStart(b));
  return buildCalendar({ method: "PUBLISH", name, events });
}
