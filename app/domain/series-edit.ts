import { dayFromIso, isoWeekdayOf } from "./local-dates";
import { expandValidRule, type PlannedMeeting, type RecurrenceRule } from "./recurrence";
import { DAY } from "~/domain/durations";

/** A meeting row kept for a series: a change to it, or notes on it. */
export interface StoredMeeting {
  /** The instant the rule gave it: its identity within the series. */
  originalStart: number;
  /** "detached" meetings hold notes but are no longer part of the series. */
  status: "scheduled" | "moved" | "cancelled" | "detached";
  start: number;
  hasNotes: boolean;
}

export interface SeriesEdit<M extends StoredMeeting = StoredMeeting> {
  /** Stored meetings the new rule still meets on, with their identity under it (the same or a new one). */
  kept: { meeting: M; originalStart: number; plannedStart: number }[];
  /** Stored meetings the new rule has no counterpart for. */
  orphaned: M[];
}

/** The period an occurrence belongs to: its week (Monday first), its month, or the single date of a one-off. */
function periodOf(rule: RecurrenceRule, localDate: string): string {
  if (rule.frequency === "once") return "once";
  if (rule.frequency === "monthly") return localDate.slice(0, 7);
  const day = dayFromIso(localDate);
  return String(day - (isoWeekdayOf(day) - 1));
}

/** Each occurrence's place: its period and its number within that period. */
function places(rule: RecurrenceRule, meetings: readonly PlannedMeeting[]): string[] {
  const seen = new Map<string, number>();
  return meetings.map((meeting) => {
    const period = periodOf(rule, meeting.localDate);
    const number = seen.get(period) ?? 0;
    seen.set(period, number + 1);
    return `${period}#${number}`;
  });
}

/**
 * What happens to a series' stored meetings (moves, cancellations, notes) when
 * its rule changes. A meeting keeps its place when the new rule meets at the
 * same instant or on the same local date; otherwise it takes the occurrence
 * with the same number in the same week (or month): "Tuesdays and Thursdays"
 * becoming "Mondays and Wednesdays" moves Tuesday's notes to Monday. Otherwise
 * it is orphaned. No two meetings take one occurrence.
 */
export function planSeriesEdit<M extends StoredMeeting>(
  before: RecurrenceRule,
  after: RecurrenceRule,
  stored: readonly M[],
): SeriesEdit<M> {
  const inSeries = stored.filter((meeting) => meeting.status !== "detached");
  if (inSeries.length === 0) return { kept: [], orphaned: [] };
  const first = Math.min(dayFromIso(before.startDate), dayFromIso(after.startDate)) * DAY - 2 * DAY;
  const last = Math.max(...inSeries.map((meeting) => meeting.originalStart)) + 40 * DAY;
  const oldMeetings = expandValidRule(before, { from: first, to: last });
  const newMeetings = expandValidRule(after, { from: first, to: last });
  const oldPlaces = places(before, oldMeetings);
  const newPlaces = places(after, newMeetings);
  const oldByStart = new Map(oldMeetings.map((meeting, index) => [meeting.originalStart, index]));
  const claimed = new Set<number>();
  const claim = (index: number) => {
    claimed.add(index);
    const planned = newMeetings[index]!;
    return { originalStart: planned.originalStart, plannedStart: planned.start };
  };
  const free = (test: (index: number) => boolean) =>
    newMeetings.findIndex((_, index) => !claimed.has(index) && test(index));

  const kept: SeriesEdit<M>["kept"] = [];
  const unmatched: M[] = [];
  // Exact matches first, so a meeting that keeps its time is never taken by a neighbour.
  for (const meeting of inSeries) {
    const same = free((index) => newMeetings[index]!.originalStart === meeting.originalStart);
    if (same >= 0) kept.push({ meeting, ...claim(same) });
    else unmatched.push(meeting);
  }
  const orphaned: M[] = [];
  for (const meeting of unmatched) {
    const old = oldByStart.get(meeting.originalStart);
    const sameDate =
      old === undefined ? -1 : free((index) => newMeetings[index]!.localDate === oldMeetings[old]!.localDate);
    const samePlace = old === undefined ? -1 : free((index) => newPlaces[index] === oldPlaces[old]);
    const match = sameDate >= 0 ? sameDate : samePlace;
    if (match >= 0) kept.push({ meeting, ...claim(match) });
    else orphaned.push(meeting);
  }
  return { kept, orphaned };
}
