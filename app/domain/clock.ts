import { z } from "zod";

/** "HH:mm" on a 24-hour clock; "24:00" only where a day's end is meant. */
const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** "HH:mm" as minutes after midnight, or null when it is not a time of day. */
export function clockToMinutes(clock: string): number | null {
  if (clock === "24:00") return 1440;
  const match = CLOCK.exec(clock);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

export function minutesToClock(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  return `${String(hours).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** A local time of day, read as minutes after midnight. */
export const clockTime = z
  .string({ required_error: "validation.timeRequired" })
  .trim()
  .refine((value) => CLOCK.test(value), "validation.timeInvalid")
  .transform((value) => clockToMinutes(value) as number);

/** ISO weekdays: 1 = Monday ... 7 = Sunday. */
export const isoWeekday = z.coerce.number().int().min(1).max(7);

export function parseWeekdayList(stored: string): number[] {
  return stored
    .split(",")
    .filter(Boolean)
    .map(Number)
    .filter((day) => Number.isInteger(day) && day >= 1 && day <= 7);
}

export function formatWeekdayList(days: readonly number[]): string {
  return [...new Set(days)].sort((a, b) => a - b).join(",");
}
