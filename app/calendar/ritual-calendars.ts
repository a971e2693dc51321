import { meetingKey } from "~/domain/meeting-key";
import { dayFromIso } from "~/domain/local-dates";
import {
  expandValidRule,
  firstMeeting,
  nominalLocalTime,
  turnOn,
  type RecurrenceRule,
  turnsOf,
  type Interval,
  type PlannedMeeting,
  type SeriesChanges,
  type StoredException,
  type TimeWindow,
} from "~/domain/recurrence";
import type { Ritual, StoredRitual } from "~/domain/ritual";
import { localToInstant, ZoneOffsets } from "~/domain/zone-offsets";
import { buildCalendar, inZone, type CalendarEvent, type CalendarPerson, type EventTime } from "./calendar-file";
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

/** What a calendar shows of each meeting: the meeting itself or, on a host's own calendar, the block before or after it. */
type PartName = "meeting" | "go-early" | "stay-late";

/**
 * A series' UID; a rotation's second and third start times are series of their
 * own ("one invite per time"), and so are a host's blocks around the meetings.
 */
function seriesUid(ritual: { id: string }, appUrl: string, turn = 0, part: PartName = "meeting"): string {
  const turnSuffix = turn > 0 ? `-turn${turn + 1}` : "";
  return `ritual-${ritual.id}${turnSuffix}${part === "meeting" ? "" : `-${part}`}@${uidDomain(appUrl)}`;
}

