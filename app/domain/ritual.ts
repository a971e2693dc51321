import { z } from "zod";
import type { Buffers } from "./buffers";
import { clockTime, clockToMinutes, isoWeekday } from "./clock";
import { localDate, longText, optionalLocalDate, singleLine, timeZoneName } from "./fields";
import { localDateTime } from "./local-dates";
import {
  FREQUENCIES,
  MAX_BUFFER_MINUTES,
  MAX_DURATION_MINUTES,
  RITUAL_DEFAULTS,
  RITUAL_KINDS,
  type RitualKind,
} from "./ritual-kinds";
import { MAX_TURNS, type RecurrenceRule } from "./recurrence";
import { withCrossChecks } from "./cross-checks";
import { validate, type Validated } from "./validation";

const wholeNumber = (field: string) =>
  z.coerce.number({ invalid_type_error: `validation.${field}Invalid` }).int(`validation.${field}Invalid`);

const bufferMinutes = wholeNumber("buffer")
  .min(0, "validation.bufferNegative")
  .max(MAX_BUFFER_MINUTES, "validation.bufferTooLong");

/** A meeting's length in whole minutes, as typed. */
export const meetingLength = wholeNumber("duration")
  .min(1, "validation.durationPositive")
  .max(MAX_DURATION_MINUTES, "validation.durationTooLong");

/** Weeks of "last Friday of the month" style rules: 1-4, or -1 for the last. */
const MONTH_WEEKS = [1, 2, 3, 4, -1] as const;

export const ritualSchema = withCrossChecks(
  {
    kind: z.enum(RITUAL_KINDS, { message: "validation.kindInvalid" }),
    title: singleLine(200, "validation.titleRequired"),
    timeZone: timeZoneName,
    startTime: clockTime,
    /** Other start times the series takes in turn with `startTime`, one per period: "17:00" or "17:00, 21:00". */
    rotationTimes: z
      .string()
      .trim()
      .default("")
      .transform((value) =>
        value
          .split(/[\s,]+/)
          .filter(Boolean)
          .map(clockToMinutes),
      )
      .refine((times) => times.every((time) => time !== null && time < 1440), "validation.rotationTimesInvalid")
      .refine((times) => times.length < MAX_TURNS, "validation.rotationTooLong")
      .transform((times) => times as number[]),
    durationMinutes: meetingLength,
    frequency: z.enum(FREQUENCIES, { message: "validation.frequencyInvalid" }),
    interval: wholeNumber("interval").min(1, "validation.intervalTooSmall").max(52, "validation.intervalTooLarge"),
    weekdays: z.array(isoWeekday).default([]),
    monthDay: wholeNumber("monthDay")
      .min(1, "validation.monthDayInvalid")
      .max(31, "validation.monthDayInvalid")
      .optional(),
    monthWeek: z.coerce
      .number()
      .refine((week) => (MONTH_WEEKS as readonly number[]).includes(week), "validation.monthWeekInvalid")
      .optional(),
    monthWeekday: isoWeekday.optional(),
    startDate: localDate,
    untilDate: optionalLocalDate,
    count: wholeNumber("count").min(1, "validation.countTooSmall").max(1000, "validation.countTooLarge").optional(),
    goEarlyMinutes: bufferMinutes,
    stayLateMinutes: bufferMinutes,
    agendaTemplate: longText(20_000),
    videoUrl: z
      .string()
      .trim()
      .max(2000, "validation.tooLong")
      .refine((value) => value === "" || /^https?:\/\/[^\s]+$/i.test(value), "validation.urlInvalid")
      .default(""),
    customerId: z
      .string()
      .trim()
      .optional()
      .transform((value) => value || undefined),
  },
  (ritual, ctx, invalid) => {
    const problem = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    // Each check needs its own fields valid: a field that is not has its own message already.
    if (ritual.frequency === "weekly" && ritual.weekdays?.length === 0) {
      problem("weekdays", "validation.weekdaysRequired");
    }
    const monthParts = ["monthDay", "monthWeek", "monthWeekday"] as const;
    if (ritual.frequency === "monthly" && !monthParts.some((part) => invalid.has(part))) {
      const byDay = ritual.monthDay !== undefined;
      const byWeekday = ritual.monthWeek !== undefined && ritual.monthWeekday !== undefined;
      if (byDay === byWeekday) problem("monthDay", "validation.monthRuleRequired");
    }
    if (ritual.untilDate !== undefined && ritual.startDate !== undefined && ritual.untilDate < ritual.startDate) {
      problem("untilDate", "validation.untilBeforeStart");
    }
    if (ritual.untilDate !== undefined && ritual.count !== undefined) {
      problem("count", "validation.countAndUntil");
    }
    const rotation = ritual.rotationTimes ?? [];
    if (ritual.frequency === "once" && rotation.length > 0) {
      problem("rotationTimes", "validation.rotationNeedsSeries");
    }
    if (ritual.startTime !== undefined && new Set([ritual.startTime, ...rotation]).size !== rotation.length + 1) {
      problem("rotationTimes", "validation.rotationRepeats");
    }
    if (ritual.kind === "tea-time" && !ritual.customerId) {
      problem("customerId", "validation.customerRequired");
    }
    // A series may pass a DST gap (that meeting moves, and says so); a single meeting may not sit in one.
    const { timeZone, startDate, startTime } = ritual;
    const placed = timeZone !== undefined && startDate !== undefined && startTime !== undefined;
    if (ritual.frequency === "once" && placed && isSkippedTime(timeZone, startDate, startTime)) {
      problem("startTime", "validation.timeSkipped");
    }
  },
);

