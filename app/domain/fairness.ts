import { busyInterval, type Buffers, type Role } from "./buffers";
import {
  expandValidRule,
  type Interval,
  type MeetingException,
  type RecurrenceRule,
  type TimeWindow,
} from "./recurrence";
import { timeOutsideWorkingHours, type Person } from "./working-hours";

/** How far ahead tallies look (meetings, or weeks for a whole team): a quarter, long enough for a rotation to even out. */
export const TALLY_MEETINGS = 12;

/** One person at one meeting. */
export interface Attendance {
  personId: string;
  role: Role;
  meeting: Interval;
  buffers: Buffers;
}

export interface FairnessEntry {
  personId: string;
  meetings: number;
  meetingsOutside: number;
  minutesOutside: number;
  /** Meetings that reach into the person's night, counted apart from early or late edges. */
  meetingsAtNight: number;
  minutesAtNight: number;
}

/**
 * For each person, how many of their meetings (with buffers, for hosts) fall
 * outside their working hours, and by how many minutes in all; and of those,
 * how many reach into their night.
 */
export function tallyOutsideHours(people: readonly Person[], attendances: readonly Attendance[]): FairnessEntry[] {
  const byId = new Map(people.map((person) => [person.id, person]));
  const tally = new Map(
    people.map((person) => [
      person.id,
      {
        personId: person.id,
        meetings: 0,
        meetingsOutside: 0,
        minutesOutside: 0,
        meetingsAtNight: 0,
        minutesAtNight: 0,
      },
    ]),
  );
  for (const attendance of attendances) {
    const person = byId.get(attendance.personId);
    const entry = tally.get(attendance.personId);
    if (!person || !entry) continue;
    const outside = timeOutsideWorkingHours(
      person,
      busyInterval(attendance.meeting, attendance.role, attendance.buffers),
    );
    entry.meetings++;
    if (outside.minutes > 0) {
      entry.meetingsOutside++;
      entry.minutesOutside += outside.minutes;
    }
    if (outside.atNight > 0) {
      entry.meetingsAtNight++;
      entry.minutesAtNight += outside.atNight;
    }
  }
  return [...tally.values()];
}

/** A ritual as the team-wide tally needs it: when it meets, its buffers and who comes in which role. */
export interface RitualAttendees {
  rule: RecurrenceRule;
  buffers: Buffers;
  exceptions?: readonly MeetingException[];
  attendees: { personId: string; role: Role }[];
  /** Who said they will not come to which meeting: they do not carry its hours. */
  declined?: readonly { originalStart: number; personId: string; start: number }[];
}

/** The tally over every ritual of a team in a window, e.g. the next N weeks. */
export function tallyForRituals(
  people: readonly Person[],
  rituals: readonly RitualAttendees[],
  window: TimeWindow,
): FairnessEntry[] {
  const attendances: Attendance[] = [];
  for (const ritual of rituals) {
    // An answer given before the meeting moved no longer counts.
    const declined = new Set(ritual.declined?.map((no) => `${no.originalStart}|${no.start}|${no.personId}`));
    for (const meeting of expandValidRule(ritual.rule, window, ritual.exceptions)) {
      for (const { personId, role } of ritual.attendees) {
        if (declined.has(`${meeting.originalStart}|${meeting.start}|${personId}`)) continue;
        attendances.push({ personId, role, meeting, buffers: ritual.buffers });
      }
    }
  }
  return tallyOutsideHours(people, attendances);
}