/** The UID of one block written on its own, for the meeting the rule placed at `originalStart`. */
function occurrenceUid(ritual: { id: string }, appUrl: string, originalStart: number, part: PartName): string {
  return `ritual-${ritual.id}-${formatUtc(originalStart)}-${part}@${uidDomain(appUrl)}`;
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
export function seriesSpan(ritual: CalendarRitual): TimeWindow {
  const from = (dayFromIso(ritual.startDate) - 2) * DAY;
  const open = { from, to: Date.UTC(ZONE_DATA_LAST_YEAR + 1, 0, 1) };
  if (ritual.untilDate !== null) return { from, to: (dayFromIso(ritual.untilDate) + 2) * DAY };
  if (ritual.count === null) return open;
  const last = expandValidRule(ritual, open).at(-1);
  return { from, to: (last?.end ?? from) + 2 * DAY };
}

/** One part of every meeting, written as a series of its own. */
interface SeriesPart {
  name: PartName;
  /** Its start from the meeting's wall-clock start, and its length: what the series' DTSTART and DTEND say. */
  offset: number;
  length: number;
  /** The part of a meeting as it really is (a moved meeting takes its blocks along). */
  around(meeting: Interval): Interval;
  title: string;
  description: string;
  alarmMinutesBefore?: number;
}

function meetingPart(ritual: CalendarRitual, text: Pick<SeriesPart, "description" | "alarmMinutesBefore">): SeriesPart {
  const length = ritual.durationMinutes * MINUTE;
  return { name: "meeting", offset: 0, length, around: (meeting) => meeting, title: ritual.title, ...text };
}

/** A host's go-early and stay-late blocks: time around the meeting, not a second copy of it (no agenda, no reminder). */
function blockParts(ritual: CalendarRitual, labels: CalendarLabels, description: string): SeriesPart[] {
  const early = ritual.goEarlyMinutes * MINUTE;
  const late = ritual.stayLateMinutes * MINUTE;
  const parts: SeriesPart[] = [];
  if (early > 0) {
    const around = (meeting: Interval) => ({ start: meeting.start - early, end: meeting.start });
    parts.push({
      name: "go-early",
      offset: -early,
      length: early,
      around,
      title: labels.goEarly(ritual.title),
      description,
    });
  }
  if (late > 0) {
    const around = (meeting: Interval) => ({ start: meeting.end, end: meeting.end + late });
    const offset = ritual.durationMinutes * MINUTE;
    parts.push({ name: "stay-late", offset, length: late, around, title: labels.stayLate(ritual.title), description });
  }
  return parts;
}

/**
 * Whether a calendar app expanding the part's series from its wall-clock rule
 * puts this meeting's part where it really is: not where the rule's time falls
 * in a DST gap or repeated hour, nor across a change (where DTEND's wall clock
 * gives another length).
 */
function placedByRule(ritual: CalendarRitual, part: SeriesPart, meeting: PlannedMeeting): boolean {
  const offsets = ZoneOffsets.for(ritual.timeZone);
  const actual = part.around(meeting);
  const byRule = localToInstant(offsets, nominalLocalTime(ritual, meeting.originalStart) + part.offset);
  return (
    byRule.adjustment === null &&
    byRule.instant === actual.start &&
    actual.end - actual.start === part.length &&
    offsets.offsetAt(actual.start) === offsets.offsetAt(actual.end - 1)
  );
}

/**
 * The meetings of the series whose parts calendar apps would not place right on
 * their own, over its whole span: moved ones, and those a DST change touches.
 * Only meetings within two days of a change can be touched, so only those are looked at.
 */
function overrides(
  ritual: CalendarRitual,
  exceptions: readonly StoredException[],
  span: TimeWindow,
  parts: readonly SeriesPart[],
) {
  const sequences = new Map(exceptions.map((e) => [e.originalStart, e.sequence]));
  const nearby = new Map<number, PlannedMeeting>();
  const look = (window: TimeWindow) => {
    for (const meeting of expandValidRule(ritual, window, exceptions)) nearby.set(meeting.originalStart, meeting);
  };
  for (const change of ZoneOffsets.for(ritual.timeZone).transitionsBetween(span.from, span.to)) {
    look({ from: change.at - 2 * DAY, to: change.at + 2 * DAY });
  }
  for (const exception of exceptions) {
    if (exception.status === "moved") look({ from: exception.start, to: exception.start + 1 });
  }
  return [...nearby.values()]
    .filter((meeting) => meeting.status === "moved" || parts.some((part) => !placedByRule(ritual, part, meeting)))
    .sort((a, b) => a.start - b.start)
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

/** What every event of a series says alike, whatever the part. */
type SharedFields = Pick<CalendarEvent, "url" | "categories" | "organizer" | "attendees">;

/** Each part as a series: its masters (one per rotation turn), EXDATEs, and the meetings apps would place wrong. */
function seriesEvents(
  ritual: CalendarRitual,
  changes: SeriesChanges,
  parts: readonly SeriesPart[],
  span: TimeWindow,
  appUrl: string,
  shared: SharedFields,
): CalendarEvent[] {
  const zone = ritual.timeZone;
  const { exceptions } = changes;
  // A cancelled or restored meeting changes the series' EXDATEs, so the series' version rises with it.
  const sequence = Math.max(ritual.sequence, changes.sequence);
  const common = (part: SeriesPart) => ({
    ...shared,
    title: part.title,
    description: part.description,
    alarmMinutesBefore: part.alarmMinutesBefore,
    location: ritual.videoUrl,
    created: ritual.createdAt,
    lastModified: Math.max(ritual.updatedAt, changes.lastModified ?? 0),
    sequence,
  });
  if (ritual.frequency === "once") {
    // A one-off is its meeting as it stands: moved, or cancelled (its blocks then gone); in an hour that happens twice, in UTC.
    const first = firstMeeting(ritual);
    if (!first) return [];
    const [meeting = first] = expandValidRule(ritual, span, exceptions);
    const cancelled = exceptions.some((e) => e.status === "cancelled" && e.originalStart === first.originalStart);
    return parts
      .filter((part) => !cancelled || part.name === "meeting")
      .map((part) => {
        const actual = part.around(meeting);
        return {
          ...common(part),
          uid: seriesUid(ritual, appUrl, 0, part.name),
          start: inZone(zone, actual.start),
          end: inZone(zone, actual.end),
          status: cancelled ? ("CANCELLED" as const) : undefined,
        };
      });
  }
  const turns = turnSeries(ritual);
  if (turns.length === 0) return [];
  const changed = overrides(ritual, exceptions, span, parts);
  return parts.flatMap((part) => {
    // The rule's own wall clock, even if a meeting fell in a DST gap: calendar apps expand from it.
    const byRule = (originalStart: number): Extract<EventTime, { zone: string }> => ({
      zone,
      local: nominalLocalTime(ritual, originalStart) + part.offset,
    });
    const masters = turns.map(({ turn, first, rule }): CalendarEvent => {
      const start = byRule(first.originalStart);
      return {
        ...common(part),
        uid: seriesUid(ritual, appUrl, turn, part.name),
        start,
        end: { zone, local: start.local + part.length },
        rrule: ritualRRule(rule) ?? undefined,
        exdates: exceptions
          .filter((e) => e.status === "cancelled" && turnOfMeeting(ritual, e.originalStart) === turn)
          .map((e) => byRule(e.originalStart)),
      };
    });
    const moved = changed.map(({ meeting, sequence }): CalendarEvent => {
      const actual = part.around(meeting);
      return {
        ...common(part),
        uid: seriesUid(ritual, appUrl, turnOfMeeting(ritual, meeting.originalStart), part.name),
        start: inZone(zone, actual.start),
        end: inZone(zone, actual.end),
        recurrenceId: byRule(meeting.originalStart),
        sequence,
      };
    });
    return [...masters, ...moved];
  });
}

/**
 * Whether a part begins on another day than its meeting (a go-early block before
 * a meeting just after midnight): then the meeting's weekdays are not its own.
 */
function leavesTheDay(ritual: CalendarRitual, part: SeriesPart): boolean {
  return turnsOf(ritual).some((minutes) => {
    const start = minutes * MINUTE + part.offset;
    return start < 0 || start >= DAY;
  });
}

/**
 * One ritual in a member's subscription feed: the team's series as its invite
 * writes it (the same UIDs, so a calendar that somehow gets both keeps one
 * copy), without the people; for a host, the go-early and stay-late blocks as
 * series of their own. A block on another day than its meeting cannot share the
 * meeting's rule, so it is written one event per meeting within `window`.
 */
export function feedEvents(
  ritual: CalendarRitual,
  changes: SeriesChanges,
  role: "host" | "participant",
  context: CalendarContext,
  { window, span }: { window: TimeWindow; span: TimeWindow },
): CalendarEvent[] {
  const { appUrl, labels } = context;
  const pageUrl = ritualPageUrl(ritual, appUrl);
  const hosting = role === "host";
  const meeting = meetingPart(ritual, {
    description: teamDescription(ritual, context, pageUrl),
    // Hosts are reminded when it is time to go early.
    alarmMinutesBefore: hosting && ritual.goEarlyMinutes > 0 ? ritual.goEarlyMinutes : REMINDER_MINUTES,
  });
  const blocks = hosting ? blockParts(ritual, labels, `${labels.notes}: ${pageUrl}`) : [];
  const apart = ritual.frequency === "once" ? [] : blocks.filter((part) => leavesTheDay(ritual, part));
  const shared = { url: pageUrl, categories: [labels.kind] };
  const series = seriesEvents(
    ritual,
    changes,
    [meeting, ...blocks.filter((part) => !apart.includes(part))],
    span,
    appUrl,
    shared,
  );
  const single = apart.flatMap((part) =>
    expandValidRule(ritual, window, changes.exceptions).map((planned): CalendarEvent => {
      const actual = part.around(planned);
      return {
        ...shared,
        uid: occurrenceUid(ritual, appUrl, planned.originalStart, part.name),
        start: { utc: actual.start },
        end: { utc: actual.end },
        title: part.title,
        description: part.description,
        location: ritual.videoUrl,
        sequence: Math.max(ritual.sequence, changes.sequence),
        lastModified: Math.max(ritual.updatedAt, changes.lastModified ?? 0),
      };
    }),
  );
  return [...series, ...single];
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
