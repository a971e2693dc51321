import type { Buffers, Role } from "./buffers";
import { expandValidRule, turnOn, type PlannedMeeting, type RecurrenceRule } from "./recurrence";
import { dayFromIso } from "./local-dates";
import { localView, type LocalView, type Person } from "./working-hours";
import { ZoneOffsets } from "./zone-offsets";
import { DAY } from "~/domain/durations";

export interface PreviewPerson extends Person {
  role: Role;
}

export interface PreviewRow extends LocalView {
  role: Role;
  /** Minutes the local start moved since the previous meeting shown: a DST change somewhere. */
  shiftMinutes: number;
}

export interface PreviewMeeting extends PlannedMeeting {
  rows: PreviewRow[];
  /** Set on the meeting added to show the next clock change: which zone changes, and when. */
  clockChange: { timeZone: string; at: number } | null;
  /** A rotation's next turn starts here: the shift from the meeting before is the turn, not a clock. */
  turnChanged: boolean;
}

/** How far ahead the preview looks for meetings and for the next clock change. */
const LOOKAHEAD = 400 * DAY;

/** The smallest signed difference between two times of day, in minutes. */
function timeOfDayShift(now: number, before: number): number {
  return ((((now - before + 720) % 1440) + 1440) % 1440) - 720;
}

/** The first offset change after `from` in any of the zones. */
function nextClockChange(zones: readonly string[], from: number): { timeZone: string; at: number } | null {
  let next: { timeZone: string; at: number } | null = null;
  for (const timeZone of new Set(zones)) {
    const transition = ZoneOffsets.for(timeZone).transitionBetween(from, from + LOOKAHEAD);
    if (transition && (!next || transition.at < next.at)) next = { timeZone, at: transition.at };
  }
  return next;
}

/**
 * The next meetings of a rule as everyone sees them: local date and time, another
 * day, outside working hours. When a clock changes (in the ritual's zone or anyone's)
 * after the last meeting shown, the first meeting after the change is added too,
 * so a team sees now that Seoul's 17:30 becomes 16:30 in April.
 */
export function previewMeetings(
  rule: RecurrenceRule,
  buffers: Buffers,
  people: readonly PreviewPerson[],
  from: number,
  limit = 5,
): PreviewMeeting[] {
  const upcoming = expandValidRule(rule, { from, to: from + LOOKAHEAD }).filter((meeting) => meeting.start >= from);
  const shown: { meeting: PlannedMeeting; clockChange: PreviewMeeting["clockChange"] }[] = upcoming
    .slice(0, limit)
    .map((meeting) => ({ meeting, clockChange: null }));
  const last = shown.at(-1);
  if (last) {
    const change = nextClockChange([rule.timeZone, ...people.map((person) => person.timeZone)], last.meeting.start);
    const after = change && upcoming.find((meeting) => meeting.start >= change.at);
    if (change && after) shown.push({ meeting: after, clockChange: change });
  }
  let previous: PreviewRow[] | null = null;
  let previousTurn: number | null = null;
  return shown.map(({ meeting, clockChange }) => {
    const turn = turnOn(rule, dayFromIso(meeting.localDate));
    const turnChanged = previousTurn !== null && turn !== previousTurn;
    previousTurn = turn;
    const rows = people.map((person, index) => {
      const view = localView(meeting, person, person.role, buffers);
      const before = previous?.[index];
      const shiftMinutes = before ? timeOfDayShift(view.localStartMinutes, before.localStartMinutes) : 0;
      return { ...view, role: person.role, shiftMinutes };
    });
    previous = rows;
    return { ...meeting, rows, clockChange, turnChanged };
  });
}
