import { teamDaySchema, timeAwaySchema } from "~/domain/days-off";
import { validate, type WriteResult } from "~/domain/validation";
import { inTransaction, prisma } from "~/utils/db.server";

// Days people are not there: each member's time away, and the team's own days off and worked holidays.

/** A member's time away that has not ended before `fromDay`, first first, with who covers. */
export function listTimeAway(teamId: string, memberId: string, fromDay: string) {
  return prisma.timeAway.findMany({
    where: { memberId, member: { teamId }, lastDay: { gte: fromDay } },
    orderBy: { firstDay: "asc" },
    select: {
      id: true,
      firstDay: true,
      lastDay: true,
      message: true,
      delegate: { select: { id: true, name: true } },
    },
  });
}

/**
 * Adds a span away for one of the team's members: the one who covers must
 * be someone else on the team, and a span may not overlap another of theirs.
 */
export async function addTimeAway(
  teamId: string,
  memberId: string,
  input: unknown,
): Promise<WriteResult<{ id: string }>> {
  const parsed = validate(timeAwaySchema, input);
  if (!parsed.success) return { ok: false, errors: parsed.errors };
  const { firstDay, lastDay, delegateId, message } = parsed.data;
  if (delegateId) {
    const delegate = await prisma.member.findFirst({ where: { id: delegateId, teamId }, select: { id: true } });
    if (!delegate || delegate.id === memberId)
      return { ok: false, errors: { delegateId: "validation.delegateUnknown" } };
  }
  // In one transaction, so a span sent twice (a double click) is saved once: the second finds the first.
  return inTransaction(async (db): Promise<WriteResult<{ id: string }>> => {
    const overlapping = await db.timeAway.findFirst({
      where: { memberId, firstDay: { lte: lastDay }, lastDay: { gte: firstDay } },
    });
    const same =
      overlapping?.firstDay === firstDay &&
      overlapping.lastDay === lastDay &&
      overlapping.delegateId === delegateId &&
      overlapping.message === message;
    if (overlapping)
      return same
        ? { ok: true, value: { id: overlapping.id } }
        : { ok: false, errors: { firstDay: "validation.awayOverlaps" } };
    const row = await db.timeAway.create({
      data: { memberId, firstDay, lastDay, delegateId, message },
      select: { id: true },
    });
    return { ok: true, value: row };
  });
}

/** Removes a span away of this member; another member's id removes nothing. */
export async function deleteTimeAway(memberId: string, id: string): Promise<boolean> {
  const { count } = await prisma.timeAway.deleteMany({ where: { id, memberId } });
  return count === 1;
}

/** The team's own calendar, by date. */
export function listTeamDays(teamId: string) {
  return prisma.teamDay.findMany({
    where: { teamId },
    orderBy: { date: "asc" },
    select: { id: true, date: true, name: true, off: true },
  });
}

/** A day off for the whole team, or a public holiday it works on: one entry a date, a second replaces the first. */
export async function saveTeamDay(teamId: string, input: unknown): Promise<WriteResult<{ id: string }>> {
  const parsed = validate(teamDaySchema, input);
  if (!parsed.success) return { ok: false, errors: parsed.errors };
  const { date, name, off } = parsed.data;
  const row = await prisma.teamDay.upsert({
    where: { teamId_date: { teamId, date } },
    create: { teamId, date, name, off },
    update: { name, off },
    select: { id: true },
  });
  return { ok: true, value: row };
}

export async function deleteTeamDay(teamId: string, id: string): Promise<boolean> {
  const { count } = await prisma.teamDay.deleteMany({ where: { id, teamId } });
  return count === 1;
}

/** The time away of a ritual's hosts that touches the days given, with who covers: what its customer is told. */
export function hostsAway(ritualId: string, days: { from: string; to: string }) {
  return prisma.timeAway.findMany({
    where: {
      member: { rituals: { some: { ritualId, role: "host" } } },
      lastDay: { gte: days.from },
      firstDay: { lte: days.to },
    },
    orderBy: { firstDay: "asc" },
    select: {
      firstDay: true,
      lastDay: true,
      message: true,
      member: { select: { name: true } },
      delegate: { select: { name: true, email: true } },
    },
  });
}
