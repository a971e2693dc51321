/** What the calendar tests build files from: words, people and a ritual to vary. */
import { tuesdaysInBerlin } from "./domain-fixtures";
import type { CalendarLabels, CalendarRitual } from "~/calendar/ritual-calendars";
import { expandValidRule, type SeriesChanges, type StoredException, type TimeWindow } from "~/domain/recurrence";

export const labels: CalendarLabels = {
  kind: "Team check-in",
  goEarly: (title) => `Go early: ${title}`,
  stayLate: (title) => `Stay late: ${title}`,
  roomOpensEarly: (minutes) => `The room opens ${minutes} minutes early.`,
  agenda: "Agenda",
  etiquette: "Etiquette",
  notes: "Notes",
};
export const context = { appUrl: "https://rituals.example", labels };
export const lena = { name: "Lena Fischer", email: "lena@northwind.example", role: "host" as const };
export const jiwoo = { name: "Ji-woo Park", email: "jiwoo@northwind.example", role: "participant" as const };

/** A check-in on Tuesdays and Thursdays at 10:00 in Berlin from 6 January 2026, with buffers and an agenda. */
export function calendarRitual(overrides: Partial<CalendarRitual> = {}): CalendarRitual {
  return {
    id: "r1",
    teamId: "t1",
    kind: "check-in",
    title: "Team check-in",
    ...tuesdaysInBerlin,
    rotationStarts: [],
    weekdays: [2, 4],
    goEarlyMinutes: 5,
    stayLateMinutes: 5,
    agendaTemplate: "- Ideas\n- Blockers",
    videoUrl: "https://meet.example.com/check-in",
    sequence: 0,
    createdAt: Date.UTC(2026, 0, 1),
    updatedAt: Date.UTC(2026, 0, 2),
    customer: null,
    ...overrides,
  };
}

export const year2026: TimeWindow = {
  from: Date.parse("2026-01-01T00:00:00Z"),
  to: Date.parse("2027-01-01T00:00:00Z"),
};

/** Cancels the 3rd meeting and moves the 5th a day and two hours later. */
export function someExceptions(subject: CalendarRitual): StoredException[] {
  const meetings = expandValidRule(subject, year2026);
  const moved = meetings[4]!;
  return [
    { originalStart: meetings[2]!.originalStart, status: "cancelled", sequence: 1 },
    {
      originalStart: moved.originalStart,
      status: "moved",
      start: moved.start + 26 * 3_600_000,
      durationMinutes: 45,
      sequence: 2,
    },
  ];
}

/** The changes as the database gives them when nothing was restored. */
export function changesOf(exceptions: StoredException[]): SeriesChanges {
  return { exceptions, sequence: Math.max(0, ...exceptions.map((e) => e.sequence)), lastModified: null };
}

/** Rules in the hard zones and shapes the calendar tests read back: DST gaps, rotations, counts, months. */
export const fixtures: [string, Partial<CalendarRitual>][] = [
  ["Berlin, Tue and Thu 10:00 across both European switches", {}],
  [
    "New York, every other Monday 09:00",
    { timeZone: "America/New_York", weekdays: [1], interval: 2, startMinutes: 540 },
  ],
  [
    "Sydney, Sundays 02:30 (both southern switch days)",
    { timeZone: "Australia/Sydney", weekdays: [7], startMinutes: 150 },
  ],
  ["Berlin, Sundays 02:30 (a gap in March, twice in October)", { weekdays: [7], startMinutes: 150 }],
  ["Kolkata (+5:30), Wednesdays 17:30", { timeZone: "Asia/Kolkata", weekdays: [3], startMinutes: 17 * 60 + 30 }],
  ["Chatham (+12:45/+13:45), Mondays 08:15", { timeZone: "Pacific/Chatham", weekdays: [1], startMinutes: 495 }],
  [
    "Seoul, the last Friday of each month, 12 times",
    { timeZone: "Asia/Seoul", frequency: "monthly", monthWeek: -1, monthWeekday: 5, count: 12 },
  ],
  ["Berlin, Tuesdays until 30 June", { weekdays: [2], untilDate: "2026-06-30" }],
  [
    "Seoul, Wednesdays taking turns at 09:00 and 17:00 (a rotation: one series per time)",
    { timeZone: "Asia/Seoul", weekdays: [3], startMinutes: 540, rotationStarts: [540, 1020] },
  ],
  [
    "Berlin, Tue and Thu every other week, turns at 08:00 / 16:00 / 19:00, 20 times",
    { weekdays: [2, 4], interval: 2, startMinutes: 480, rotationStarts: [480, 960, 1140], count: 20 },
  ],
  [
    "Sydney, the first Monday of each month, turns at 07:30 and 18:00",
    {
      timeZone: "Australia/Sydney",
      frequency: "monthly",
      monthWeek: 1,
      monthWeekday: 1,
      startMinutes: 450,
      rotationStarts: [450, 1080],
    },
  ],
];
