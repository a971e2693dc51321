import { DateTime } from "luxon";
import { DAY } from "./durations";
import { expandValidRule, type PlannedMeeting, type RecurrenceRule } from "./recurrence";

/**
 * The meeting a series has on the local day of `instant`. A meeting's address
 * is the instant its rule gave it; a series edit that changes the time (not
 * the days) gives each meeting a new one on the same day, where an older
 * address then leads.
 */
export function meetingOnSameDay(rule: RecurrenceRule, instant: number): PlannedMeeting | undefined {
  const day = DateTime.fromMillis(instant, { zone: rule.timeZone }).toISODate();
  const sameDay = expandValidRule(rule, { from: instant - 2 * DAY, to: instant + 2 * DAY }).filter(
    (meeting) => meeting.localDate === day,
  );
  // A day with two meetings (a rotation's turns never share one) has no single answer.
  return sameDay.length === 1 ? sameDay[0] : undefined;
}
