import { z } from "zod";
import { busyInterval, overlaps, type Role } from "./buffers";
import { TALLY_MEETINGS, tallyOutsideHours, type Attendance, type FairnessEntry } from "./fairness";
import { dayFromIso, isoFromDay, isoWeekdayOf } from "./local-dates";
import type { Interval } from "./recurrence";
import { MAX_BUFFER_MINUTES, MAX_DURATION_MINUTES } from "./ritual-kinds";
import { isValidTimeZone } from "./time-zones";
import { validate, type Validated } from "./validation";
import { nightDepth, onDayOff, onHoliday, timeOutsideWorkingHours, type Person } from "./working-hours";
import { localToInstant, ZoneOffsets } from "./zone-offsets";
import { DAY, MINUTE } from "~/domain/durations";

const SLOT_GRID_MINUTES = 15;

export interface SlotParticipant extends Person {
  role: Role;
  /** A customer's contact: never asked to meet at night while a daytime slot exists. */
  customer?: boolean;
  /** Times this person is already taken (their other meetings, with buffers where they host). */
  busy: Interval[];
}

export interface SlotRequest {
  /** The zone the weekdays and the 15-minute grid are read in: the ritual's anchor zone. */
  timeZone: string;
  /** First local date of the week to search (seven days from it). */
  weekStart: string;
  durationMinutes: number;
  goEarlyMinutes: number;
  stayLateMinutes: number;
  /** ISO weekdays allowed, in `timeZone`. */
  weekdays: number[];
  participants: SlotParticipant[];
}

export interface SlotSuggestion extends Interval {
  /** The start in the anchor zone: local date and minutes after midnight. */
  localDate: string;
  localStartMinutes: number;
  /** People for whom the slot (with buffers, for hosts) is outside working hours, and by how much. */
  outside: { personId: string; minutes: number; atNight: number; nightDepth: number; dayOff: boolean }[];
  peopleOutside: number;
  minutesOutside: number;
  /** People asked to meet in their night (22:00-07:00 for a day worker), and those minutes in all. */
  peopleAtNight: number;
  minutesAtNight: number;
  /** How deep into their nights people are asked to meet, added up: 01:00 weighs more than 22:30. */
  nightDepth: number;
  customerAtNight: boolean;
}

const zoneName = z.string().refine(isValidTimeZone, "validation.timeZoneUnknown");

const requestSchema = z.object({
  timeZone: zoneName,
  weekStart: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "validation.dateInvalid"),
  durationMinutes: z
    .number()
    .int("validation.durationInvalid")
    .min(1, "validation.durationPositive")
    .max(MAX_DURATION_MINUTES, "validation.durationTooLong"),
  goEarlyMinutes: z
    .number()
    .int()
    .min(0, "validation.bufferNegative")
    .max(MAX_BUFFER_MINUTES, "validation.bufferTooLong"),
  stayLateMinutes: z
    .number()
    .int()
    .min(0, "validation.bufferNegative")
    .max(MAX_BUFFER_MINUTES, "validation.bufferTooLong"),
  weekdays: z.array(z.number().int().min(1).max(7)).min(1, "validation.weekdaysRequired"),
  participants: z
    .array(
      z
        .object({
          timeZone: zoneName,
          workStartMinutes: z.number().int().min(0).max(1440),
          workEndMinutes: z.number().int().min(0).max(1440),
          workDays: z.array(z.number().int().min(1).max(7)),
        })
        .refine((person) => person.workEndMinutes % 1440 !== person.workStartMinutes, {
          path: ["workEndMinutes"],
          message: "validation.workHoursEmpty",
        }),
    )
    .min(1, "validation.participantsRequired"),
});

/**
 * Best first: a customer at night is worst of all, then anyone at night (an
 * hour at 2 AM weighs more than any number of early or late edges), then the
 * fewest people outside working hours, then the fewest minutes outside.
 */
function rank(a: SlotSuggestion, b: SlotSuggestion): number {
  return (
    Number(a.customerAtNight) - Number(b.customerAtNight) ||
    a.peopleAtNight - b.peopleAtNight ||
    a.nightDepth - b.nightDepth ||
    a.minutesAtNight - b.minutesAtNight ||
    a.peopleOutside - b.peopleOutside ||
    a.minutesOutside - b.minutesOutside ||
    a.start - b.start
  );
}

