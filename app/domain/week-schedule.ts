import { busyInterval, withBuffers, type Role } from "./buffers";
import { findConflicts, type CalendarEntry } from "./conflicts";
import type { RitualAttendees } from "./fairness";
import { dayFromIso, dayOfLocalMs, isoFromDay, isoWeekdayOf } from "./local-dates";
import {
  expandValidRule,
  type Interval,
  type PlannedMeeting,
  type StoredException,
  type TimeWindow,
} from "./recurrence";
import { localToInstant, ZoneOffsets } from "./zone-offsets";
import { DAY, MINUTE } from "~/domain/durations";

/** A ritual as the schedule needs it: when it meets, its buffers, its changed meetings and who comes. */
export interface ScheduledRitual extends RitualAttendees {
  id: string;
  exceptions: readonly StoredException[];
}

export interface WeekItem extends Interval {
  ritualId: string;
  /** The meeting's identity within its series. */
  originalStart: number;
  status: PlannedMeeting["status"] | "cancelled";
  adjustment: PlannedMeeting["adjustment"];
  /** The viewed person's role; null when the view is a whole zone rather than one person. */
  role: Role | null;
  /** Go-early and stay-late time, shown where the viewed person hosts (or on a zone view). */
  goEarly: Interval | null;
  stayLate: Interval | null;
  /** Minutes after local midnight in the view's zone, on the item's day. */
  startMinutes: number;
  endMinutes: number;
  /** Other meetings that overlap this one on the viewed person's calendar (buffers included for hosts). */
  conflictsWith: { ritualId: string; originalStart: number }[];
}

export interface WeekDay {
  date: string;
  isoWeekday: number;
  items: WeekItem[];
}

export interface WeekView {
  timeZone: string;
  /** A Monday, in the view's zone. */
  weekStart: string;
  /** One person's calendar, or null for every meeting of the team. */
  personId: string | null;
}

/** The Monday of the week a local date falls in. */
export function mondayOf(localDate: string): string {
  const day = dayFromIso(localDate);
  return isoFromDay(day - (isoWeekdayOf(day) - 1));
}

export function shiftWeek(weekStart: string, weeks: number): string {
  return isoFromDay(dayFromIso(weekStart) + 7 * weeks);
}

const itemKey = (ritualId: string, originalStart: number) => `${ritualId}@${originalStart}`;

/**
 * One week of meetings in a zone, day by day: for one person (their meetings,
 * their buffers where they host, their conflicts) or for the whole team.
 * Cancelled meetings stay visible, marked, so nobody wonders where they went.
 */
export function weekSchedule(view: WeekView, rituals: readonly ScheduledRitual[]): WeekDay[] {
  const zone = ZoneOffsets.for(view.timeZone);
  const firstDay = dayFromIso(view.weekStart);
  const window = {
    from: localToInstant(zone, firstDay * DAY).instant,
    to: localToInstant(zone, (firstDay + 7) * DAY).instant,
  };
  const items: WeekItem[] = [];
  const entries: CalendarEntry[] = [];
  for (const ritual of rituals) {
    const role = view.personId === null ? null : ritual.attendees.find((a) => a.personId === view.personId)?.role;
    if (role === undefined) continue;
    const showBuffers = role !== "participant";
    const add = (
      meeting: Interval & { originalStart: number },
      status: WeekItem["status"],
      adjustment: WeekItem["adjustment"],
    ) => {
      if (meeting.start < window.from || meeting.start >= window.to) return;
      const parts = withBuffers(meeting, ritual.buffers);
      const localStart = zone.toLocalMs(meeting.start);
      const startMinutes = Math.round((localStart - dayOfLocalMs(localStart) * DAY) / MINUTE);
      items.push({
        ritualId: ritual.id,
        originalStart: meeting.originalStart,
        start: meeting.start,
        end: meeting.end,
        status,
        adjustment,
        role,
        goEarly: showBuffers ? parts.goEarly : null,
        stayLate: showBuffers ? parts.stayLate : null,
        startMinutes,
        endMinutes: startMinutes + Math.round((meeting.end - meeting.start) / MINUTE),
        conflictsWith: [],
      });
      if (role !== null && status !== "cancelled") {
        entries.push({ id: itemKey(ritual.id, meeting.originalStart), role, meeting, buffers: ritual.buffers });
      }
    };
    for (const meeting of expandValidRule(ritual.rule, window, ritual.exceptions)) {
      add(meeting, meeting.status, meeting.adjustment);
    }
    for (const exception of ritual.exceptions) {
      if (exception.status !== "cancelled") continue;
      const start = exception.originalStart;
      add({ originalStart: start, start, end: start + ritual.rule.durationMinutes * MINUTE }, "cancelled", null);
    }
  }
  const byKey = new Map(items.map((item) => [itemKey(item.ritualId, item.originalStart), item]));
  for (const { first, second } of findConflicts(entries)) {
    const a = byKey.get(first.id)!;
    const b = byKey.get(second.id)!;
    a.conflictsWith.push({ ritualId: b.ritualId, originalStart: b.originalStart });
    b.conflictsWith.push({ ritualId: a.ritualId, originalStart: a.originalStart });
  }
  return Array.from({ length: 7 }, (_, index) => {
    const day = firstDay + index;
    return {
      date: isoFromDay(day),
      isoWeekday: isoWeekdayOf(day),
      items: items
        .filter((item) => dayOfLocalMs(zone.toLocalMs(item.start)) === day)
        .sort((a, b) => a.start - b.start || a.ritualId.localeCompare(b.ritualId)),
    };
  });
}

/**
 * What each person is already taken for in a window: every meeting of the
 * rituals (buffers included where they host), leaving out the ritual being edited.
 */
export function busyByPerson(
  rituals: readonly ScheduledRitual[],
  window: TimeWindow,
  exceptRitualId?: string,
): Map<string, Interval[]> {
  const busy = new Map<string, Interval[]>();
  for (const ritual of rituals) {
    if (ritual.id === exceptRitualId) continue;
    for (const meeting of expandValidRule(ritual.rule, window, ritual.exceptions)) {
      for (const { personId, role } of ritual.attendees) {
        const { start, end } = busyInterval(meeting, role, ritual.buffers);
        const taken = busy.get(personId) ?? [];
        taken.push({ start, end });
        busy.set(personId, taken);
      }
    }
  }
  return busy;
}

export interface UpcomingMeeting extends Interval {
  originalStart: number;
  status: WeekItem["status"];
}

/** A ritual's next meetings from an instant, cancelled ones included (marked). */
export function upcomingMeetings(
  ritual: Pick<ScheduledRitual, "rule" | "exceptions">,
  from: number,
  limit: number,
): UpcomingMeeting[] {
  const window = { from, to: from + 400 * DAY };
  const planned = expandValidRule(ritual.rule, window, ritual.exceptions).map(
    ({ originalStart, start, end, status }) => ({ originalStart, start, end, status }) as UpcomingMeeting,
  );
  const cancelled = ritual.exceptions
    .filter((e) => e.status === "cancelled" && e.originalStart + ritual.rule.durationMinutes * MINUTE > from)
    .map((e) => ({
      originalStart: e.originalStart,
      start: e.originalStart,
      end: e.originalStart + ritual.rule.durationMinutes * MINUTE,
      status: "cancelled" as const,
    }));
  return [...planned, ...cancelled].sort((a, b) => a.start - b.start).slice(0, limit);
}
