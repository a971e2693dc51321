import { busyInterval, type Buffers, type Role } from "./buffers";
import type { Interval } from "./recurrence";
import { minutesOutsideWorkingHours, type Person } from "./working-hours";

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
}

/**
 * For each person, how many of their meetings (with buffers, for hosts) fall
 * outside their working hours, and by how many minutes in all.
 */
export function tallyOutsideHours(people: readonly Person[], attendances: readonly Attendance[]): FairnessEntry[] {
  const byId = new Map(people.map((person) => [person.id, person]));
  const tally = new Map(
    people.map((person) => [person.id, { personId: person.id, meetings: 0, meetingsOutside: 0, minutesOutside: 0 }]),
  );
  for (const attendance of attendances) {
    const person = byId.get(attendance.personId);
    const entry = tally.get(attendance.personId);
    if (!person || !entry) continue;
    const minutes = minutesOutsideWorkingHours(person, busyInterval(attendance.meeting, attendance.role, attendance.buffers));
    entry.meetings++;
    if (minutes > 0) {
      entry.meetingsOutside++;
      entry.minutesOutside += minutes;
    }
  }
  return [...tally.values()];
}
