import { expandValidRule, validateException, type MeetingException, type StoredException } from "~/domain/recurrence";
import type { StoredRitual } from "~/domain/ritual";
import type { WriteResult } from "~/domain/validation";
import { prisma, type DbOrTransaction } from "~/utils/db.server";
import type { Meeting as MeetingRow } from "~/generated/prisma/client";
import { getRitual, highestMeetingSequence } from "./ritual.server";
import { MINUTE } from "~/domain/durations";
import { meetingOnSameDay } from "~/domain/meeting-address";

/** The rituals' cancelled and moved meetings, by ritual, as the engine and the calendar files take them. */
export async function listExceptionsFor(ritualIds: string[]): Promise<Map<string, StoredException[]>> {
  const rows = await prisma.meeting.findMany({
    where: { ritualId: { in: ritualIds }, ...CHANGED_MEETING },
  });
  const byRitual = new Map<string, StoredException[]>();
  for (const row of rows) byRitual.set(row.ritualId, [...(byRitual.get(row.ritualId) ?? []), toStoredException(row)]);
  return byRitual;
}

/** Which meetings count as changed: the rest follow the rule. */
export const CHANGED_MEETING = { status: { in: ["cancelled", "moved"] } };

/** A cancelled or moved meeting's row as the engine takes it. */
export function toStoredException(row: MeetingRow): StoredException {
  const originalStart = row.originalStart.getTime();
  return row.status === "cancelled"
    ? { originalStart, status: "cancelled", sequence: row.sequence }
    : {
        originalStart,
        status: "moved",
        start: row.start.getTime(),
        durationMinutes: row.durationMinutes,
        sequence: row.sequence,
      };
}

/**
 * One meeting of one of the team's rituals, as the rule gives it, with any
 * change made to it; or a meeting that left the series when its rule changed
 * and is kept for its notes ("detached").
 */
export async function findMeeting(teamId: string, ritualId: string, originalStart: number) {
  const ritual = await getRitual(teamId, ritualId);
  return ritual && findMeetingOf(ritual, originalStart);
}

/**
 * Where an address from before a series edit leads: the original instant of
 * the meeting the team's ritual has that day now, or null (no such ritual,
 * no meeting that day, or the address is current).
 */
export async function currentAddressOf(teamId: string, ritualId: string, originalStart: number) {
  if (!Number.isFinite(originalStart)) return null;
  const ritual = await getRitual(teamId, ritualId);
  const sameDay = ritual && meetingOnSameDay(ritual, originalStart);
  return sameDay && sameDay.originalStart !== originalStart ? sameDay.originalStart : null;
}

export type FoundMeeting = NonNullable<Awaited<ReturnType<typeof findMeetingOf>>>;

/** `findMeeting` for a ritual already loaded. */
export async function findMeetingOf(ritual: StoredRitual, originalStart: number, db: DbOrTransaction = prisma) {
  if (!Number.isFinite(originalStart)) return null;
  const planned = expandValidRule(ritual, { from: originalStart - MINUTE, to: originalStart + MINUTE }).find(
    (meeting) => meeting.originalStart === originalStart,
  );
  // A meeting's row also outlives a change undone (a restored meeting): its sequence still counts.
  const row = await db.meeting.findUnique({
    where: { ritualId_originalStart: { ritualId: ritual.id, originalStart: new Date(originalStart) } },
  });
  const detached = !planned && row?.status === "detached";
  if (!planned && !detached) return null;
  const moved = row?.status === "moved";
  const start = moved || detached ? row.start.getTime() : planned!.start;
  const duration = moved || detached ? row.durationMinutes : ritual.durationMinutes;
  return {
    ritual,
    meeting: {
      originalStart,
      start,
      end: start + duration * MINUTE,
      cancelled: row?.status === "cancelled",
      moved,
      detached,
      sequence: row?.sequence ?? 0,
    },
  };
}

/** Meetings that left a ritual's series when its rule changed, kept for their notes; newest first. */
export async function listDetachedMeetings(teamId: string, ritualId: string) {
  const rows = await prisma.meeting.findMany({
    where: { ritualId, status: "detached", ritual: { teamId } },
    orderBy: { start: "desc" },
    select: { originalStart: true, start: true },
  });
  return rows.map((row) => ({ originalStart: row.originalStart.getTime(), start: row.start.getTime() }));
}

/**
 * The sequence for a change to one of the ritual's meetings: above the series'
 * and above every one of its meetings', since the series invite carries them all
 * (its EXDATEs and overrides) and must rise with each change too.
 */
async function nextSequence(ritual: { id: string; sequence: number }, db: DbOrTransaction): Promise<number> {
  return Math.max(ritual.sequence, await highestMeetingSequence(ritual.id, db)) + 1;
}

/**
 * Records a change to one meeting (found with `findMeetingOf`). Each change
 * raises the meeting's sequence above the series', so calendar apps take the new version.
 */
export async function recordMeetingChange(
  { ritual, meeting }: FoundMeeting,
  change: MeetingException,
  db: DbOrTransaction = prisma,
): Promise<WriteResult<{ sequence: number }>> {
  const checked = validateException(change);
  if (!checked.success) return { ok: false, errors: checked.errors };
  if (meeting.detached) return { ok: false, errors: { form: "validation.meetingDetached" } };
  const sequence = await nextSequence(ritual, db);
  const data =
    change.status === "cancelled"
      ? { status: "cancelled", start: new Date(meeting.start), durationMinutes: ritual.durationMinutes, sequence }
      : { status: "moved", start: new Date(change.start), durationMinutes: change.durationMinutes, sequence };
  await db.meeting.upsert({
    where: { ritualId_originalStart: { ritualId: ritual.id, originalStart: new Date(meeting.originalStart) } },
    create: { ritualId: ritual.id, originalStart: new Date(meeting.originalStart), ...data },
    update: data,
  });
  return { ok: true, value: { sequence } };
}

/**
 * Undoes a cancellation or a move: the meeting follows the rule again. Its
 * sequence still rises, so calendar apps that took the cancellation take this too.
 */
export async function recordMeetingRestore(
  { ritual, meeting }: FoundMeeting,
  db: DbOrTransaction = prisma,
): Promise<WriteResult<{ sequence: number }>> {
  if (meeting.detached) return { ok: false, errors: { form: "validation.meetingDetached" } };
  const sequence = await nextSequence(ritual, db);
  await db.meeting.updateMany({
    where: { ritualId: ritual.id, originalStart: new Date(meeting.originalStart) },
    data: {
      status: "scheduled",
      start: new Date(meeting.originalStart),
      durationMinutes: ritual.durationMinutes,
      sequence,
    },
  });
  return { ok: true, value: { sequence } };
}
