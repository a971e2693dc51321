import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { busyInterval, overlaps } from "./buffers";
import { findSlots, type SlotParticipant } from "./slots";

const ZONES = ["Europe/Berlin", "Asia/Seoul", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe"];
const WEEK = "2026-03-02"; // the week before New York's clocks change, Lord Howe three weeks before its own

/** Someone in one of the hard zones, busy at random times that week, with random public holidays in it. */
const someone = fc.record({
  zone: fc.constantFrom(...ZONES),
  role: fc.constantFrom("host" as const, "participant" as const),
  busy: fc.array(
    fc.record({
      offsetMinutes: fc.integer({ min: -24 * 60, max: 8 * 24 * 60 }),
      minutes: fc.integer({ min: 15, max: 600 }),
    }),
    { maxLength: 8 },
  ),
  holidays: fc.subarray([0, 1, 2, 3, 4, 5, 6, 7]),
});

describe("the slot finder, for any team", () => {
  it("never suggests a time that overlaps anyone's busy time, or falls on anyone's holiday where they are", () => {
    fc.assert(
      fc.property(
        fc.array(someone, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 30 }),
        (people, buffer) => {
          const monday = DateTime.fromISO(WEEK, { zone: "UTC" }).toMillis();
          const participants: SlotParticipant[] = people.map((p, index) => ({
            id: `p${index}`,
            name: `P${index}`,
            timeZone: p.zone,
            workStartMinutes: 9 * 60,
            workEndMinutes: 18 * 60,
            workDays: [1, 2, 3, 4, 5],
            role: p.role,
            busy: p.busy.map((b) => ({
              start: monday + b.offsetMinutes * 60_000,
              end: monday + (b.offsetMinutes + b.minutes) * 60_000,
            })),
            holidays: new Set(
              p.holidays.map((d) =>
                DateTime.fromISO(WEEK)
                  .plus({ days: d - 1 })
                  .toISODate()!,
              ),
            ),
          }));
          const request = {
            timeZone: "Europe/Berlin",
            weekStart: WEEK,
            durationMinutes: 45,
            goEarlyMinutes: buffer,
            stayLateMinutes: buffer,
            weekdays: [1, 2, 3, 4, 5, 6, 7],
            participants,
          };
          const found = findSlots(request, 1000);
          if (!found.success) throw new Error(JSON.stringify(found.errors));
          for (const slot of found.data) {
            for (const person of participants) {
              const taken = busyInterval(slot, person.role, request);
              expect(person.busy.some((busy) => overlaps(busy, taken))).toBe(false);
              // Every local date the person's time touches, by luxon on their clock.
              const dates = [taken.start, taken.end - 1].map((at) =>
                DateTime.fromMillis(at, { zone: person.timeZone }).toISODate()!,
              );
              expect(dates.some((date) => person.holidays!.has(date))).toBe(false);
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
