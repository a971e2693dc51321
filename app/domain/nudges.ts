/**
 * Be Responsive, by mail: when a person's daily digest goes out, and which
 * reminders it carries. Everything is judged on the person's own clock; each
 * reminder has a key, so it is given once (until its item changes).
 */
import { daysSilent, SILENT_DAYS, type FollowUpKind, type SilenceClock, type TrackedItem } from "./follow-ups";
import { dayFromIso, isoFromDay, localDateTime, localToday } from "./local-dates";

/** The digest goes out at this hour of the person's morning. */
export const DIGEST_HOUR = 8;

/** 08:00 on a local date in a zone, as an instant (on a day without 08:00, the first moment after the gap). */
export function digestTime(timeZone: string, localDate: string): number {
  return localDateTime(timeZone, localDate, DIGEST_HOUR * 60).instant;
}

/** The local date whose digest is due now: today from 08:00 on, else null (yesterday's was due then). */
export function digestDateDue(timeZone: string, now: number): string | null {
  const today = localToday(timeZone, now);
  return now >= digestTime(timeZone, today) ? today : null;
}

export type NudgeReason = "approval-due-tomorrow" | "overdue" | "silent";

export interface NudgedItem extends TrackedItem {
  id: string;
  kind: FollowUpKind;
  dueDate: string;
}

export interface Nudge {
  reason: NudgeReason;
  /** Once per recipient, item and occasion: a new due date or a new update arms it again. */
  key: string;
}

/**
 * The reminders an open item owes one recipient now, on the owner's clock:
 * an approval due tomorrow, an item past its due date, an item with no update
 * for a week (the owner's days off not counted). `silentOnly` is for the account owner of a customer-visible item.
 */
export function nudgesOwed(
  item: NudgedItem,
  recipientId: string,
  owner: SilenceClock,
  now: number,
  { silentOnly = false } = {},
): Nudge[] {
  if (item.status === "done") return [];
  const today = localToday(owner.timeZone, now);
  const nudges: Nudge[] = [];
  const key = (reason: NudgeReason, occasion: string | number) => `${reason}|${item.id}|${recipientId}|${occasion}`;
  if (!silentOnly && item.kind === "approval" && item.dueDate === isoFromDay(dayFromIso(today) + 1)) {
    nudges.push({ reason: "approval-due-tomorrow", key: key("approval-due-tomorrow", item.dueDate) });
  }
  if (!silentOnly && item.dueDate < today) nudges.push({ reason: "overdue", key: key("overdue", item.dueDate) });
  if (daysSilent(item, now, owner) >= SILENT_DAYS)
    nudges.push({ reason: "silent", key: key("silent", item.lastUpdatedAt) });
  return nudges;
}
