import fc from "fast-check";
import ICAL from "ical.js";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { FIXTURE_ZONES } from "~tests/support/domain-fixtures";
import { expandRecurrence, type PlannedMeeting, type RecurrenceRule } from "./recurrence";

const BYDAY = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

/** Random valid rules whose start date is itself a meeting, as RFC 5545 assumes of DTSTART. */
const ruleArbitrary: fc.Arbitrary<RecurrenceRule> = fc
  .record({
    timeZone: fc.constantFrom(...FIXTURE_ZONES),
    start: fc.date({
      min: new Date("2025-01-01T00:00:00Z"),
      max: new Date("2027-12-31T00:00:00Z"),
      noInvalidDate: true,
    }),
    startMinutes: fc.oneof(fc.integer({ min: 0, max: 1439 }), fc.constantFrom(60, 90, 120, 150, 165, 180, 195)),
    durationMinutes: fc.integer({ min: 1, max: 180 }),
    kind: fc.constantFrom("weekly", "monthly-day", "monthly-weekday", "once"),
    interval: fc.integer({ min: 1, max: 4 }),
    extraWeekdays: fc.subarray([1, 2, 3, 4, 5, 6, 7]),
    end: fc.oneof(
      fc.constant(null),
      // Small enough that every meeting falls inside the three-year window below.
      fc.record({ count: fc.integer({ min: 1, max: 30 }) }),
      fc.record({ days: fc.integer({ min: 0, max: 500 }) }),
    ),
  })
  .map(({ timeZone, start, startMinutes, durationMinutes, kind, interval, extraWeekdays, end }) => {
    const date = DateTime.fromJSDate(start, { zone: "UTC" }).startOf("day");
    const lastOfMonth = date.endOf("month").day;
    const nth = date.day + 7 > lastOfMonth ? -1 : Math.ceil(date.day / 7);
    return {
      timeZone,
      startMinutes,
      durationMinutes,
      frequency: kind === "once" ? "once" : kind === "weekly" ? "weekly" : "monthly",
      interval: kind === "once" ? 1 : interval,
      weekdays: kind === "weekly" ? [...new Set([date.weekday, ...extraWeekdays])].sort() : [],
      monthDay: kind === "monthly-day" ? date.day : null,
      monthWeek: kind === "monthly-weekday" ? nth : null,
      monthWeekday: kind === "monthly-weekday" ? date.weekday : null,
      startDate: date.toISODate()!,
      untilDate: kind !== "once" && end && "days" in end ? date.plus({ days: end.days }).toISODate() : null,
      count: kind !== "once" && end && "count" in end ? end.count : null,
    } satisfies RecurrenceRule;
  });

function windowFor(rule: RecurrenceRule) {
  const from = DateTime.fromISO(rule.startDate, { zone: "UTC" }).minus({ days: 2 });
  return { from: from.toMillis(), to: from.plus({ years: 3 }).toMillis() };
}

