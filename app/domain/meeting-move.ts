import { z } from "zod";
import { clockTime } from "./clock";
import { localDate } from "./fields";
import { localDateTime } from "./local-dates";
import { expandValidRule, type Interval, type MeetingException } from "./recurrence";
import { busyInterval, overlaps } from "./buffers";
import { DAY } from "./durations";
import type { ScheduledRitual } from "./week-schedule";
import { hoursMark, type HoursMark, type Person } from "./working-hours";
import { isSkippedTime, meetingLength } from "./ritual";
import { validate, type Validated } from "./validation";

const moveSchema = z.object({ date: localDate, time: clockTime, durationMinutes: meetingLength });

/**
 * A new date and time for one meeting, typed as a wall-clock time in the
 * ritual's zone. A time that the zone skips that day is refused, not shifted:
 * the person moving the meeting should choose.
 */
export function parseMove(
  fields: Record<string, unknown>,
  timeZone: string,
  originalStart: number,
): Validated<Extract<MeetingException, { status: "moved" }>> {
  const checked = validate(moveSchema, fields);
  if (!checked.success) return checked;
  const { date, time, durationMinutes } = checked.data;
  if (isSkippedTime(timeZone, date, time)) return { success: false, errors: { time: "validation.timeSkipped" } };
  const { instant } = localDateTime(timeZone, date, time);
  return { success: true, data: { originalStart, status: "moved", start: instant, durationMinutes } };
}

/** What a moved meeting would be for one person: their hours, and their other meetings it lands on. */
export interface MoveCheck {
  personId: string;
  hours: HoursMark | null;
  /** The other rituals whose meetings (buffers included) it overlaps for them. */
  clashesWith: string[];
  /** Their own calendar has them busy then (buffers included for a host). */
  busyElsewhere: boolean;
}

/**
 * Everyone on a ritual at a meeting's new time, before it is moved: whose
 * night, day off or evening it lands in, and on whose other meetings, the
 * ritual's own others included (the meeting that moves, `originalStart`, aside),
 * and whose own calendars (`elsewhere`) have them busy then.
 */
export function checkMove(
  moved: Interval & { originalStart: number },
  ritual: Pick<ScheduledRitual, "id" | "buffers" | "attendees">,
  people: readonly Person[],
  rituals: readonly ScheduledRitual[],
  elsewhere: ReadonlyMap<string, readonly Interval[]> = new Map(),
): MoveCheck[] {
  const byId = new Map(people.map((person) => [person.id, person]));
  const window = { from: moved.start - DAY, to: moved.end + DAY };
  return ritual.attendees.flatMap(({ personId, role }) => {
    const person = byId.get(personId);
    if (!person) return [];
    const mine = busyInterval(moved, role, ritual.buffers);
    const clashesWith = rituals
      .filter((other) => {
        const place = other.attendees.find((attendee) => attendee.personId === personId);
        if (!place) return false;
        return expandValidRule(other.rule, window, other.exceptions).some((meeting) => {
          if (other.id === ritual.id && meeting.originalStart === moved.originalStart) return false;
          const theirs = busyInterval(meeting, place.role, other.buffers);
          return theirs.start < mine.end && mine.start < theirs.end;
        });
      })
      .map((other) => other.id);
    const busyElsewhere = (elsewhere.get(personId) ?? []).some((taken) => overlaps(taken, mine));
    return [{ personId, hours: hoursMark(person, mine), clashesWith, busyElsewhere }];
  });
}
