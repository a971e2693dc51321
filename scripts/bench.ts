/**
 * Speed figures for the scheduling engine. Prints medians over repeated runs
 * (after one cold run, reported separately) and the machine it ran on.
 *
 *   npm run bench
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import ICAL from "ical.js";
import { FIXTURE_ZONES } from "~tests/support/domain-fixtures";
import { expandValidRule, type Interval, type RecurrenceRule } from "~/domain/recurrence";
import { RITUAL_DEFAULTS, RITUAL_KINDS } from "~/domain/ritual-kinds";
import { findSlots, type SlotParticipant } from "~/domain/slots";
import { teamSeriesInvite } from "~/calendar/ritual-calendars";
import { runCalendarBench } from "./bench-calendar";

const ZONES = [...FIXTURE_ZONES, "America/Los_Angeles"];

function measure(name: string, target: string, run: () => unknown, repeats = 30): void {
  const coldStart = performance.now();
  run();
  const cold = performance.now() - coldStart;
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const p95 = times[Math.floor(times.length * 0.95)]!;
  console.log(
    `${name}\n  cold ${cold.toFixed(1)} ms, median ${median.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms (target ${target})`,
  );
}

function mixedRituals(count: number): RecurrenceRule[] {
  return Array.from({ length: count }, (_, i) => {
    const kind = RITUAL_KINDS[i % RITUAL_KINDS.length]!;
    const defaults = RITUAL_DEFAULTS[kind];
    const monthly = i % 10 === 9;
    return {
      timeZone: ZONES[i % ZONES.length]!,
      startMinutes: (8 * 60 + (i % 40) * 15) % 1440,
      durationMinutes: defaults.durationMinutes,
      frequency: monthly ? "monthly" : defaults.frequency,
      interval: defaults.interval,
      weekdays: defaults.weekdays,
      monthDay: null,
      monthWeek: monthly ? -1 : null,
      monthWeekday: monthly ? 5 : null,
      startDate: "2026-01-05",
      untilDate: null,
      count: null,
    };
  });
}

const year2026 = { from: Date.parse("2026-01-01T00:00:00Z"), to: Date.parse("2027-01-01T00:00:00Z") };
const rituals = mixedRituals(500);
let meetingsPerYear = 0;
console.log(`Node ${process.version} on ${os.cpus().length} × ${os.cpus()[0]?.model ?? "unknown CPU"}\n`);

measure("Expand one year of 500 rituals of mixed kinds", "< 100 ms", () => {
  meetingsPerYear = rituals.reduce((sum, rule) => sum + expandValidRule(rule, year2026).length, 0);
});
console.log(`  (${meetingsPerYear} meetings)`);

// Twice weekly in Berlin for five years: ours against ical.js expanding the same RRULE (floating time, so
// ical.js does no zone work at all; ours converts every meeting to an instant and still has to be faster).
const twiceWeekly: RecurrenceRule = { ...rituals[0]!, timeZone: "Europe/Berlin", weekdays: [2, 4], interval: 1 };
const fiveYears = { from: Date.parse("2026-01-01T00:00:00Z"), to: Date.parse("2031-01-01T00:00:00Z") };
const oursTimes: number[] = [];
const icalTimes: number[] = [];
let oursCount = 0;
let icalCount = 0;
for (let i = 0; i < 31; i++) {
  let start = performance.now();
  oursCount = expandValidRule(twiceWeekly, fiveYears).length;
  oursTimes.push(performance.now() - start);
  start = performance.now();
  const iterator = ICAL.Recur.fromString("FREQ=WEEKLY;BYDAY=TU,TH;WKST=MO").iterator(
    ICAL.Time.fromData({ year: 2026, month: 1, day: 6, hour: 8, minute: 0, second: 0, isDate: false }),
  );
  icalCount = 0;
  for (let next = iterator.next(); next && next.year < 2031; next = iterator.next()) icalCount++;
  icalTimes.push(performance.now() - start);
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
console.log(
  `Twice-weekly rule over 5 years: ours ${median(oursTimes).toFixed(2)} ms (${oursCount} meetings), ` +
    `ical.js ${median(icalTimes).toFixed(2)} ms (${icalCount}); ical.js / ours = ${(
      median(icalTimes) / median(oursTimes)
    ).toFixed(1)}×`,
);

// A series invite spells out its VTIMEZONE and every meeting a DST change touches for the series' whole span:
// for one that never ends, as far as the zone data goes. Sundays at 02:30 in Berlin are in the gap or twice
// every spring and autumn.
const sundayNights = {
  ...twiceWeekly,
  id: "bench",
  teamId: "team",
  kind: "check-in" as const,
  title: "Check-in",
  weekdays: [2, 4, 7],
  rotationStarts: [],
  startMinutes: 150,
  count: null,
  untilDate: null,
  goEarlyMinutes: 5,
  stayLateMinutes: 5,
  agendaTemplate: "Ideas",
  videoUrl: "https://meet.example/x",
  sequence: 0,
  createdAt: 0,
  updatedAt: 0,
  customer: null,
};
const inviteLabels = {
  kind: "Check-in",
  goEarly: (t: string) => t,
  stayLate: (t: string) => t,
  roomOpensEarly: () => "",
  agenda: "Agenda",
  etiquette: "Etiquette",
  notes: "Notes",
};
let inviteKilobytes = 0;
measure("Series invite, never ending, Tue/Thu/Sun 02:30 in Berlin (to 2100)", "< 100 ms", () => {
  const text = teamSeriesInvite(
    sundayNights,
    {
      attendees: [{ name: "Lena", email: "lena@example.com", role: "host" }],
      changes: { exceptions: [], sequence: 0, lastModified: null },
      viewerIsHost: true,
    },
    { appUrl: "https://rituals.example", labels: inviteLabels },
  );
  inviteKilobytes = Math.round(text.length / 1024);
});
console.log(`  (${inviteKilobytes} KB)`);

// Twelve people in eight zones, 40 meetings already in the week.
const weekStart = Date.parse("2026-03-23T00:00:00Z");
const people: SlotParticipant[] = Array.from({ length: 12 }, (_, i) => ({
  id: `p${i}`,
  name: `Person ${i}`,
  timeZone: ZONES[i % ZONES.length]!,
  workStartMinutes: 9 * 60,
  workEndMinutes: 17 * 60 + 30,
  workDays: [1, 2, 3, 4, 5],
  role: i < 2 ? "host" : "participant",
  busy: [],
}));
for (let m = 0; m < 40; m++) {
  const start = weekStart + ((m * 7919) % (7 * 96)) * 15 * 60_000;
  const meeting: Interval = { start, end: start + 45 * 60_000 };
  people[m % people.length]!.busy.push(meeting);
  people[(m * 5 + 3) % people.length]!.busy.push(meeting);
}
measure("Slot finding: 12 participants in 8 zones, one week, 40 existing meetings", "< 50 ms", () =>
  findSlots(
    {
      timeZone: "Europe/Berlin",
      weekStart: "2026-03-23",
      durationMinutes: 30,
      goEarlyMinutes: 10,
      stayLateMinutes: 10,
      weekdays: [1, 2, 3, 4, 5],
      participants: people,
    },
    10,
  ),
);

await runCalendarBench();