/** Whether clocks in the zone jump over this local time on this date (spring forward). */
export function isSkippedTime(timeZone: string, localDate: string, minutes: number): boolean {
  return localDateTime(timeZone, localDate, minutes).adjustment === "gap";
}

export type RitualInput = z.output<typeof ritualSchema>;
/** What a form or a script hands in: any field a kind has a default for may be left out. */
export type RitualDraft = { [Field in keyof RitualFields]?: AsTyped<RitualFields[Field]> } & { kind: RitualKind };
type RitualFields = z.input<typeof ritualSchema>;
/** Numbers may come in as typed text: the schema reads them. */
type AsTyped<T> = T extends number ? number | string : T extends number[] ? (number | string)[] : T;

/** Fills in the kind's defaults, then validates everything. */
export function validateRitual(draft: RitualDraft): Validated<RitualInput> {
  const defaults = RITUAL_DEFAULTS[draft.kind] ?? {};
  const given = Object.fromEntries(Object.entries(draft).filter(([, value]) => value !== undefined && value !== ""));
  return validate(ritualSchema, { ...defaults, ...given });
}

/** The start times a series takes in turn, the first being its start time; empty when it does not rotate. */
export function rotationStartsOf(input: Pick<RitualInput, "startTime" | "rotationTimes">): number[] {
  return input.rotationTimes.length > 0 ? [input.startTime, ...input.rotationTimes] : [];
}

/** When a valid draft meets and how long its buffers are: what the engine needs before anything is saved. */
export function ruleOf(input: RitualInput): RecurrenceRule & Buffers {
  return {
    timeZone: input.timeZone,
    startMinutes: input.startTime,
    rotationStarts: rotationStartsOf(input),
    durationMinutes: input.durationMinutes,
    frequency: input.frequency,
    interval: input.interval,
    weekdays: input.weekdays,
    monthDay: input.monthDay ?? null,
    monthWeek: input.monthWeek ?? null,
    monthWeekday: input.monthWeekday ?? null,
    startDate: input.startDate,
    untilDate: input.untilDate ?? null,
    count: input.count ?? null,
    goEarlyMinutes: input.goEarlyMinutes,
    stayLateMinutes: input.stayLateMinutes,
  };
}

/** A saved ritual as the rest of the app sees it. */
/** A ritual: when it meets (its recurrence rule), its buffers, and what it is. */
export interface Ritual extends RecurrenceRule, Buffers {
  id: string;
  kind: RitualKind;
  title: string;
  /** Start times taken in turn, one per period, beginning with `startMinutes`; empty when it does not rotate. */
  rotationStarts: number[];
  agendaTemplate: string;
  videoUrl: string;
}

/** A ritual as stored: what its calendar files need beyond the rule. */
export interface StoredRitual extends Ritual {
  teamId: string;
  /** Raised on every change an invite must carry. */
  sequence: number;
  createdAt: number;
  updatedAt: number;
  customer: { name: string; etiquetteNote: string; language: string; timeZone: string } | null;
}
