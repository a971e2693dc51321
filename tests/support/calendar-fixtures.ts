/** What the calendar tests build files from: words, people and a ritual to vary. */
import { tuesdaysInBerlin } from "./domain-fixtures";
import type { CalendarLabels, CalendarRitual } from "~/calendar/ritual-calendars";

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
