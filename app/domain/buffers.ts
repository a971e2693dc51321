import type { Interval } from "./interval";
import { MINUTE } from "~/domain/durations";

export interface Buffers {
  goEarlyMinutes: number;
  stayLateMinutes: number;
}

export interface BufferedMeeting {
  meeting: Interval;
  /** Time before the start for small talk; null when the ritual has none. */
  goEarly: Interval | null;
  /** Time after the end for follow-up; null when the ritual has none. */
  stayLate: Interval | null;
  /** Everything a host's calendar is busy for: go early + meeting + stay late. */
  blocked: Interval;
}

export function withBuffers(meeting: Interval, { goEarlyMinutes, stayLateMinutes }: Buffers): BufferedMeeting {
  const early = goEarlyMinutes * MINUTE;
  const late = stayLateMinutes * MINUTE;
  return {
    meeting,
    goEarly: early > 0 ? { start: meeting.start - early, end: meeting.start } : null,
    stayLate: late > 0 ? { start: meeting.end, end: meeting.end + late } : null,
    blocked: { start: meeting.start - early, end: meeting.end + late },
  };
}

export type Role = "host" | "participant";

/** Buffers block the hosts' calendars only; everyone else is busy for the meeting itself. */
export function busyInterval(meeting: Interval, role: Role, buffers: Buffers): Interval {
  return role === "host" ? withBuffers(meeting, buffers).blocked : meeting;
}

export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}
