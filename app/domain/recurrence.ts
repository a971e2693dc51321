import { z } from "zod";
import { dayFromIso, daysInMonth, isoFromDay, isoWeekdayOf, type DayNumber } from "./local-dates";
import type { Interval, TimeWindow } from "./interval";
import type { Frequency } from "./ritual-kinds";
import { isValidTimeZone } from "./time-zones";
import { validate, type FieldErrors, type Validated } from "./validation";
import { localToInstant, ZoneOffsets, type LocalAdjustment } from "./zone-offsets";
import { DAY, MINUTE } from "~/domain/durations";

/**
 * The parts of a ritual that decide when it meets. A rotating rule takes its
 * `rotationStarts` in turn, one per period (week, or month, times the interval).
 */
export interface RecurrenceRule {
  timeZone: string;
  /** Local start, minutes after midnight in `timeZone`. */
  startMinutes: number;
  rotationStarts?: readonly number[];
  durationMinutes: number;
  frequency: Frequency;
  interval: number;
  /** ISO weekdays, 1 = Monday ... 7 = Sunday. */
  weekdays: number[];
  monthDay: number | null;
  monthWeek: number | null;
  monthWeekday: number | null;
  startDate: string;
  untilDate: string | null;
  count: number | null;
}

export type { Interval, TimeWindow } from "./interval";

/** A change to one meeting of a series; the series keeps its identity. */
export type MeetingException =
  | { originalStart: number; status: "cancelled" }
  | { originalStart: number; status: "moved"; start: number; durationMinutes: number };

/** A change as stored, with the sequence number its invites carry. */
export type StoredException = MeetingException & { sequence: number };

/** A series' changed meetings, and how far changes to its meetings have taken its version (restores too). */
export interface SeriesChanges {
  exceptions: readonly StoredException[];
  /** The highest SEQUENCE any of its meetings reached. */
  sequence: number;
  /** When one of its meetings last changed, if ever. */
  lastModified: number | null;
}

export interface PlannedMeeting extends Interval {
  /** The instant the rule gives this meeting: its identity within the series. */
  originalStart: number;
  /** The meeting's date in the ritual's own zone, by the rule. */
  localDate: string;
  status: "scheduled" | "moved";
  /** Set when the rule's local time did not exist ("gap") or happened twice ("ambiguous") that day. */
  adjustment: LocalAdjustment;
}

/** A rotation takes two or three start times in turn. */
export const MAX_TURNS = 3;

const ruleSchema = z
  .object({
    timeZone: z.string().refine(isValidTimeZone, "validation.timeZoneUnknown"),
    startMinutes: z.number().int().min(0, "validation.timeInvalid").max(1439, "validation.timeInvalid"),
    durationMinutes: z.number().int().min(1, "validation.durationPositive").max(1440, "validation.durationTooLong"),
    frequency: z.enum(["weekly", "monthly", "once"], { message: "validation.frequencyInvalid" }),
    interval: z.number().int().min(1, "validation.intervalTooSmall"),
    weekdays: z.array(z.number().int().min(1).max(7)),
    startDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "validation.dateInvalid"),
    untilDate: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "validation.dateInvalid")
      .nullable(),
    count: z.number().int().min(1, "validation.countTooSmall").nullable(),
    monthDay: z.number().int().min(1).max(31).nullable(),
    monthWeek: z.number().int().nullable(),
    monthWeekday: z.number().int().min(1).max(7).nullable(),
    rotationStarts: z.array(z.number().int().min(0).max(1439)).max(MAX_TURNS).optional(),
  })
  .superRefine((rule, ctx) => {
    if (rule.frequency === "weekly" && rule.weekdays.length === 0) {
      ctx.addIssue({ code: "custom", path: ["weekdays"], message: "validation.weekdaysRequired" });
    }
    if (
      rule.frequency === "monthly" &&
      rule.monthDay === null &&
      (rule.monthWeek === null || rule.monthWeekday === null)
    ) {
      ctx.addIssue({ code: "custom", path: ["monthDay"], message: "validation.monthRuleRequired" });
    }
    if (rule.untilDate !== null && rule.untilDate < rule.startDate) {
      ctx.addIssue({ code: "custom", path: ["untilDate"], message: "validation.untilBeforeStart" });
    }
  });

/** The local start times a rule takes in turn: just its start time when it does not rotate. */
export function turnsOf(rule: RecurrenceRule): readonly number[] {
  const rotation = rule.rotationStarts ?? [];
  return rotation.length > 1 && rule.frequency !== "once" ? rotation : [rule.startMinutes];
}

