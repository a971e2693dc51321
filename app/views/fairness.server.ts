import type { FairnessRow } from "./fairness";
import { TALLY_MEETINGS, tallyForRituals, type FairnessEntry } from "~/domain/fairness";
import { upcomingMeetings } from "~/domain/week-schedule";
import type { Person } from "~/domain/working-hours";
import { everyoneOf } from "~/domain/people";
import type { TeamPlanning } from "~/models/planning.server";

const WEEK = 7 * 86_400_000;

/** The tally as the bars show it, most minutes outside first. */
export function fairnessRows(entries: FairnessEntry[], people: readonly Pick<Person, "id" | "name">[]): FairnessRow[] {
  const names = new Map(people.map((person) => [person.id, person.name]));
  return entries
    .filter((entry) => entry.meetings > 0)
    .map((entry) => ({
      personId: entry.personId,
      name: names.get(entry.personId) ?? "",
      meetings: entry.meetings,
      outside: entry.meetingsOutside,
      minutes: entry.minutesOutside,
      night: entry.meetingsAtNight,
    }))
    .sort((a, b) => b.night - a.night || b.minutes - a.minutes || a.name.localeCompare(b.name));
}

/** Per member, the next twelve weeks of all the team's rituals. */
export function teamFairness(planning: TeamPlanning, now: number): FairnessRow[] {
  return fairnessRows(
    tallyForRituals(planning.members, planning.rituals, { from: now, to: now + TALLY_MEETINGS * WEEK }),
    planning.members,
  );
}

/** Per person invited, the ritual's next twelve meetings (cancelled ones left out). */
export function ritualFairness(planning: TeamPlanning, ritualId: string, now: number): FairnessRow[] {
  const ritual = planning.rituals.find((r) => r.id === ritualId);
  if (!ritual) return [];
  const last = upcomingMeetings(ritual, now, TALLY_MEETINGS).at(-1);
  if (!last) return [];
  const people: Person[] = everyoneOf(planning);
  return fairnessRows(tallyForRituals(people, [ritual], { from: now, to: last.end }), people);
}
