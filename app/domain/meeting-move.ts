import { z } from "zod";
import { clockTime } from "./clock";
import { localDate } from "./fields";
import { localDateTime } from "./local-dates";
import type { MeetingException } from "./recurrence";
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