/** Every start on the grid in the week that conflicts with nobody and falls on nobody's holiday, best first. */
function candidateSlots(request: SlotRequest): SlotSuggestion[] {
  const zone = ZoneOffsets.for(request.timeZone);
  const firstDay = dayFromIso(request.weekStart);
  const duration = request.durationMinutes * MINUTE;
  const slots: SlotSuggestion[] = [];
  for (let day = firstDay; day < firstDay + 7; day++) {
    if (!request.weekdays.includes(isoWeekdayOf(day))) continue;
    for (let minutes = 0; minutes < 24 * 60; minutes += SLOT_GRID_MINUTES) {
      const { instant, adjustment } = localToInstant(zone, day * DAY + minutes * MINUTE);
      // A time skipped by a DST change is the same instant as the end of the gap; offer that one only.
      if (adjustment === "gap") continue;
      const meeting = { start: instant, end: instant + duration };
      const outside: SlotSuggestion["outside"] = [];
      let customerAtNight = false;
      let free = true;
      for (const person of request.participants) {
        const busy = busyInterval(meeting, person.role, request);
        if (person.busy.some((taken) => overlaps(taken, busy)) || onHoliday(person, busy)) {
          free = false;
          break;
        }
        const { minutes, atNight } = timeOutsideWorkingHours(person, busy);
        if (minutes === 0) continue;
        const depth = atNight > 0 ? nightDepth(person, busy) : 0;
        const dayOff = atNight === 0 && onDayOff(person, busy, minutes);
        outside.push({ personId: person.id, minutes, atNight, nightDepth: depth, dayOff });
        if (atNight > 0 && person.customer) customerAtNight = true;
      }
      if (!free) continue;
      slots.push({
        ...meeting,
        localDate: isoFromDay(day),
        localStartMinutes: minutes,
        outside,
        peopleOutside: outside.length,
        minutesOutside: outside.reduce((sum, entry) => sum + entry.minutes, 0),
        peopleAtNight: outside.filter((entry) => entry.atNight > 0).length,
        minutesAtNight: outside.reduce((sum, entry) => sum + entry.atNight, 0),
        nightDepth: outside.reduce((sum, entry) => sum + entry.nightDepth, 0),
        customerAtNight,
      });
    }
  }
  return slots.sort(rank);
}

/**
 * Start times on a 15-minute grid, ranked: everyone inside working hours
 * first, then the fewest people outside, then the fewest minutes outside.
 * A slot that overlaps anyone's existing meeting or busy time, or falls on
 * their public holiday, is never offered.
 */
export function findSlots(request: SlotRequest, limit = 10): Validated<SlotSuggestion[]> {
  const checked = validate(requestSchema, request);
  if (!checked.success) return checked;
  return { success: true, data: candidateSlots(request).slice(0, limit) };
}

export interface RotationProposal {
  /** Meeting n of the series uses slot n modulo the cycle length. */
  slots: SlotSuggestion[];
  /** Over the next `weeks` meetings: who is outside working hours, how often, by how much. */
  tally: FairnessEntry[];
}

/** How many of the distinct trade-offs to combine into a rotation; keeps the search small. */
const ROTATION_POOL = 14;
const LONGEST_CYCLE = 3;

function combinations<T>(items: readonly T[], size: number): T[][] {
  if (size === 0) return [[]];
  return items.flatMap((item, index) => combinations(items.slice(index + 1), size - 1).map((rest) => [item, ...rest]));
}

/** Turns a quarter of an hour apart are the same time to the people in them: a rotation's times differ by an hour at least. */
const MIN_TURN_GAP_MINUTES = 60;

function distinctTurns(slots: readonly SlotSuggestion[]): boolean {
  return slots.every((a, i) =>
    slots.slice(i + 1).every((b) => {
      const apart = Math.abs(a.localStartMinutes - b.localStartMinutes);
      return Math.min(apart, 1440 - apart) >= MIN_TURN_GAP_MINUTES;
    }),
  );
}

/** Two hours into someone's night (past midnight for a day worker) is the dead of night. */
const DEEP_NIGHT_MINUTES = 120;