/** Which of the rule's turns a local day of the series falls in: its period's number, modulo the turns. */
export function turnOn(rule: RecurrenceRule, day: DayNumber): number {
  const turns = turnsOf(rule).length;
  if (turns === 1) return 0;
  const start = dayFromIso(rule.startDate);
  let period: number;
  if (rule.frequency === "weekly") {
    const mondayOf = (d: DayNumber) => d - (isoWeekdayOf(d) - 1);
    period = Math.floor((mondayOf(day) - mondayOf(start)) / 7 / rule.interval);
  } else {
    const monthOf = (d: DayNumber) => {
      const date = new Date(d * DAY);
      return date.getUTCFullYear() * 12 + date.getUTCMonth();
    };
    period = Math.floor((monthOf(day) - monthOf(start)) / rule.interval);
  }
  return ((period % turns) + turns) % turns;
}

/** The local start time (minutes after midnight) of the rule's meeting on a day of the series. */
export function startMinutesOn(rule: RecurrenceRule, day: DayNumber): number {
  return turnsOf(rule)[turnOn(rule, day)]!;
}

const exceptionSchema = z.discriminatedUnion("status", [
  z.object({ status: z.literal("cancelled"), originalStart: z.number().finite() }),
  z.object({
    status: z.literal("moved"),
    originalStart: z.number().finite(),
    start: z.number().finite(),
    durationMinutes: z.number().int().min(1, "validation.durationPositive").max(1440, "validation.durationTooLong"),
  }),
]);
const exceptionsSchema = z.array(exceptionSchema);

/** Checks one change to a meeting before it is stored. */
export function validateException(change: MeetingException): Validated<MeetingException> {
  return validate(exceptionSchema, change);
}

const windowSchema = z
  .object({ from: z.number().finite(), to: z.number().finite() })
  .refine((window) => window.to > window.from, { path: ["to"], message: "validation.endBeforeStart" });

/**
 * The local days the rule meets on, in order, from `firstWanted` (or from the
 * start when counting) until no later period can begin by `lastWanted`.
 */
function* ruleDays(rule: RecurrenceRule, firstWanted: DayNumber, lastWanted: DayNumber): Generator<DayNumber> {
  const start = dayFromIso(rule.startDate);
  if (rule.frequency === "once") {
    yield start;
    return;
  }
  // A COUNT counts from the first meeting, so only an open-ended rule may skip ahead.
  const skipTo = rule.count === null ? Math.max(start, firstWanted) : start;
  if (rule.frequency === "weekly") {
    const weekdays = [...new Set(rule.weekdays)].sort((a, b) => a - b);
    const firstMonday = start - (isoWeekdayOf(start) - 1);
    const skipWeeks = Math.floor((skipTo - firstMonday) / 7);
    for (
      let week = skipWeeks - (skipWeeks % rule.interval);
      firstMonday + week * 7 <= lastWanted;
      week += rule.interval
    ) {
      for (const weekday of weekdays) {
        const day = firstMonday + week * 7 + weekday - 1;
        if (day >= start) yield day;
      }
    }
    return;
  }
  const first = new Date(start * DAY);
  const firstMonth = first.getUTCFullYear() * 12 + first.getUTCMonth();
  const skipDate = new Date(skipTo * DAY);
  const skipMonths = skipDate.getUTCFullYear() * 12 + skipDate.getUTCMonth() - firstMonth;
  for (let month = firstMonth + skipMonths - (skipMonths % rule.interval); ; month += rule.interval) {
    const year = Math.floor(month / 12);
    const monthIndex = month % 12;
    const length = daysInMonth(year, monthIndex);
    const firstOfMonth = Date.UTC(year, monthIndex, 1) / DAY;
    if (firstOfMonth > lastWanted) return;
    let day: DayNumber | null = null;
    if (rule.monthDay !== null) {
      // Like RFC 5545, a month without that day (the 31st in April) is skipped, not clamped.
      if (rule.monthDay <= length) day = firstOfMonth + rule.monthDay - 1;
    } else if (rule.monthWeek !== null && rule.monthWeekday !== null) {
      if (rule.monthWeek > 0) {
        const firstMatch = firstOfMonth + ((rule.monthWeekday - isoWeekdayOf(firstOfMonth) + 7) % 7);
        day = firstMatch + (rule.monthWeek - 1) * 7;
      } else {
        const lastOfMonth = firstOfMonth + length - 1;
        day = lastOfMonth - ((isoWeekdayOf(lastOfMonth) - rule.monthWeekday + 7) % 7);
      }
    }
    if (day !== null && day >= start) yield day;
  }
}

