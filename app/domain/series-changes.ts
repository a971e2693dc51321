import type { Ritual } from "./ritual";

/** One thing a series edit changed that the people on it should hear about, as the mail names it. */
export type SeriesChange =
  | { key: "title"; from: string }
  | { key: "time"; from: number; to: number; zone: string }
  | { key: "zone"; from: string; to: string }
  | { key: "length"; from: number; to: number }
  | { key: "days" }
  | { key: "place" };

/** What the rule's days are made of: any change to these moves meetings to other days. */
const dayFields = ["frequency", "interval", "weekdays", "monthDay", "monthWeek", "monthWeekday", "startDate"] as const;

/**
 * What changed between a ritual as it was and as it is, in the order a mail
 * says it: its name, its time (on the ritual's clock), its clock, its length,
 * its days, its call.
 */
export function seriesChanges(before: Ritual, after: Ritual): SeriesChange[] {
  const changes: SeriesChange[] = [];
  if (before.title !== after.title) changes.push({ key: "title", from: before.title });
  if (before.startMinutes !== after.startMinutes) {
    changes.push({ key: "time", from: before.startMinutes, to: after.startMinutes, zone: after.timeZone });
  }
  if (before.timeZone !== after.timeZone) changes.push({ key: "zone", from: before.timeZone, to: after.timeZone });
  if (before.durationMinutes !== after.durationMinutes) {
    changes.push({ key: "length", from: before.durationMinutes, to: after.durationMinutes });
  }
  if (dayFields.some((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]))) {
    changes.push({ key: "days" });
  }
  if (before.videoUrl !== after.videoUrl) changes.push({ key: "place" });
  return changes;
}
