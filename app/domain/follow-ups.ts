import { dayFromIso, isoFromDay, isoWeekdayOf, localToday } from "./local-dates";
import { DAY } from "~/domain/durations";

/** Approvals are answered within a working day; everything else within a week (PRACTICES.md, Be Responsive). */
export const FOLLOW_UP_KINDS = ["action", "approval"] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

/** Days without an update after which an open item is "waiting on us". */
export const SILENT_DAYS = 7;
const DEFAULT_ACTION_DAYS = 7;

/** Whose clock a due date is read on: the owner's zone and working days. */
export interface DueClock {
  timeZone: string;
  workDays: number[];
  /** Local dates that are days off whatever the weekday (public holidays). */
  holidays?: ReadonlySet<string>;
}

/**
 * The due date a new item gets, as a date in its owner's zone: the next
 * working day for an approval; for anything else a week from today, or the
 * owner's last working day before that when it falls on a day off.
 */
export function defaultDueDate(kind: FollowUpKind, owner: DueClock, now: number): string {
  const today = dayFromIso(localToday(owner.timeZone, now));
  const workDays = owner.workDays.length > 0 ? owner.workDays : [1, 2, 3, 4, 5];
  const working = (day: number) => workDays.includes(isoWeekdayOf(day)) && !owner.holidays?.has(isoFromDay(day));
  if (kind === "action") {
    let day = today + DEFAULT_ACTION_DAYS;
    while (day > today + 1 && !working(day)) day--;
    // A week of holidays (Seollal after a weekend): the first working day after it instead.
    if (!working(day)) day = today + DEFAULT_ACTION_DAYS;
    while (!working(day)) day++;
    return isoFromDay(day);
  }
  let day = today + 1;
  while (!working(day)) day++;
  return isoFromDay(day);
}

export type Urgency = "done" | "overdue" | "due-today" | "silent" | "this-week" | "later";

/** The order the follow-ups board shows its groups in: the loudest first. */
export const URGENCY_ORDER: Urgency[] = ["overdue", "due-today", "silent", "this-week", "later", "done"];

export interface TrackedItem {
  status: "open" | "done";
  /** Local date in the owner's zone; null for questions, which have none. */
  dueDate: string | null;
  lastUpdatedAt: number;
}

/** Whose days off do not count towards an item's silence: its owner's, on their own calendar. */
export type SilenceClock = Pick<DueClock, "timeZone" | "holidays">;

/**
 * Whole days since the item was last updated, less the owner's days off
 * since (public holidays, the team's days off, time away): a week of
 * Seollal is no week of silence.
 */
export function daysSilent(item: Pick<TrackedItem, "lastUpdatedAt">, now: number, owner?: SilenceClock): number {
  const days = Math.floor((now - item.lastUpdatedAt) / DAY);
  if (!owner?.holidays?.size) return days;
  const updated = dayFromIso(localToday(owner.timeZone, item.lastUpdatedAt));
  const today = dayFromIso(localToday(owner.timeZone, now));
  let off = 0;
  for (let day = updated + 1; day <= today; day++) if (owner.holidays.has(isoFromDay(day))) off++;
  return Math.max(0, days - off);
}

/**
 * How loud an item is, judged on its owner's clock: past its due date is
 * overdue (from the owner's midnight on), then due today, then silent for a
 * week ("waiting on us"), then due within the next seven days, then later.
 */
export function urgencyOf(item: TrackedItem, owner: SilenceClock, now: number): Urgency {
  if (item.status === "done") return "done";
  const today = localToday(owner.timeZone, now);
  if (item.dueDate !== null && item.dueDate < today) return "overdue";
  if (item.dueDate === today) return "due-today";
  if (daysSilent(item, now, owner) >= SILENT_DAYS) return "silent";
  if (item.dueDate !== null && dayFromIso(item.dueDate) - dayFromIso(today) <= 7) return "this-week";
  return "later";
}