function expand(rule: RecurrenceRule, exceptions: Parameters<typeof expandRecurrence>[2] = []): PlannedMeeting[] {
  const result = expandRecurrence(rule, windowFor(rule), exceptions);
  if (!result.success) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

/** The same rule as an RRULE, expanded by ical.js in floating local time. */
function icalLocalTimes(rule: RecurrenceRule, lastLocalDate: string): DateTime[] {
  const [year, month, day] = rule.startDate.split("-").map(Number) as [number, number, number];
  const dtstart = ICAL.Time.fromData({
    year,
    month,
    day,
    hour: Math.floor(rule.startMinutes / 60),
    minute: rule.startMinutes % 60,
    second: 0,
    isDate: false,
  });
  const parts = [`INTERVAL=${rule.interval}`, "WKST=MO"];
  if (rule.frequency === "weekly")
    parts.unshift("FREQ=WEEKLY", `BYDAY=${rule.weekdays.map((d) => BYDAY[d - 1]).join(",")}`);
  if (rule.frequency === "monthly") {
    parts.unshift("FREQ=MONTHLY");
    parts.push(
      rule.monthDay !== null
        ? `BYMONTHDAY=${rule.monthDay}`
        : `BYDAY=${rule.monthWeek}${BYDAY[rule.monthWeekday! - 1]}`,
    );
  }
  if (rule.frequency === "once") parts.unshift("FREQ=DAILY", "COUNT=1");
  if (rule.count !== null) parts.push(`COUNT=${rule.count}`);
  if (rule.untilDate !== null) parts.push(`UNTIL=${rule.untilDate.replaceAll("-", "")}T235959`);
  const iterator = ICAL.Recur.fromString(parts.join(";")).iterator(dtstart);
  const times: DateTime[] = [];
  for (let next = iterator.next(); next; next = iterator.next()) {
    const local = DateTime.fromObject(
      { year: next.year, month: next.month, day: next.day, hour: next.hour, minute: next.minute },
      { zone: "UTC" },
    );
    if (local.toISODate()! > lastLocalDate) break;
    times.push(local);
  }
  return times;
}

const runs = { numRuns: 150 };

describe("recurrence against ical.js and luxon", () => {
  it("meets on the same local dates as ical.js, at the instants luxon computes for them", () => {
    fc.assert(
      fc.property(ruleArbitrary, (rule) => {
        const ours = expand(rule);
        const lastLocalDate = DateTime.fromMillis(windowFor(rule).to, { zone: "UTC" }).minus({ days: 3 }).toISODate()!;
        const oursInRange = ours.filter((meeting) => meeting.localDate <= lastLocalDate);
        const theirs = icalLocalTimes(rule, lastLocalDate);
        expect(oursInRange.map((m) => m.localDate)).toEqual(theirs.map((t) => t.toISODate()));

        theirs.forEach((wallClock, index) => {
          const meeting = oursInRange[index]!;
          const inZone = DateTime.fromObject(wallClock.toObject(), { zone: rule.timeZone });
          const possible = inZone.getPossibleOffsets();
          const exists =
            inZone.hour === wallClock.hour && inZone.minute === wallClock.minute && inZone.day === wallClock.day;
          if (!exists) {
            expect(meeting.adjustment).toBe("gap");
            // Moved forward, but never past where the skipped hour ends.
            expect(meeting.start).toBeLessThanOrEqual(inZone.toMillis());
            expect(DateTime.fromMillis(meeting.start - 60_000, { zone: rule.timeZone }).offset).not.toBe(
              DateTime.fromMillis(meeting.start, { zone: rule.timeZone }).offset,
            );
          } else if (possible.length > 1) {
            expect(meeting.adjustment).toBe("ambiguous");
            expect(meeting.start).toBe(Math.min(...possible.map((dt) => dt.toMillis())));
          } else {
            expect(meeting.adjustment).toBeNull();
            expect(meeting.start).toBe(inZone.toMillis());
          }
        });
      }),
      runs,
    );
  });
});

describe("recurrence properties", () => {
  it("every meeting has the rule's local time in the rule's zone, or says why not", () => {
    fc.assert(
      fc.property(ruleArbitrary, (rule) => {
        for (const meeting of expand(rule)) {
          const local = DateTime.fromMillis(meeting.start, { zone: rule.timeZone });
          if (meeting.adjustment === null) {
            expect(local.hour * 60 + local.minute).toBe(rule.startMinutes);
            expect(local.toISODate()).toBe(meeting.localDate);
          } else {
            expect(["gap", "ambiguous"]).toContain(meeting.adjustment);
          }
          expect(meeting.end - meeting.start).toBe(rule.durationMinutes * 60_000);
        }
      }),
      runs,
    );
  });

  it("instants strictly increase, and count and until are honoured", () => {
    fc.assert(
      fc.property(ruleArbitrary, (rule) => {
        const meetings = expand(rule);
        for (let i = 1; i < meetings.length; i++) expect(meetings[i]!.start).toBeGreaterThan(meetings[i - 1]!.start);
        if (rule.count !== null) expect(meetings.length).toBeLessThanOrEqual(rule.count);
        if (rule.count !== null && rule.frequency === "weekly") expect(meetings).toHaveLength(rule.count);
        if (rule.untilDate !== null) for (const m of meetings) expect(m.localDate <= rule.untilDate).toBe(true);
        if (rule.frequency === "once") expect(meetings).toHaveLength(1);
        expect(meetings[0]?.localDate ?? rule.startDate).toBe(rule.startDate);
      }),
      runs,
    );
  });

  it("a cancelled meeting vanishes and a moved one appears once, at its new time", () => {
    fc.assert(
      fc.property(
        ruleArbitrary,
        fc.nat(),
        fc.nat(),
        fc.integer({ min: -3 * 24 * 60, max: 3 * 24 * 60 }),
        (rule, a, b, shift) => {
          const meetings = expand(rule);
          const cancelled = meetings[a % meetings.length]!;
          const moved = meetings[b % meetings.length]!;
          fc.pre(cancelled.originalStart !== moved.originalStart);
          const newStart = moved.start + shift * 60_000;
          const window = windowFor(rule);
          fc.pre(newStart >= window.from && newStart + 20 * 60_000 <= window.to);
          const changed = expand(rule, [
            { originalStart: cancelled.originalStart, status: "cancelled" },
            { originalStart: moved.originalStart, status: "moved", start: newStart, durationMinutes: 20 },
          ]);
          expect(changed.some((m) => m.originalStart === cancelled.originalStart)).toBe(false);
          const movedCopies = changed.filter((m) => m.originalStart === moved.originalStart);
          expect(movedCopies.map((m) => [m.start, m.end, m.status])).toEqual([
            [newStart, newStart + 20 * 60_000, "moved"],
          ]);
          expect(changed).toHaveLength(meetings.length - 1);
        },
      ),
      runs,
    );
  });

  it("an open-ended rule gives the same meetings whatever window it is asked for", () => {
    fc.assert(
      fc.property(ruleArbitrary, fc.integer({ min: 0, max: 700 }), (rule, offsetDays) => {
        const open = { ...rule, count: null };
        const whole = expand(open);
        const from = windowFor(open).from + offsetDays * 86_400_000;
        const to = from + 60 * 86_400_000;
        const part = expandRecurrence(open, { from, to });
        expect(part.success && part.data).toEqual(whole.filter((m) => m.start < to && m.end > from));
      }),
      runs,
    );
  });
});
