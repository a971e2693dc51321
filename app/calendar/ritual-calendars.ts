import { meetingKey } from "~/domain/meeting-key";
import { nominalLocalTime, type SeriesChanges } from "~/domain/recurrence";
import type { StoredRitual } from "~/domain/ritual";
import { buildCalendar, inZone, type CalendarEvent, type CalendarPerson } from "./calendar-file";
import { meetingPart, seriesEvents, seriesSpan, seriesUid, turnOfMeeting } from "./series";

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

/** Paragraphs of an event's description, the empty ones left out. */
export function description(lines: (string | null | undefined | false)[]): string {
  return lines.filter(Boolean).join("\n\n");
}

export function teamDescription(ritual: CalendarRitual, context: CalendarContext, notesUrl: string): string {
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

/** A series invite: its masters, the meetings they would get wrong, and VTIMEZONEs for its whole span. */
function seriesInvite(
  ritual: CalendarRitual,
  changes: SeriesChanges,
  context: CalendarContext,
  options: SeriesOptions,
): string {
  const span = seriesSpan(ritual);
  const part = meetingPart(ritual, {
    description: options.description,
    alarmMinutesBefore: options.alarmMinutesBefore,
  });
  const events = seriesEvents(ritual, changes, [part], span, context.appUrl, {
    ...(options.audience === "team"
      ? { url: ritualPageUrl(ritual, context.appUrl), categories: [context.labels.kind] }
      : {}),
    organizer: options.organizer,
    attendees: options.attendees,
  });
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