/**
 * The meetings of a rule that overlap a window, computed in the rule's own zone
 * so "Tue 10:00 Europe/Berlin" stays 10:00 in Berlin across DST. Cancelled
 * meetings are left out; moved ones appear once, at their new time.
 */
export function expandRecurrence(
  rule: RecurrenceRule,
  window: TimeWindow,
  exceptions: readonly MeetingException[] = [],
): Validated<PlannedMeeting[]> {
  const ruleCheck = validate(ruleSchema, rule);
  if (!ruleCheck.success) return ruleCheck;
  const windowCheck = validate(windowSchema, window);
  if (!windowCheck.success) return windowCheck;
  const exceptionsCheck = validate(exceptionsSchema, exceptions);
  if (!exceptionsCheck.success) return { success: false, errors: prefixed("exceptions", exceptionsCheck.errors) };
  return { success: true, data: expandValidRule(rule, window, exceptions) };
}

function prefixed(prefix: string, errors: FieldErrors): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([field, message]) => [`${prefix}.${field}`, message]));
}

/** `expandRecurrence` for a rule already known to be valid. */
export function expandValidRule(
  rule: RecurrenceRule,
  window: TimeWindow,
  exceptions: readonly MeetingException[] = [],
): PlannedMeeting[] {
  const zone = ZoneOffsets.for(rule.timeZone);
  const duration = rule.durationMinutes * MINUTE;
  const byOriginal = new Map(exceptions.map((exception) => [exception.originalStart, exception]));
  // Local days can be up to 14 hours off UTC and a meeting lasts up to a day: widen the search by two days.
  const firstWanted = Math.floor(window.from / DAY) - 2;
  const lastWanted = Math.floor(window.to / DAY) + 2;
  const until = rule.untilDate === null ? Infinity : dayFromIso(rule.untilDate);
  const meetings: PlannedMeeting[] = [];
  let made = 0;
  for (const day of ruleDays(rule, firstWanted, Math.min(lastWanted, until))) {
    if (day > until || day > lastWanted || (rule.count !== null && made >= rule.count)) break;
    made++;
    if (day < firstWanted) continue;
    const { instant, adjustment } = localToInstant(zone, day * DAY + startMinutesOn(rule, day) * MINUTE);
    const exception = byOriginal.get(instant);
    if (exception?.status === "cancelled" || exception?.status === "moved") continue;
    if (instant < window.to && instant + duration > window.from) {
      meetings.push({
        originalStart: instant,
        start: instant,
        end: instant + duration,
        localDate: isoFromDay(day),
        status: "scheduled",
        adjustment,
      });
    }
  }
  for (const exception of exceptions) {
    if (exception.status !== "moved") continue;
    const end = exception.start + exception.durationMinutes * MINUTE;
    if (exception.start < window.to && end > window.from) {
      meetings.push({
        originalStart: exception.originalStart,
        start: exception.start,
        end,
        localDate: isoFromDay(Math.floor(zone.toLocalMs(exception.originalStart) / DAY)),
        status: "moved",
        adjustment: null,
      });
    }
  }
  return meetings.sort((a, b) => a.start - b.start);
}

/** The first meeting a valid rule gives (cancellations aside), or null when none comes within ten years. */
export function firstMeeting(rule: RecurrenceRule): PlannedMeeting | null {
  const start = dayFromIso(rule.startDate) * DAY;
  for (let year = 0; year < 10; year++) {
    const [first] = expandValidRule(rule, {
      from: start - 2 * DAY + year * 366 * DAY,
      to: start + (year + 1) * 366 * DAY,
    });
    if (first) return first;
  }
  return null;
}

/**
 * The rule's own wall-clock time for a meeting (as if UTC), even where a DST gap
 * moved the instant: what calendar apps call its RECURRENCE-ID or EXDATE.
 */
export function nominalLocalTime(rule: RecurrenceRule, originalStart: number): number {
  const day = Math.floor(ZoneOffsets.for(rule.timeZone).toLocalMs(originalStart) / DAY);
  return day * DAY + startMinutesOn(rule, day) * MINUTE;
}
