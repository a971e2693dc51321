import { parseWeekdayList } from "~/domain/clock";
import { contactTimeZone } from "~/domain/people";
import type { Ritual } from "~/domain/ritual";
import type { ScheduledRitual } from "~/domain/week-schedule";
import type { Person } from "~/domain/working-hours";
import { prisma } from "~/utils/db.server";
import { CHANGED_MEETING, toStoredException } from "./meeting.server";
import { toRitual } from "./ritual.server";
import { attendeeRole } from "./columns";
import { DAY } from "~/domain/durations";
import { holidayDates } from "~/domain/holidays";
import { daysOff, type AwaySpan, type TeamDayEntry } from "~/domain/days-off";
import { isoFromDay } from "~/domain/local-dates";

/** How far back declined meetings are read: a moved meeting may now start before its original time. */
const RECENT = 7 * DAY;

export interface PlanningMember extends Person {
  email: string;
  role: string;
  userId: string | null;
  /** Time away from a week back on, in date order. */
  away: AwaySpan[];
}

export interface PlanningContact extends Person {
  email: string;
  /** Whether the contact has a zone of their own or takes the customer's. */
  ownTimeZone: boolean;
}

export interface PlanningCustomer {
  id: string;
  name: string;
  timeZone: string;
  language: string;
  etiquetteNote: string;
  holidayRegion: string | null;
  contacts: PlanningContact[];
}

export interface PlanningRitual extends ScheduledRitual {
  ritual: Ritual;
  customerId: string | null;
}

export interface TeamPlanning {
  members: PlanningMember[];
  /** The team's own days off, and public holidays it works on. */
  teamDays: TeamDayEntry[];
  customers: PlanningCustomer[];
  rituals: PlanningRitual[];
}

function hours(row: { workStartMinutes: number; workEndMinutes: number; workDays: string }) {
  return {
    workStartMinutes: row.workStartMinutes,
    workEndMinutes: row.workEndMinutes,
    workDays: parseWeekdayList(row.workDays),
  };
}

/** Teams whose planning a process keeps, the least recently read dropped first. */
const KEPT_TEAMS = 256;

interface KeptPlanning {
  version: number;
  day: number;
  planning: TeamPlanning;
}

/** Each team's planning as last read, with the version and day it was read at (a Map keeps reading order). */
const keptPlannings = new Map<string, KeptPlanning>();

/** Shared by every request that reads the same version, so nothing may change it in place. */
function frozen<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) frozen(inner);
  }
  return value;
}

/**
 * Everything the planning pages work from, read again only when the team's
 * planning version (raised by database triggers on every change to what is
 * read here, decision 6) or the day has moved on since this process last read
 * it: one indexed look-up otherwise, on every instance.
 */
export async function loadTeamPlanning(teamId: string, now = Date.now()): Promise<TeamPlanning> {
  const team = await prisma.team.findUnique({ where: { id: teamId }, select: { planningVersion: true } });
  const day = Math.floor(now / DAY);
  const kept = keptPlannings.get(teamId);
  keptPlannings.delete(teamId);
  if (kept && team && kept.version === team.planningVersion && kept.day === day) {
    keptPlannings.set(teamId, kept);
    return kept.planning;
  }
  const planning = frozen(await readTeamPlanning(teamId, day * DAY));
  if (team) {
    keptPlannings.set(teamId, { version: team.planningVersion, day, planning });
    if (keptPlannings.size > KEPT_TEAMS) keptPlannings.delete(keptPlannings.keys().next().value!);
  }
  return planning;
}

/**
 * The planning in four queries: the team's people with their working hours
 * and time away, its own days off, its customers' contacts, and every ritual
 * with its changed meetings, who attends in which role, and who said no to a
 * meeting to come (from a week before `since`).
 */
async function readTeamPlanning(teamId: string, since: number): Promise<TeamPlanning> {
  const [members, teamDays, customers, rituals] = await Promise.all([
    prisma.member.findMany({
      where: { teamId },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      include: {
        timeAway: {
          // A date string compares as a date: spans that ended over a week ago matter to no page.
          where: { lastDay: { gte: isoFromDay(Math.floor((since - RECENT) / DAY)) } },
          orderBy: { firstDay: "asc" },
          select: { firstDay: true, lastDay: true, delegateId: true, message: true },
        },
      },
    }),
    prisma.teamDay.findMany({
      where: { teamId },
      orderBy: { date: "asc" },
      select: { date: true, name: true, off: true },
    }),
    prisma.customer.findMany({
      where: { teamId },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      include: { contacts: { orderBy: [{ name: "asc" }, { id: "asc" }] } },
    }),
    prisma.ritual.findMany({
      where: { teamId },
      orderBy: [{ title: "asc" }, { id: "asc" }],
      include: {
        attendees: true,
        contacts: true,
        meetings: { where: CHANGED_MEETING },
        // Meetings to come that people said they will not come to (the tallies look ahead).
        rsvps: {
          where: { answer: "no", originalStart: { gte: new Date(since - RECENT) } },
          select: { originalStart: true, personId: true, start: true },
        },
      },
    }),
  ]);
  // Public holidays from last year to two years ahead: every date a planning page looks at.
  const year = new Date(since).getUTCFullYear();
  const holidays = (region: string | null) => holidayDates(region, year - 1, year + 2);
  return {
    teamDays,
    members: members.map((member) => ({
      id: member.id,
      name: member.name,
      email: member.email,
      role: member.role,
      userId: member.userId,
      timeZone: member.timeZone,
      ...hours(member),
      holidays: daysOff(holidays(member.holidayRegion), teamDays, member.timeAway),
      away: member.timeAway,
    })),
    customers: customers.map((customer) => {
      const daysOff = holidays(customer.holidayRegion);
      return {
        id: customer.id,
        name: customer.name,
        timeZone: customer.timeZone,
        language: customer.language,
        etiquetteNote: customer.etiquetteNote,
        holidayRegion: customer.holidayRegion,
        contacts: customer.contacts.map((contact) => ({
          id: contact.id,
          name: contact.name,
          email: contact.email,
          timeZone: contactTimeZone(contact, customer),
          ownTimeZone: contact.timeZone !== null,
          ...hours(contact),
          holidays: daysOff,
        })),
      };
    }),
    rituals: rituals.map((row) => {
      const ritual = toRitual(row);
      return {
        id: row.id,
        ritual,
        customerId: row.customerId,
        rule: ritual,
        buffers: ritual,
        exceptions: row.meetings.map(toStoredException),
        attendees: [
          ...row.attendees.map((a) => ({
            personId: a.memberId,
            role: attendeeRole(a.role),
          })),
          ...row.contacts.map((c) => ({ personId: c.contactId, role: "participant" as const })),
        ],
        declined: row.rsvps.map((no) => ({
          originalStart: no.originalStart.getTime(),
          personId: no.personId,
          start: no.start.getTime(),
        })),
      };
    }),
  };
}

/** A ritual as the lists show it: its hosts by name, how many are invited, and its customer. */
export function ritualSummary(planning: TeamPlanning, saved: PlanningRitual) {
  const names = new Map(planning.members.map((member) => [member.id, member.name]));
  return {
    ...saved.ritual,
    hosts: saved.attendees
      .filter((attendee) => attendee.role === "host")
      .map((attendee) => ({ id: attendee.personId, name: names.get(attendee.personId) ?? "" })),
    participantCount: saved.attendees.length,
    customerName: planning.customers.find((customer) => customer.id === saved.customerId)?.name ?? null,
  };
}
