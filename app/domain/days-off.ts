/**
 * Days people are not there: a member's time away (with who covers for them),
 * and the team's own calendar (company days off, public holidays it works on
 * anyway). Together with public holidays they make a person's days off.
 */
import { z } from "zod";
import { localDate, singleLine } from "./fields";
import { withCrossChecks } from "./cross-checks";
import { dayOfLocalMs, isoFromDay, dayFromIso, localToday } from "./local-dates";
import type { Interval } from "./recurrence";
import { ZoneOffsets } from "./zone-offsets";

/** One span away, on the member's own calendar (both days included). */
export interface AwaySpan {
  firstDay: string;
  lastDay: string;
  /** Who covers meanwhile; null for nobody. */
  delegateId: string | null;
  message: string;
}

/** A day of the team's own calendar: off for everyone, or a public holiday worked anyway. */
export interface TeamDayEntry {
  date: string;
  name: string;
  off: boolean;
}

/** The longest span away one entry may hold: a sabbatical, not a typo that blocks years. */
export const LONGEST_AWAY_DAYS = 366;

export const timeAwaySchema = withCrossChecks(
  {
    firstDay: localDate,
    lastDay: localDate,
    delegateId: z
      .string()
      .trim()
      .nullish()
      .transform((value) => value || null),
    message: z
      .string()
      .default("")
      .transform((value) => value.replace(/\s+/g, " ").trim())
      .pipe(z.string().max(300, "validation.tooLong")),
  },
  (value, ctx) => {
    if (!value.firstDay || !value.lastDay) return;
    const length = dayFromIso(value.lastDay) - dayFromIso(value.firstDay) + 1;
    if (length < 1) ctx.addIssue({ code: "custom", path: ["lastDay"], message: "validation.lastDayBeforeFirst" });
    else if (length > LONGEST_AWAY_DAYS)
      ctx.addIssue({ code: "custom", path: ["lastDay"], message: "validation.awayTooLong" });
  },
);
export type TimeAwayInput = z.output<typeof timeAwaySchema>;

export const teamDaySchema = z.object({
  date: localDate,
  name: singleLine(100, "validation.nameRequired"),
  off: z.enum(["off", "working"], { message: "validation.invalid" }).transform((value) => value === "off"),
});
export type TeamDayInput = z.output<typeof teamDaySchema>;

/**
 * A person's days off whatever the weekday: their region's public holidays,
 * less the ones the team works on, plus the team's own days off and the
 * days they are away.
 */
export function daysOff(
  publicHolidays: ReadonlySet<string>,
  teamDays: readonly TeamDayEntry[],
  away: readonly AwaySpan[] = [],
): ReadonlySet<string> {
  if (teamDays.length === 0 && away.length === 0) return publicHolidays;
  const days = new Set(publicHolidays);
  for (const day of teamDays) {
    if (day.off) days.add(day.date);
    else days.delete(day.date);
  }
  for (const span of away) {
    for (let day = dayFromIso(span.firstDay); day <= dayFromIso(span.lastDay); day++) days.add(isoFromDay(day));
  }
  return days;
}

/** The span a person is away during any part of the interval, on their own calendar; null when they are there. */
export function awayDuring(
  person: { timeZone: string; away?: readonly AwaySpan[] },
  interval: Interval,
): AwaySpan | null {
  if (!person.away?.length) return null;
  const zone = ZoneOffsets.for(person.timeZone);
  const first = isoFromDay(dayOfLocalMs(zone.toLocalMs(interval.start)));
  const last = isoFromDay(dayOfLocalMs(zone.toLocalMs(Math.max(interval.start, interval.end - 1))));
  return person.away.find((span) => span.firstDay <= last && span.lastDay >= first) ?? null;
}

/** The span a person is away on a local date, if any. */
export function awayOn(spans: readonly AwaySpan[], date: string): AwaySpan | null {
  return spans.find((span) => span.firstDay <= date && span.lastDay >= date) ?? null;
}

/** Who of a meeting's attendees is away during it, and out of how many: "3 of 5 away". */
export function awayAtMeeting(
  attendeeIds: readonly string[],
  people: ReadonlyMap<string, { name: string; timeZone: string; away?: readonly AwaySpan[] }>,
  interval: Interval,
): { names: string[]; of: number } {
  const names: string[] = [];
  for (const id of attendeeIds) {
    const person = people.get(id);
    if (person && awayDuring(person, interval)) names.push(person.name);
  }
  return { names, of: attendeeIds.length };
}

/** A span away as reminders read it: whose it is, and who covers (as a person reminders can reach). */
export interface CoveredSpan<P> {
  memberId: string;
  firstDay: string;
  lastDay: string;
  delegate: P | null;
}

/**
 * Where a member's reminder due at `instant` goes: to them; while they are
 * away that day (on their own clock), to whoever covers, unless that person
 * is away too; nowhere (paused) when nobody covers.
 */
export function reminderRecipient<P extends { id: string; timeZone: string }>(
  person: P,
  spans: readonly CoveredSpan<P>[],
  instant: number,
): { to: P; coveringUntil: string | null } | null {
  const awayAt = (who: P) =>
    spans.find(
      (span) =>
        span.memberId === who.id &&
        span.firstDay <= localToday(who.timeZone, instant) &&
        span.lastDay >= localToday(who.timeZone, instant),
    );
  const away = awayAt(person);
  if (!away) return { to: person, coveringUntil: null };
  if (!away.delegate || awayAt(away.delegate)) return null;
  return { to: away.delegate, coveringUntil: away.lastDay };
}

/** The days a customer hears about time away for: from today through the meeting's day, at least the next two weeks. */
export function coverDays(timeZone: string, now: number, meetingStart: number): { from: string; to: string } {
  const today = localToday(timeZone, now);
  const meetingDay = localToday(timeZone, meetingStart);
  const fortnight = isoFromDay(dayFromIso(today) + 14);
  return { from: today, to: meetingDay > fortnight ? meetingDay : fortnight };
}
