import { DEFAULT_LANGUAGE, isLanguage, type Language } from "~/domain/languages";
import { contactTimeZone } from "~/domain/people";
import type { SeriesChanges } from "~/domain/recurrence";
import type { StoredRitual } from "~/domain/ritual";
import { prisma, type DbOrTransaction } from "~/utils/db.server";
import type { Meeting as MeetingRow } from "~/generated/prisma/client";
import { CHANGED_MEETING, toStoredException } from "./meeting.server";
import { shareTokenOf } from "./note.server";
import { CUSTOMER_FACTS, toStoredRitual } from "./ritual.server";
import { attendeeRole } from "./columns";

/** A team member on a ritual, as its invites and mail name them. */
interface RitualAttendee {
  memberId: string;
  userId: string | null;
  name: string;
  email: string;
  timeZone: string;
  emailsOff: boolean;
  /** Their meetings reach their calendar through their feed, so no invite is mailed to them. */
  followsFeed: boolean;
  /** The language their mail is written in. */
  language: Language;
  role: "host" | "participant";
}

/** A customer's contact on a tea time, on the clock they read times on. */
interface RitualContact {
  id: string;
  name: string;
  email: string;
  timeZone: string;
}

/** Everything a ritual's calendar files and mails say, read at once. */
export interface RitualRecord {
  ritual: StoredRitual;
  teamName: string;
  attendees: RitualAttendee[];
  contacts: RitualContact[];
  changes: SeriesChanges;
  /** The meetings' pages shared with the customer, newest meeting first. */
  sharedPages: { originalStart: number; token: string }[];
}

/** How many shared pages a customer's invite links to. */
const SHARED_PAGES_LINKED = 3;

/**
 * A series' cancelled and moved meetings, with the highest sequence and the
 * latest change of any of its meetings: a restored meeting no longer counts as
 * changed, but its invite still changed.
 */
export function seriesChangesOf(rows: readonly MeetingRow[]): SeriesChanges {
  return {
    exceptions: rows.filter((row) => row.status !== "scheduled").map(toStoredException),
    sequence: Math.max(0, ...rows.map((row) => row.sequence)),
    lastModified: rows.length > 0 ? Math.max(...rows.map((row) => row.updatedAt.getTime())) : null,
  };
}

/** The meetings whose rows the series' invite reflects: changed ones, and restored ones (for their sequence). */
export const SERIES_CHANGE_ROWS = { OR: [CHANGED_MEETING, { status: "scheduled", sequence: { gt: 0 } }] };

/** One of the team's rituals with its people and changes, or null when the team has no such ritual. */
export async function loadRitualRecord(
  teamId: string,
  ritualId: string,
  db: DbOrTransaction = prisma,
): Promise<RitualRecord | null> {
  // One after the other: inside a transaction both go through one connection.
  const row = await db.ritual.findFirst({
    where: { id: ritualId, teamId },
    include: {
      customer: CUSTOMER_FACTS,
      team: { select: { name: true } },
      attendees: {
        include: {
          member: {
            select: {
              id: true,
              name: true,
              email: true,
              userId: true,
              timeZone: true,
              emailsOff: true,
              calendarFeed: { select: { memberId: true } },
              user: { select: { language: true } },
            },
          },
        },
        orderBy: { role: "asc" },
      },
      contacts: {
        include: { contact: { select: { id: true, name: true, email: true, timeZone: true } } },
      },
      meetings: { where: SERIES_CHANGE_ROWS },
    },
  });
  if (!row) return null;
  const shared = await db.notePage.findMany({
    where: { shareTokenHash: { not: null }, meeting: { ritualId, ritual: { teamId } } },
    select: { id: true, shareTokenHash: true, shareGeneration: true, meeting: { select: { originalStart: true } } },
    orderBy: { meeting: { originalStart: "desc" } },
    take: SHARED_PAGES_LINKED,
  });
  const customer = row.customer;
  return {
    ritual: toStoredRitual(row),
    teamName: row.team.name,
    attendees: row.attendees.map(({ member, role }) => ({
      memberId: member.id,
      userId: member.userId,
      name: member.name,
      email: member.email,
      timeZone: member.timeZone,
      emailsOff: member.emailsOff,
      followsFeed: member.calendarFeed !== null,
      // A member without an account has chosen nothing yet.
      language: isLanguage(member.user?.language) ? member.user.language : DEFAULT_LANGUAGE,
      role: attendeeRole(role),
    })),
    contacts: customer
      ? row.contacts.map(({ contact }) => ({ ...contact, timeZone: contactTimeZone(contact, customer) }))
      : [],
    changes: seriesChangesOf(row.meetings),
    sharedPages: shared.map((page) => ({
      originalStart: page.meeting.originalStart.getTime(),
      token: shareTokenOf(page)!,
    })),
  };
}