/** The share of meetings that burdens the most burdened person. */
function worstShare(slots: readonly SlotSuggestion[], burdened: (entry: SlotSuggestion["outside"][number]) => boolean) {
  const counts = new Map<string, number>();
  for (const slot of slots) {
    for (const entry of slot.outside) {
      if (burdened(entry)) counts.set(entry.personId, (counts.get(entry.personId) ?? 0) + 1);
    }
  }
  return Math.max(0, ...counts.values()) / slots.length;
}

/**
 * Lower is better, compared in order: customers at night, the worst share of
 * meetings in the dead of night (00:00-05:00 for a day worker) anyone gets, the
 * same for any night time, night meetings per meeting, the worst share of
 * meetings outside working hours, minutes outside per meeting.
 */
function rotationScore(slots: readonly SlotSuggestion[]): number[] {
  const average = (value: (slot: SlotSuggestion) => number) =>
    slots.reduce((sum, slot) => sum + value(slot), 0) / slots.length;
  return [
    average((slot) => Number(slot.customerAtNight)),
    worstShare(slots, (entry) => entry.nightDepth > DEEP_NIGHT_MINUTES),
    worstShare(slots, (entry) => entry.atNight > 0),
    average((slot) => slot.peopleAtNight),
    worstShare(slots, () => true),
    average((slot) => slot.nightDepth),
    average((slot) => slot.minutesOutside),
  ];
}

function isBetter(score: number[], than: number[]): boolean {
  for (let index = 0; index < score.length; index++) {
    if (Math.abs(score[index]! - than[index]!) > 1e-9) return score[index]! < than[index]!;
  }
  return false;
}

/** The attendances of a weekly series that rotates through `slots`, meeting n in week n. */
function rotationAttendances(request: SlotRequest, slots: readonly SlotSuggestion[], weeks: number): Attendance[] {
  const zone = ZoneOffsets.for(request.timeZone);
  const attendances: Attendance[] = [];
  for (let week = 0; week < weeks; week++) {
    const slot = slots[week % slots.length]!;
    // Same wall-clock time in the anchor zone each week, so a DST change shows up in the tally.
    const start = localToInstant(
      zone,
      (dayFromIso(slot.localDate) + 7 * week) * DAY + slot.localStartMinutes * MINUTE,
    ).instant;
    const meeting = { start, end: start + request.durationMinutes * MINUTE };
    for (const person of request.participants) {
      attendances.push({ personId: person.id, role: person.role, meeting, buffers: request });
    }
  }
  return attendances;
}

/**
 * When no time fits everyone, a rotation: two or three times used in turn so
 * that the meetings outside working hours are spread as evenly as possible,
 * with the tally that shows it. Null when a slot fits everyone.
 */
export function proposeRotation(request: SlotRequest, weeks = TALLY_MEETINGS): Validated<RotationProposal | null> {
  const checked = validate(requestSchema, request);
  if (!checked.success) return checked;
  const candidates = candidateSlots(request);
  if (candidates.length === 0 || candidates[0]!.peopleOutside === 0) return { success: true, data: null };

  // One slot per distinct set of people left outside (and at night): the cheapest way to burden exactly them.
  const bySet = new Map<string, SlotSuggestion>();
  for (const slot of candidates) {
    const key = slot.outside
      .map((entry) => `${entry.personId}${entry.atNight > 0 ? "*" : ""}`)
      .sort()
      .join("|");
    if (!bySet.has(key)) bySet.set(key, slot);
  }
  const pool = [...bySet.values()].sort(rank).slice(0, ROTATION_POOL);

  let best: { slots: SlotSuggestion[]; score: number[] } | null = null;
  for (let size = 1; size <= Math.min(LONGEST_CYCLE, pool.length); size++) {
    for (const slots of combinations(pool, size)) {
      if (!distinctTurns(slots)) continue;
      const score = rotationScore(slots);
      if (!best || isBetter(score, best.score)) best = { slots, score };
    }
  }
  const slots = [...best!.slots].sort((a, b) => a.start - b.start);
  return {
    success: true,
    data: { slots, tally: tallyOutsideHours(request.participants, rotationAttendances(request, slots, weeks)) },
  };
}
