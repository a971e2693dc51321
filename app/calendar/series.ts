/**
 * How a ritual is written as calendar series: one per rotation turn, with its
 * RRULE, EXDATEs and the overrides for the meetings calendar apps would place
 * wrong; each part of a meeting (the meeting, a host's go-early and stay-late
 * blocks) as series of its own. Invites and feeds are made of these.
 */
import { dayFromIso } from "~/domain/local-dates";
import {
  expandValidRule,
  firstMeeting,
  nominalLocalTime,
  turnOn,
  turnsOf,
  type Interval,
  type PlannedMeeting,
  type RecurrenceRule,
  type SeriesChanges,
  type StoredException,
  type TimeWindow,
} from "~/domain/recurrence";
import type { Ritual, StoredRitual } from "~/domain/ritual";
import { localToInstant, ZoneOffsets } from "~/domain/zone-offsets";
import { DAY, MINUTE } from "~/domain/durations";
import { inZone, type CalendarEvent, type EventTime } from "./calendar-file";
import { formatUtc } from "./rfc5545";
import { ZONE_DATA_LAST_YEAR } from "./vtimezone";

const BYDAY = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

function uidDomain(appUrl: string): string {
  return new URL(appUrl).hostname;
}

/** What a calendar shows of each meeting: the meeting itself or, on a host's own calendar, the block before or after it. */
export type PartName = "meeting" | "go-early" | "stay-late";

/**
 * A series' UID; a rotation's second and third start times are series of their
 * own ("one invite per time"), and so are a host's blocks around the meetings.
 */
export function seriesUid(ritual: { id: string }, appUrl: string, turn = 0, part: PartName = "meeting"): string {
  const turnSuffix = turn > 0 ? `-turn${turn + 1}` : "";
  return `ritual-${ritual.id}${turnSuffix}${part === "meeting" ? "" : `-${part}`}@${uidDomain(appUrl)}`;
}

/** The UID of one block written on its own, for the meeting the rule placed at `originalStart`. */
export function occurrenceUid(ritual: { id: string }, appUrl: string, originalStart: number, part: PartName): string {
  return `ritual-${ritual.id}-${formatUtc(originalStart)}-${part}@${uidDomain(appUrl)}`;
}

/** Which of a rotation's series a meeting of the ritual belongs to (0 when it does not rotate). */
export function turnOfMeeting(ritual: Ritual, originalStart: number): number {
  return turnOn(ritual, Math.floor(ZoneOffsets.for(ritual.timeZone).toLocalMs(originalStart) / DAY));
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

/**
 * From the series' first meeting to its last; a series that never ends runs
 * as far as the time-zone database goes.
 */
export function seriesSpan(ritual: StoredRitual): TimeWindow {
  const from = (dayFromIso(ritual.startDate) - 2) * DAY;
  const open = { from, to: Date.UTC(ZONE_DATA_LAST_YEAR + 1, 0, 1) };
  if (ritual.untilDate !== null) return { from, to: (dayFromIso(ritual.untilDate) + 2) * DAY };
  if (ritual.count === null) return open;
  const last = expandValidRule(ritual, open).at(-1);
  return { from, to: (last?.end ?? from) + 2 * DAY };
}

/** One part of every meeting, written as a series of its own. */
export interface SeriesPart {
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

export function meetingPart(
  ritual: StoredRitual,
  text: Pick<SeriesPart, "description" | "alarmMinutesBefore">,
): SeriesPart {
  const length = ritual.durationMinutes * MINUTE;
  return { name: "meeting", offset: 0, length, around: (meeting) => meeting, title: ritual.title, ...text };
}

/** A host's go-early and stay-late blocks: time around the meeting, not a second copy of it (no agenda, no reminder). */
export function blockParts(
  ritual: StoredRitual,
  labels: { goEarly(title: string): string; stayLate(title: string): string },
  description: string,
): SeriesPart[] {
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
function placedByRule(ritual: StoredRitual, part: SeriesPart, meeting: PlannedMeeting): boolean {
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
  ritual: StoredRitual,
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

/**
 * A rotating series as calendar apps can hold it: one series per start time,
 * each every (turns x interval) periods from its own first meeting. A COUNT
 * becomes the date of the last meeting, which every one of them shares.
 */
function turnSeries(ritual: StoredRitual): { turn: number; first: PlannedMeeting; rule: StoredRitual }[] {
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

/** What every event of a series says alike, whatever the part. */
type SharedFields = Pick<CalendarEvent, "url" | "categories" | "organizer" | "attendees">;

/** Each part as a series: its masters (one per rotation turn), EXDATEs, and the meetings apps would place wrong. */
export function seriesEvents(
  ritual: StoredRitual,
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
export function leavesTheDay(ritual: StoredRitual, part: SeriesPart): boolean {
  return turnsOf(ritual).some((minutes) => {
    const start = minutes * MINUTE + part.offset;
    return start < 0 || start >= DAY;
  });
}
